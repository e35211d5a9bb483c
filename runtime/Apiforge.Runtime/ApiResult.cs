using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace Apiforge.Runtime;

/// <summary>A successful response's status code and headers, for operations with no body (the <c>…WithResponseAsync</c> methods).</summary>
public class ApiResult
{
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _headers;
    private HttpResponseMessage? _response;

    /// <summary>Creates the result.</summary>
    public ApiResult(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        StatusCode = statusCode;
        _headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>
    /// The result of <paramref name="response"/>: its headers are collected when <see cref="Headers"/> is first read,
    /// so a caller that wants only the body (the simple generated method) pays nothing for them. The response is
    /// disposed by then; its headers stay readable.
    /// </summary>
    private protected ApiResult(HttpResponseMessage response)
    {
        StatusCode = (int)response.StatusCode;
        _response = response;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers => _headers ?? CollectHeaders();

    private IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders()
    {
        // Two readers at once may both collect; the first stored wins, so every reader sees the same dictionary.
        var response = Volatile.Read(ref _response);
        if (response is null) return Volatile.Read(ref _headers)!;
        var collected = ApiException.CollectHeaders(response);
        var headers = Interlocked.CompareExchange(ref _headers, collected, null) ?? collected;
        Volatile.Write(ref _response, null);
        return headers;
    }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name)
        => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The status and headers of <paramref name="response"/>.</summary>
    public static ApiResult From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ApiResult(response);
    }

    /// <summary>The status and headers of <paramref name="response"/> with the body read from it.</summary>
    public static ApiResult<T> From<T>(HttpResponseMessage response, T value)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ApiResult<T>.Of(response, value);
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

    /// <summary>Creates the result from the status and headers of <paramref name="response"/> (the headers collected when first read).</summary>
    protected ApiResult(HttpResponseMessage response, T value)
        : base(response ?? throw new ArgumentNullException(nameof(response)))
    {
        Value = value;
    }

    internal static ApiResult<T> Of(HttpResponseMessage response, T value) => new(response, value);

    /// <summary>The body of the first documented success status (null for another status with a body of another type).</summary>
    public T Value { get; }
}
