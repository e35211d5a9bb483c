using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// Applies the credentials an operation's security requirement names, as the generated client tagged the request
/// (<see cref="ApiSecurity.Requirements"/>): bearer and basic in <c>Authorization</c>, API keys in a header, the
/// query string or a cookie. Requests marked <see cref="ApiRequest.SkipAuthentication"/> pass untouched; requests
/// with no tag get the default credential (a bearer token, else basic). When the API answers 401 to a token from a
/// <see cref="RenewingAccessTokenSource"/>, that token is forgotten so the next call gets a new one.
/// </summary>
public sealed class ApiAuthenticationHandler : DelegatingHandler
{
    /// <summary>Set once credentials are on the request, so a handler chain that resends it does not add a key twice.</summary>
    private static readonly HttpRequestOptionsKey<bool> s_applied = new("Apiforge.CredentialsApplied");

    private readonly ApiCredentials _credentials;
    private readonly PrimaryHandlerRedirects _primaryRedirects = new();

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or let IHttpClientFactory do it.</summary>
    public ApiAuthenticationHandler(ApiCredentials credentials)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public ApiAuthenticationHandler(ApiCredentials credentials, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>
    /// How many redirects one call follows (default 10); the response to the last one goes back to the caller.
    /// 0 returns every redirect to the caller.
    /// </summary>
    public int MaxAutomaticRedirections
    {
        get => _maxRedirects;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxRedirects = value;
        }
    }

    private int _maxRedirects = 10;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _primaryRedirects.TurnOff(InnerHandler);
        AppliedCredentials? applied = null;
        // A call's own credentials (ApiCallOptions) replace the handler's, and are applied even to an anonymous operation.
        var credentials = ApiCallOptions.CredentialsOf(request);
        if ((credentials is not null || !ApiRequest.IsAnonymous(request)) && !(request.Options.TryGetValue(s_applied, out var alreadyApplied) && alreadyApplied))
        {
            credentials ??= _credentials;
            applied = await ApplyAsync(request, credentials, cancellationToken).ConfigureAwait(false);
            request.Options.Set(s_applied, true);
        }
        var origin = request.RequestUri;
        var crossedOrigin = false;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hops = 0; hops < _maxRedirects && origin is not null; hops++)
        {
            if (!RedirectRules.TryNext(request, response, out var target, out var method, out var keepBody)) break;
            response.Dispose();
            applied?.Remove(request);
            request.RequestUri = target;
            request.Method = method;
            if (!keepBody) request.Content = null;
            if (!RedirectRules.SameOrigin(origin, target))
            {
                // Credentials were applied for the first origin only; nothing secret follows the redirect.
                crossedOrigin = true;
                RemoveSecretHeaders(request);
            }
            if (applied is not null && !crossedOrigin)
            {
                applied = await ApplyAsync(request, credentials!, cancellationToken).ConfigureAwait(false);
            }
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        if (applied is not null && !crossedOrigin)
        {
            var rejected = response.StatusCode == HttpStatusCode.Unauthorized;
            foreach (var (source, token) in applied.Tokens)
            {
                if (source is not RenewingAccessTokenSource renewing) continue;
                if (rejected) renewing.Reject(token);
                else renewing.Accept(token);
            }
        }
        return response;
    }

    /// <summary>What may carry a secret: Authorization, Proxy-Authorization, Cookie and the operation's API key headers.</summary>
    private static void RemoveSecretHeaders(HttpRequestMessage request)
    {
        request.Headers.Authorization = null;
        request.Headers.ProxyAuthorization = null;
        request.Headers.Remove("Cookie");
        foreach (var requirement in ApiSecurity.Of(request) ?? Array.Empty<ApiSecurityRequirement>())
        {
            foreach (var scheme in requirement.Schemes)
            {
                if (scheme.Kind == ApiSecuritySchemeKind.ApiKey && scheme.Location == ApiKeyLocation.Header) request.Headers.Remove(scheme.ParameterName!);
            }
        }
    }

    private static async Task<AppliedCredentials?> ApplyAsync(HttpRequestMessage request, ApiCredentials credentials, CancellationToken cancellationToken)
    {
        var requirements = ApiSecurity.Of(request);
        if (requirements is null || requirements.Count == 0)
        {
            var fallback = credentials.FindDefault();
            if (fallback is null || request.Headers.Authorization is not null) return null;
            var scheme = new ApiSecurityScheme(fallback.Scheme ?? "default", fallback.Kind, "Authorization");
            return await ApplyAsync(request, new[] { (scheme, fallback) }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var requirement in requirements.Where(r => r.Schemes.Count > 0))
        {
            var entries = requirement.Schemes.Select(s => (Scheme: s, Entry: credentials.Find(s))).ToList();
            if (entries.All(e => e.Entry is not null))
            {
                return await ApplyAsync(request, entries.Select(e => (e.Scheme, e.Entry!)).ToList(), cancellationToken).ConfigureAwait(false);
            }
        }
        if (requirements.Any(r => r.Schemes.Count == 0)) return null;
        throw new InvalidOperationException(
            $"{request.Method} {request.RequestUri?.AbsolutePath} needs credentials for {string.Join(" or ", requirements)}, and none of them are configured. " +
            "Add them to the ApiCredentials of the ApiAuthenticationHandler (UseBearer, UseApiKey or UseBasic).");
    }

    private static async Task<AppliedCredentials> ApplyAsync(HttpRequestMessage request, IReadOnlyList<(ApiSecurityScheme Scheme, ApiCredentials.Entry Entry)> entries, CancellationToken cancellationToken)
    {
        var applied = new AppliedCredentials();
        foreach (var (scheme, entry) in entries)
        {
            switch (scheme.Kind)
            {
                case ApiSecuritySchemeKind.Bearer:
                    if (request.Headers.Authorization is not null) break;
                    var token = await entry.Source!.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
                    applied.Tokens.Add((entry.Source, token));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    applied.Authorization = true;
                    break;
                case ApiSecuritySchemeKind.Basic:
                    if (request.Headers.Authorization is not null) break;
                    var pair = Encoding.UTF8.GetBytes(entry.UserName + ":" + entry.Password);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
                    applied.Authorization = true;
                    break;
                case ApiSecuritySchemeKind.ApiKey:
                    var key = await entry.Source!.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
                    applied.Tokens.Add((entry.Source, key));
                    if (scheme.Location == ApiKeyLocation.Cookie && !applied.CookieTouched)
                    {
                        applied.CookieTouched = true;
                        applied.CookieBefore = request.Headers.TryGetValues("Cookie", out var cookies) ? string.Join("; ", cookies) : null;
                    }
                    else if (scheme.Location == ApiKeyLocation.Header)
                    {
                        applied.Headers.Add(scheme.ParameterName!);
                    }
                    ApplyApiKey(request, scheme, key);
                    break;
            }
        }
        return applied;
    }

    private static void ApplyApiKey(HttpRequestMessage request, ApiSecurityScheme scheme, string key)
    {
        var name = scheme.ParameterName!;
        switch (scheme.Location)
        {
            case ApiKeyLocation.Query:
                var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to put the API key in.");
                var pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(key);
                var text = uri.OriginalString;
                var fragment = text.IndexOf('#', StringComparison.Ordinal);
                var tail = fragment >= 0 ? text[fragment..] : "";
                var head = fragment >= 0 ? text[..fragment] : text;
                head += (head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? "" : "&") : "?") + pair;
                request.RequestUri = uri.IsAbsoluteUri ? RequestPath.CreateUri(head + tail) : new Uri(head + tail, UriKind.Relative);
                break;
            case ApiKeyLocation.Cookie:
                ApiRequest.AddCookie(request, name, key);
                break;
            default:
                ApiRequest.EnsureSafeHeaderValue(name, key, "key");
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, key);
                break;
        }
    }
}

/// <summary>
/// Completes an <see cref="ApiCredentials"/> once, with services, the first time a client needs it: what the
/// generated <c>services.Add{Client}()</c> uses so credentials (and the token cache behind them) outlive the
/// message handlers IHttpClientFactory recycles.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiCredentialsResolver
{
    private readonly ApiCredentials _credentials;
    private readonly object _gate = new();
    private Action<IServiceProvider, ApiCredentials>? _configure;

    /// <summary>Creates the resolver over <paramref name="credentials"/>, to be completed by <paramref name="configure"/>.</summary>
    public ApiCredentialsResolver(ApiCredentials credentials, Action<IServiceProvider, ApiCredentials>? configure)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _configure = configure;
    }

    /// <summary>The credentials, completed with <paramref name="services"/> on the first call.</summary>
    public ApiCredentials Resolve(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        lock (_gate)
        {
            if (_configure is { } configure)
            {
                configure(services, _credentials);
                _configure = null;
            }
        }
        return _credentials;
    }
}
