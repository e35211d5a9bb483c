using System;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>Which redirects are followed, and how (RFC 9110 section 15.4, with .NET's POST rule for 301/302).</summary>
internal static class RedirectRules
{
    /// <summary>
    /// The next request of a redirect, or false when the response goes back to the caller: not a redirect, no
    /// usable <c>Location</c>, HTTPS to HTTP, or a 301/302 answer to a method other than GET, HEAD and POST.
    /// </summary>
    public static bool TryNext(HttpRequestMessage request, HttpResponseMessage response, out Uri target, out HttpMethod method, out bool keepBody)
    {
        target = null!;
        method = request.Method;
        keepBody = true;
        switch ((int)response.StatusCode)
        {
            case 300:
            case 301:
            case 302:
                if (request.Method == HttpMethod.Post)
                {
                    method = HttpMethod.Get;
                    keepBody = false;
                }
                else if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
                {
                    // PUT, PATCH, DELETE...: the caller decides whether to repeat an unsafe request elsewhere.
                    return false;
                }
                break;
            case 303:
                if (request.Method != HttpMethod.Head) method = HttpMethod.Get;
                keepBody = false;
                break;
            case 307:
            case 308:
                break;
            default:
                return false;
        }
        var location = response.Headers.Location;
        var current = request.RequestUri;
        if (location is null || current is null || !current.IsAbsoluteUri) return false;
        if (!Uri.TryCreate(current, location, out var next)) return false;
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps) return false;
        if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp) return false;
        target = next;
        return true;
    }

    /// <summary>Whether two URIs share scheme, host and port.</summary>
    public static bool SameOrigin(Uri a, Uri b)
        => string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
}
