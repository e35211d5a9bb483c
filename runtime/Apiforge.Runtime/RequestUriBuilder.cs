using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace Apiforge.Runtime;

/// <summary>Builds a request URI from the client's base address, an escaped path and a query string.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RequestUriBuilder
{
    // The common call appends one literal path and no query: that costs no builder, only the final string.
    private string _firstPath = "";
    private StringBuilder? _path;
    private StringBuilder? _query;
    private readonly string _baseAddress;
    private readonly int _baseLength;

    /// <summary>Starts from <paramref name="baseAddress"/>, or <paramref name="defaultBaseAddress"/> when it is null.</summary>
    public RequestUriBuilder(Uri? baseAddress, string? defaultBaseAddress)
    {
        _baseAddress = baseAddress?.OriginalString ?? defaultBaseAddress ??
            throw new InvalidOperationException("The HttpClient has no BaseAddress and the API description names no absolute server URL: set HttpClient.BaseAddress.");
        _baseLength = _baseAddress.Length;
        while (_baseLength > 0 && _baseAddress[_baseLength - 1] == '/') _baseLength--;
    }

    /// <summary>Appends path text that is already escaped.</summary>
    public void AppendPath(string escapedPath)
    {
        ArgumentNullException.ThrowIfNull(escapedPath);
        if (_path is null && _firstPath.Length == 0)
        {
            _firstPath = escapedPath;
            return;
        }
        PathBuilder().Append(escapedPath);
    }

    /// <summary>Appends a path parameter's value, escaped so it stays one segment.</summary>
    public void AppendPathValue(string value) => AppendPath(Uri.EscapeDataString(value ?? throw new ArgumentNullException(nameof(value))));

    private StringBuilder PathBuilder() => _path ??= new StringBuilder(_firstPath, 64);

    /// <summary>Appends <c>name=value</c> to the query string, both escaped.</summary>
    public void AppendQuery(string name, string value)
    {
        _query = _query is null ? new StringBuilder("?") : _query.Append('&');
        _query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
    }

    /// <summary>Appends pairs that are already escaped (see <see cref="ApiParameter"/>).</summary>
    public void AppendQueryEscaped(IEnumerable<KeyValuePair<string, string>> escapedPairs)
    {
        ArgumentNullException.ThrowIfNull(escapedPairs);
        foreach (var pair in escapedPairs)
        {
            _query = _query is null ? new StringBuilder("?") : _query.Append('&');
            _query.Append(pair.Key).Append('=').Append(pair.Value);
        }
    }

    /// <summary>The absolute URI.</summary>
    public Uri ToUri()
    {
        var path = RequestPath.EscapeDotSegments(_path?.ToString() ?? _firstPath);
        var slash = path.Length > 0 && path[0] != '/' ? "/" : "";
        var query = _query?.ToString() ?? "";
        var text = _baseLength == _baseAddress.Length
            ? string.Concat(_baseAddress, slash, path, query)
#if NET
            : string.Concat(_baseAddress.AsSpan(0, _baseLength), slash, path, query);
#else
            : string.Concat(_baseAddress.Substring(0, _baseLength), slash, path, query);
#endif
        return RequestPath.CreateUri(text);
    }

    /// <summary>The request of <paramref name="operation"/> (its method) to the absolute URI; the caller disposes it.</summary>
    public HttpRequestMessage ToRequest(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_path is not null || _query is not null) return new HttpRequestMessage(operation.HttpMethod, ToUri());
        // A path of literal text only: the same URI as the operation's last call through this base address.
        var uri = operation.LiteralUriFor(_baseAddress, _firstPath);
        if (uri is null)
        {
            uri = ToUri();
            operation.KeepLiteralUri(_baseAddress, _firstPath, uri);
        }
        return new HttpRequestMessage(operation.HttpMethod, uri);
    }

    /// <inheritdoc/>
    public override string ToString() => ToUri().ToString();
}
