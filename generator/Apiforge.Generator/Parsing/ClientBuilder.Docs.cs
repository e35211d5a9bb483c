using System;
using System.Linq;

namespace Apiforge.Generator.Parsing;

internal sealed partial class ClientBuilder
{
    /// <summary>
    /// What relative links in descriptions (<c>[Rate Limit](/overview/rate-limits)</c>) resolve against: the document's
    /// externalDocs URL, else the first server URL that is absolute http(s); null leaves such links as text.
    /// </summary>
    private string? DocBaseUri()
    {
        var external = _document.ExternalDocs?.Url;
        if (external is not null && external.IsAbsoluteUri && (external.Scheme == Uri.UriSchemeHttp || external.Scheme == Uri.UriSchemeHttps))
        {
            return external.AbsoluteUri;
        }
        foreach (var server in _document.Servers ?? Enumerable.Empty<Microsoft.OpenApi.OpenApiServer>())
        {
            if (server.Url is { } url && url.IndexOf('{') < 0 && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) &&
                Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri.AbsoluteUri;
            }
        }
        return null;
    }
}
