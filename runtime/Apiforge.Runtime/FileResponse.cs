using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>A binary response body, streamed: dispose it to release the connection.</summary>
/// <remarks>
/// Unlike the other results, reading <see cref="Stream"/> is not bounded by <c>HttpClient.Timeout</c> past the
/// response headers, nor in size: the caller reads at its own pace and bounds it (a token on its reads, a limit
/// on what it keeps). A connection failing mid-body throws the transport's own <see cref="System.IO.IOException"/>.
/// </remarks>
public sealed class FileResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal FileResponse(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        Stream = stream;
        StatusCode = (int)response.StatusCode;
        ContentType = response.Content.Headers.ContentType?.ToString();
        FileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        ContentLength = response.Content.Headers.ContentLength;
        Headers = ApiException.CollectHeaders(response);
    }

    /// <summary>The body.</summary>
    public Stream Stream { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The Content-Type header, if any.</summary>
    public string? ContentType { get; }

    /// <summary>The file name from Content-Disposition, if any.</summary>
    public string? FileName { get; }

    /// <summary>The Content-Length header, if any.</summary>
    public long? ContentLength { get; }

    /// <summary>The response and content headers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stream.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
