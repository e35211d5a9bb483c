using System.Collections.Generic;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>What <see cref="ApiAuthenticationHandler"/> put on a request, so a redirect can take exactly that off again.</summary>
internal sealed class AppliedCredentials
{
    /// <summary>The tokens and keys used, to report a 401 (or its absence) to their sources.</summary>
    public List<(IAccessTokenSource Source, string Token)> Tokens { get; } = new();

    public bool Authorization { get; set; }

    public List<string> Headers { get; } = new();

    public bool CookieTouched { get; set; }

    /// <summary>The Cookie header before an API key was added to it (cookie parameters of the operation).</summary>
    public string? CookieBefore { get; set; }

    public void Remove(HttpRequestMessage request)
    {
        if (Authorization) request.Headers.Authorization = null;
        foreach (var header in Headers) request.Headers.Remove(header);
        if (CookieTouched)
        {
            request.Headers.Remove("Cookie");
            if (CookieBefore is not null) request.Headers.TryAddWithoutValidation("Cookie", CookieBefore);
        }
    }
}
