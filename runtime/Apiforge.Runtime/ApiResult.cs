using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>A successful response's status code and headers, for operations with no body (the <c>…WithResponseAsync</c> methods).</summary>
public class ApiResult
{
    /// <summary>Creates the result.</summary>
    public ApiResult(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name)
        => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The status and headers of <paramref name="response"/>.</summary>
    public static ApiResult From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ApiResult((int)response.StatusCode, ApiException.CollectHeaders(response));
    }

    /// <summary>The status and headers of <paramref name="response"/> with the body read from it.</summary>
    public static ApiResult<T> From<T>(HttpResponseMessage response, T value)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ApiResult<T>((int)response.StatusCode, ApiException.CollectHeaders(response), value);
    }
}

/// <summary>A successful response's body with its status code and headers (the <c>…WithResponseAsync</c> methods).</summary>
/// <typeparam name="T">The body type.</typeparam>
/// <remarks>
/// Not sealed: an operation whose success statuses have bodies of different types returns a generated subclass with
/// a typed property per other status (<c>Status201</c>).
/// </remarks>
public class ApiResult<T> : ApiResult
{
    /// <summary>Creates the result.</summary>
    public ApiResult(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, T value)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>Creates the result from the status and headers of <paramref name="response"/>.</summary>
    protected ApiResult(HttpResponseMessage response, T value)
        : this((int)(response ?? throw new ArgumentNullException(nameof(response))).StatusCode, ApiException.CollectHeaders(response), value)
    {
    }

    /// <summary>The body of the first documented success status (null for another status with a body of another type).</summary>
    public T Value { get; }
}
