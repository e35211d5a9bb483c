using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// The body of a response <c>ApiResponse.SendAsync</c> returned: reads end at the call's deadline
/// (a <see cref="TaskCanceledException"/> with a <see cref="TimeoutException"/> inside, as HttpClient reports its
/// own timeout), and a connection failing mid-body becomes <see cref="ApiTransportException"/>.
/// </summary>
internal sealed class BoundedResponseContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource? _deadline;
    private readonly bool _ownsDeadline;
    private readonly TimeSpan _timeout;
    private long _bytesRead;

    /// <param name="response">The response whose body this is.</param>
    /// <param name="inner">The body as the handler gave it.</param>
    /// <param name="deadline">The call's deadline; null when it has none.</param>
    /// <param name="ownsDeadline">Whether disposing the body disposes <paramref name="deadline"/> (a shared one, see <see cref="CallDeadlines"/>, is not).</param>
    /// <param name="timeout">The timeout the deadline stands for, named by the timeout's message.</param>
    /// <param name="telemetry">The call's trace, or null.</param>
    public BoundedResponseContent(HttpResponseMessage response, HttpContent inner, CancellationTokenSource? deadline, bool ownsDeadline, TimeSpan timeout, ApiCallTelemetry? telemetry = null)
    {
        Telemetry = telemetry;
        _response = response;
        _inner = inner;
        _deadline = deadline;
        _ownsDeadline = ownsDeadline;
        _timeout = timeout;
#if NET
        // Copied as the handler stored them, unparsed: a value is parsed only if someone reads it.
        foreach (var header in inner.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                Headers.TryAddWithoutValidation(header.Key, value);
            }
        }
#else
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif
    }

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>The call's trace and duration, ended when the response is disposed; null when nothing listens.</summary>
    public ApiCallTelemetry? Telemetry { get; }

#if NET
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => CopyBodyToAsync(stream, cancellationToken);
#endif

    protected override Task<Stream> CreateContentReadStreamAsync() => OpenAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => CopyBodyToAsync(stream, CancellationToken.None);

    private Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Task<Stream> opening;
        try
        {
            opening = _inner.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<Stream>(Translate(ex, cancellationToken) ?? ex);
        }
        // A body the handler holds already (or whose headers are in) opens without a state machine.
        return opening.Status == TaskStatus.RanToCompletion
            ? Task.FromResult<Stream>(new BoundedStream(this, opening.Result))
            : OpenSlowAsync(opening, cancellationToken);
    }

    private async Task<Stream> OpenSlowAsync(Task<Stream> opening, CancellationToken cancellationToken)
    {
        try
        {
            return new BoundedStream(this, await opening.ConfigureAwait(false));
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task CopyBodyToAsync(Stream stream, CancellationToken cancellationToken)
    {
        var source = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, 81920, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            if (_ownsDeadline) _deadline?.Dispose();
            Telemetry?.Stop();
        }
        base.Dispose(disposing);
    }

    /// <summary>What a failed read becomes: the timeout, a transport failure, or null to let it pass as it is.</summary>
    private Exception? Translate(Exception ex, CancellationToken callerToken)
    {
        var translated = TranslateCore(ex, callerToken);
        Telemetry?.Fail(translated ?? ex);
        return translated;
    }

    private Exception? TranslateCore(Exception ex, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested) return null;
        if (_deadline is { IsCancellationRequested: true } && ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            return new TaskCanceledException(
                $"The request was canceled due to the configured HttpClient.Timeout of {_timeout.TotalSeconds} seconds elapsing while the response body was read.",
                new TimeoutException(ex.Message, ex));
        }
        if (ex is IOException or HttpRequestException)
        {
            return new ApiTransportException(
                $"The connection failed after {BytesRead} byte(s) of the body of a {(int)_response.StatusCode} ({_response.ReasonPhrase}) response.",
                (int)_response.StatusCode, BytesRead, null, ApiException.CollectHeaders(_response), ex);
        }
        return null;
    }

    /// <summary>Reads the inner body under the deadline, counting bytes.</summary>
    private sealed class BoundedStream : Stream
    {
        private readonly BoundedResponseContent _owner;
        private readonly Stream _inner;

        public BoundedStream(BoundedResponseContent owner, Stream inner)
        {
            _owner = owner;
            _inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

#if NET
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // The usual read: only one token to wait on (no caller's token, or no deadline), and a read that completes
            // at once: no state machine.
            var deadline = _owner._deadline;
            if (deadline is not null && cancellationToken.CanBeCanceled) return ReadLinkedAsync(buffer, cancellationToken);
            ValueTask<int> read;
            try
            {
                read = _inner.ReadAsync(buffer, deadline?.Token ?? cancellationToken);
            }
            catch (Exception ex)
            {
                return ValueTask.FromException<int>(_owner.Translate(ex, cancellationToken) ?? ex);
            }
            return read.IsCompletedSuccessfully ? new ValueTask<int>(Count(read.Result)) : AwaitReadAsync(read, cancellationToken);
        }

        private async ValueTask<int> AwaitReadAsync(ValueTask<int> read, CancellationToken cancellationToken)
        {
            try
            {
                return Count(await read.ConfigureAwait(false));
            }
            catch (Exception ex) when (_owner.Translate(ex, cancellationToken) is { } translated)
            {
                throw translated;
            }
        }

        private async ValueTask<int> ReadLinkedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            using var linked = LinkDeadline(cancellationToken, out var token);
            try
            {
                return Count(await _inner.ReadAsync(buffer, token).ConfigureAwait(false));
            }
            catch (Exception ex) when (_owner.Translate(ex, cancellationToken) is { } translated)
            {
                throw translated;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
#else
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            using var linked = LinkDeadline(cancellationToken, out var token);
            try
            {
                return Count(await _inner.ReadAsync(buffer, offset, count, token).ConfigureAwait(false));
            }
            catch (Exception ex) when (_owner.Translate(ex, cancellationToken) is { } translated)
            {
                throw translated;
            }
        }
#endif

        /// <summary>The token a read waits on: the caller's and the call's deadline together.</summary>
        private CancellationTokenSource? LinkDeadline(CancellationToken cancellationToken, out CancellationToken token)
        {
            var deadline = _owner._deadline?.Token ?? CancellationToken.None;
            var linked = cancellationToken.CanBeCanceled && deadline.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline)
                : null;
            token = linked?.Token ?? (deadline.CanBeCanceled ? deadline : cancellationToken);
            return linked;
        }

        private int Count(int read)
        {
            Interlocked.Add(ref _owner._bytesRead, read);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }

#if NET
        public override async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }
#endif
    }
}
