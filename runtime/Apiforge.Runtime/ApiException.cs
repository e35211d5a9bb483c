using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>
/// The API answered with an error. Carries the status code, the response headers and the response body;
/// never anything of the request (its credentials stay out of logs and error reports).
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? new Dictionary<string, IReadOnlyList<string>>();
    }

    /// <summary>Creates an exception with no response.</summary>
    public ApiException()
        : this("The API call failed.", 0, null, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates an exception with no response.</summary>
    public ApiException(string message)
        : this(message, 0, null, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates an exception with no response.</summary>
    public ApiException(string message, Exception innerException)
        : this(message, 0, null, new Dictionary<string, IReadOnlyList<string>>(), innerException)
    {
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text (the first <see cref="ApiResponse.MaxErrorBodyLength"/> characters), if any.</summary>
    public string? Response { get; }

    /// <summary>The response and content headers, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{base.ToString()}{Environment.NewLine}Status: {StatusCode}{Environment.NewLine}Response: {Response}";

    /// <summary>The response's headers and content headers in one case-insensitive map.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value.ToList();
        }
        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = header.Value.ToList();
        }
        return headers;
    }
}
