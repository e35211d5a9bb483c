using System;
using System.Collections.Generic;
using System.Text;

namespace Apiforge.Runtime;

/// <summary>Builds a request URI from the client's base address, an escaped path and a query string.</summary>
public sealed class RequestUriBuilder
{
    private readonly StringBuilder _path = new();
    private StringBuilder? _query;
    private readonly string _baseAddress;

    /// <summary>Starts from <paramref name="baseAddress"/>, or <paramref name="defaultBaseAddress"/> when it is null.</summary>
    public RequestUriBuilder(Uri? baseAddress, string? defaultBaseAddress)
    {
        var root = baseAddress?.OriginalString ?? defaultBaseAddress ??
            throw new InvalidOperationException("The HttpClient has no BaseAddress and the API description names no absolute server URL: set HttpClient.BaseAddress.");
        _baseAddress = root.TrimEnd('/');
    }

    /// <summary>Appends path text that is already escaped.</summary>
    public void AppendPath(string escapedPath) => _path.Append(escapedPath);

    /// <summary>Appends a path parameter's value, escaped so it stays one segment.</summary>
    public void AppendPathValue(string value) => _path.Append(Uri.EscapeDataString(value ?? throw new ArgumentNullException(nameof(value))));

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
        var path = _path.ToString();
        if (path.Length > 0 && path[0] != '/') path = "/" + path;
        return new Uri(_baseAddress + path + (_query?.ToString() ?? ""), UriKind.Absolute);
    }

    /// <inheritdoc/>
    public override string ToString() => ToUri().ToString();
}
