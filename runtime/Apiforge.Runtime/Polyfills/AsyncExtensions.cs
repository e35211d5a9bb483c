#if !NET
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime
{
    /// <summary>The cancellable and async-dispose overloads of .NET 5+ that the runtime uses.</summary>
    internal static class AsyncExtensions
    {
        public static Task<string> ReadAsStringAsync(this HttpContent content, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return content.ReadAsStringAsync().WaitAsync(cancellationToken);
        }

        public static Task<byte[]> ReadAsByteArrayAsync(this HttpContent content, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return content.ReadAsByteArrayAsync().WaitAsync(cancellationToken);
        }

        public static Task<Stream> ReadAsStreamAsync(this HttpContent content, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return content.ReadAsStreamAsync().WaitAsync(cancellationToken);
        }

        /// <summary>Lets <c>await using (stream.ConfigureAwait(false))</c> compile where Stream is not IAsyncDisposable.</summary>
        public static System.Runtime.CompilerServices.ConfiguredAsyncDisposable ConfigureAwait(this Stream stream, bool continueOnCapturedContext)
            => TaskAsyncEnumerableExtensions.ConfigureAwait(new StreamDisposer(stream), continueOnCapturedContext);

        public static ValueTask DisposeAsync(this Stream stream)
        {
            stream.Dispose();
            return default;
        }

        /// <summary>.NET's <c>Stream.ReadAsync(Memory&lt;byte&gt;, …)</c>, also cancelled while a stream that ignores the token is stuck.</summary>
        public static async ValueTask<int> ReadAsync(this Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var array)) throw new NotSupportedException("Only array-backed buffers are read.");
            return await stream.ReadAsync(array.Array!, array.Offset, array.Count, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The task's result, or a cancellation when the token fires first (the task itself keeps running).</summary>
        public static async Task<T> WaitAsync<T>(this Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task) throw new OperationCanceledException(cancellationToken);
            }
            return await task.ConfigureAwait(false);
        }
    }

    internal sealed class StreamDisposer(Stream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stream.Dispose();
            return default;
        }
    }

    /// <summary>Gives <c>ArgumentOutOfRangeException.ThrowIfLessThan</c> and <c>ThrowIfNegative</c> to the runtime's code on netstandard2.0.</summary>
    internal sealed class ArgumentOutOfRangeException : System.ArgumentOutOfRangeException
    {
        public ArgumentOutOfRangeException(string? paramName, object? actualValue, string? message)
            : base(paramName, actualValue, message)
        {
        }

        public static void ThrowIfLessThan<T>(T value, T other, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
            where T : IComparable<T>
        {
            if (value.CompareTo(other) < 0) throw new System.ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be greater than or equal to '{other}'.");
        }

        public static void ThrowIfNegative(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
            => ThrowIfLessThan(value, 0, paramName);
    }

    /// <summary>Gives <c>ObjectDisposedException.ThrowIf</c> to the runtime's code on netstandard2.0.</summary>
    internal sealed class ObjectDisposedException : System.ObjectDisposedException
    {
        public ObjectDisposedException(string? objectName)
            : base(objectName)
        {
        }

        public static void ThrowIf(bool condition, object instance)
        {
            if (condition) throw new System.ObjectDisposedException(instance?.GetType().FullName);
        }
    }
}
#endif
