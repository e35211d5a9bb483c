using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>Settings of an <see cref="ApiOutcomeHandler"/>.</summary>
public sealed class ApiOutcomeHandlerOptions
{
    /// <summary>At most this many resends of one call; one more retry outcome fails the call. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>A body a rule asks for is buffered only up to this size (and only when it is JSON). Default: 64 KiB.</summary>
    public int MaxBodyLength { get; set; } = 64 * 1024;

    /// <summary>The clock of the waits before a resend.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Told about each wait and resend (method, path without query, reason); never given headers or bodies.</summary>
    public Action<string>? Log { get; set; }
}

/// <summary>
/// Runs <see cref="ApiOutcomeRule"/>s over every request and response that pass through: a rule may refuse a
/// request locally, or turn a response (a success too) into a resend after a wait, with a changed copy of the
/// request, or into an exception. The body is buffered only when a rule asks for it from the status and headers,
/// only when it is JSON, and only up to <see cref="ApiOutcomeHandlerOptions.MaxBodyLength"/>; otherwise the
/// response streams through untouched. Resending needs a body that can be read again (every JSON, form and text
/// body the generated clients send can).
/// </summary>
public sealed class ApiOutcomeHandler : DelegatingHandler
{
    private readonly ApiOutcomeRule[] _rules;
    private readonly ApiOutcomeHandlerOptions _options;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or let IHttpClientFactory do it.</summary>
    public ApiOutcomeHandler(IEnumerable<ApiOutcomeRule> rules, ApiOutcomeHandlerOptions? options = null)
    {
        _rules = (rules ?? throw new ArgumentNullException(nameof(rules))).ToArray();
        if (_rules.Any(r => r is null)) throw new ArgumentException("A rule is null.", nameof(rules));
        _options = options ?? new ApiOutcomeHandlerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxRetries);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxBodyLength);
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public ApiOutcomeHandler(IEnumerable<ApiOutcomeRule> rules, ApiOutcomeHandlerOptions? options, HttpMessageHandler innerHandler)
        : this(rules, options)
    {
        InnerHandler = innerHandler ?? throw new ArgumentNullException(nameof(innerHandler));
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _rules.Length == 0 ? base.SendAsync(request, cancellationToken) : SendWithRulesAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithRulesAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        try
        {
            for (var retries = 0; ; retries++)
            {
                foreach (var rule in _rules)
                {
                    rule.OnSending(current);
                }
                var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
                ApiOutcome outcome;
                try
                {
                    outcome = await EvaluateAsync(current, response, retries, cancellationToken).ConfigureAwait(false);
                    if (ReferenceEquals(outcome, ApiOutcome.Accept)) return response;
                    if (outcome.IsRetry && retries >= _options.MaxRetries)
                    {
                        throw new ApiException(
                            $"Gave up after {retries.ToString(CultureInfo.InvariantCulture)} resend(s): {outcome.Reason}",
                            (int)response.StatusCode, null, ApiException.CollectHeaders(response));
                    }
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
                response.Dispose();
                if (outcome.Exception is { } exception) throw exception;

                _options.Log?.Invoke(
                    $"{current.Method} {current.RequestUri?.AbsolutePath}: {outcome.Reason}; resending in " +
                    $"{outcome.Delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (resend {(retries + 1).ToString(CultureInfo.InvariantCulture)} of at most {_options.MaxRetries.ToString(CultureInfo.InvariantCulture)})");
                if (outcome.Delay > TimeSpan.Zero)
                {
#if NET
                    await Task.Delay(outcome.Delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
#else
                    await _options.TimeProvider.Delay(outcome.Delay, cancellationToken).ConfigureAwait(false);
#endif
                }
                var next = await CopyAsync(current, cancellationToken).ConfigureAwait(false);
                try
                {
                    await outcome.PrepareRetry!(next, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    next.Dispose();
                    throw;
                }
                if (!ReferenceEquals(current, request)) current.Dispose();
                current = next;
            }
        }
        catch when (!ReferenceEquals(current, request))
        {
            current.Dispose();
            throw;
        }
    }

    private async Task<ApiOutcome> EvaluateAsync(HttpRequestMessage request, HttpResponseMessage response, int retries, CancellationToken cancellationToken)
    {
        var wantsBody = false;
        foreach (var rule in _rules)
        {
            wantsBody |= rule.InspectsBody(response);
        }
        var body = wantsBody ? await BufferJsonAsync(response, _options.MaxBodyLength, cancellationToken).ConfigureAwait(false) : null;
        var context = new ApiOutcomeContext(request, response, body, retries);
        foreach (var rule in _rules)
        {
            var outcome = await rule.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
            if (outcome is not null && !ReferenceEquals(outcome, ApiOutcome.Accept)) return outcome;
        }
        return ApiOutcome.Accept;
    }

    /// <summary>
    /// Reads a JSON body of at most <paramref name="maxLength"/> bytes and puts it back as buffered content; a longer
    /// one is put back as it was (the bytes read so far, then the rest of the stream) and null is returned.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> BufferJsonAsync(HttpResponseMessage response, int maxLength, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content is null) return null;
        var mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)) return null;
        if (content.Headers.ContentLength is { } length && length > maxLength) return null;

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[Math.Min(maxLength + 1, (int)Math.Min(content.Headers.ContentLength ?? 4096, maxLength) + 1)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxLength) break;
                Array.Resize(ref buffer, Math.Min(maxLength + 1, buffer.Length * 2));
            }
            var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
        }
        if (total > maxLength)
        {
            response.Content = CopyHeaders(content, new StreamContent(new PrefixedStream(buffer.AsMemory(0, total), stream)));
            return null;
        }
        response.Content = CopyHeaders(content, new ByteArrayContent(buffer, 0, total));
        content.Dispose();
        return buffer.AsMemory(0, total);
    }

    private static HttpContent CopyHeaders(HttpContent from, HttpContent to)
    {
        foreach (var header in from.Headers)
        {
            if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            to.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return to;
    }

    /// <summary>A copy of the request to send again: method, address, version, headers, options and body bytes.</summary>
    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
#if NET
            VersionPolicy = request.VersionPolicy,
#endif
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#if NET
        IDictionary<string, object?> options = copy.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }
#else
        foreach (var property in request.Properties)
        {
            copy.Properties[property.Key] = property.Value;
        }
#endif
        if (request.Content is { } content)
        {
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            copy.Content = CopyHeaders(content, new ByteArrayContent(bytes));
        }
        return copy;
    }

    /// <summary>Bytes already read from a stream, then the rest of it.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

#if NET
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            return TakePrefix(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.IsEmpty) return rest.ReadAsync(buffer, cancellationToken);
            return new ValueTask<int>(TakePrefix(buffer.Span));
        }
#else
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer, offset, count);
            return TakePrefix(buffer.AsSpan(offset, count));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_prefix.IsEmpty) return rest.ReadAsync(buffer, offset, count, cancellationToken);
            return Task.FromResult(TakePrefix(buffer.AsSpan(offset, count)));
        }
#endif

        private int TakePrefix(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span.Slice(0, n).CopyTo(buffer);
            _prefix = _prefix.Slice(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
