using System;
using System.Linq;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>Request-side helpers and options the generated clients use.</summary>
public static partial class ApiRequest
{
    /// <summary>
    /// Set on requests of operations that take no credentials (such as a login), so authentication handlers
    /// neither add a token nor try to acquire one.
    /// </summary>
#if NET
    public
#else
    internal // HttpRequestOptionsKey is .NET 5+; on netstandard2.0 use MarkAnonymous.
#endif
    static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("Apiforge.SkipAuthentication");

    /// <summary>Whether the request asks not to be authenticated.</summary>
    public static bool IsAnonymous(HttpRequestMessage request)
        => (request ?? throw new ArgumentNullException(nameof(request))).Options.TryGetValue(SkipAuthentication, out var skip) && skip;

    /// <summary>Adds <c>name=value</c> to the request's Cookie header.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void AddCookie(HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value ?? "");
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            var current = string.Join("; ", existing);
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", current + "; " + pair);
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Cookie", pair);
        }
    }
}
