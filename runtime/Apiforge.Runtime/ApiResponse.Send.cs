using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

public static partial class ApiResponse
{
    private static int s_errorBodyLimit = MaxErrorBodyLength;

    /// <summary>
    /// How many characters of an error body are read (default <see cref="MaxErrorBodyLength"/>, 64 K); the rest is
    /// never read, so memory stays bounded whatever the server sends. A documented error body longer than this
    /// gives a plain <see cref="ApiException"/> with the first characters. Process-wide; a request can set its own
    /// with <see cref="ApiRequest.ErrorBodyLimit"/>.
    /// </summary>
    public static int ErrorBodyLimit
    {
        get => Volatile.Read(ref s_errorBodyLimit);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref s_errorBodyLimit, value);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> with <see cref="HttpCompletionOption.ResponseHeadersRead"/> and bounds the
    /// whole call, from sending to the last byte of the body, by <see cref="HttpClient.Timeout"/> as well as by
    /// <paramref name="cancellationToken"/>: a body that stalls ends with a <see cref="TaskCanceledException"/>
    /// holding a <see cref="TimeoutException"/>, as HttpClient reports its own timeout. A connection that fails
    /// mid-body gives <see cref="ApiTransportException"/>. Dispose the response to release the connection.
    /// </summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient httpClient, HttpRequestMessage request, CancellationToken cancellationToken)
        => SendAsync(httpClient, request, null, null, cancellationToken);

    /// <summary>
    /// Reads at most the error body limit of characters (plus one, to know whether there was more) and leaves the
    /// rest unread: disposing the response closes the connection instead of draining it.
    /// </summary>
    private static async Task<(string? Text, bool Truncated)> ReadBoundedErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = response.RequestMessage is { } request && request.Options.TryGetValue(ApiRequest.ErrorBodyLimit, out var own) && own >= 0
            ? own
            : ErrorBodyLimit;
        var text = new StringBuilder();
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, EncodingOf(response), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: false);
            var buffer = new char[Math.Min(4096, limit + 1)];
            while (text.Length <= limit)
            {
                var count = Math.Min(buffer.Length, limit + 1 - text.Length);
#if NET
                var read = await reader.ReadAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
#else
                var read = await reader.ReadAsync(buffer, 0, count).WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0) break;
                text.Append(buffer, 0, read);
            }
        }
        catch (ApiTransportException ex)
        {
            throw new ApiTransportException(ex.Message, ex.StatusCode, ex.BytesRead, text.ToString(), ex.Headers, ex.InnerException);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A streamed (FileResponse) call reads its error body without the bounded content around it.
            throw new ApiTransportException(
                $"The connection failed while the body of a {(int)response.StatusCode} ({response.ReasonPhrase}) response was read.",
                (int)response.StatusCode, 0, text.ToString(), ApiException.CollectHeaders(response), ex);
        }
        return text.Length > limit ? (text.ToString(0, limit), true) : (text.ToString(), false);
    }

    private static Encoding EncodingOf(HttpResponseMessage response)
    {
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset)) return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
