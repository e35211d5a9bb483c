using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace Apiforge.Runtime;

/// <summary>
/// What one call of a generated method may add to or change in its request: extra headers, its own credential, its
/// own timeout, and a hook that sees the request before it is sent. Pass it as the <c>options</c> argument of any
/// generated method. One instance may serve many calls (it is read, never changed, by a call).
/// <see cref="ToString"/> shows no header value and no credential.
/// </summary>
public sealed class ApiCallOptions
{
    /// <summary>Where the credential override travels from the call to <see cref="ApiAuthenticationHandler"/>.</summary>
    internal static readonly HttpRequestOptionsKey<ApiCredentials> CredentialsKey = new("Apiforge.CallCredentials");

    private Dictionary<string, string>? _headers;
    private TimeSpan? _timeout;
    private ApiCredentials? _credentials;
    private string? _bearerToken;
    private ApiCredentials? _effective;

    /// <summary>
    /// Headers to send with this call, besides those of the operation (a header of the same name is replaced). Values
    /// with CR, LF or NUL are refused with <see cref="ArgumentException"/> when the call is made, and never repeated in
    /// a message. They go wherever the request goes, redirects to another origin included: put secrets in
    /// <see cref="BearerToken"/> or <see cref="Credentials"/>, which do not.
    /// </summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A bearer token for this call only, instead of the one the <see cref="ApiAuthenticationHandler"/>'s credentials
    /// would give (Tradovate's <c>/auth/renewaccesstoken</c> takes the token being renewed). Applied by the handler
    /// like its own credentials: only to the origin of the request, never across a redirect to another origin.
    /// Needs an <see cref="ApiAuthenticationHandler"/> in the client's pipeline (the generated registration has one).
    /// </summary>
    /// <exception cref="ArgumentException">The token is empty or holds CR, LF or NUL.</exception>
    public string? BearerToken
    {
        get => _bearerToken;
        set
        {
            if (value is not null)
            {
                if (value.Length == 0) throw new ArgumentException("The bearer token is empty.", nameof(value));
                ApiRequest.EnsureSafeHeaderValue("Authorization", value, nameof(value));
            }
            _bearerToken = value;
            _effective = null;
        }
    }

    /// <summary>
    /// Credentials for this call only (an API key, basic, bearer tokens per scheme), replacing the handler's: the
    /// operation's security requirement is met from these alone. Applied like <see cref="BearerToken"/>, which takes
    /// precedence for bearer schemes when both are set.
    /// </summary>
    public ApiCredentials? Credentials
    {
        get => _credentials;
        set
        {
            _credentials = value;
            _effective = null;
        }
    }

    /// <summary>
    /// This call's time limit, from sending to the last byte of the body, as <see cref="HttpClient.Timeout"/> bounds a
    /// call; the smaller of the two applies. A body handed back as a stream (<see cref="FileResponse"/>) is bounded up
    /// to its headers. <see cref="Timeout.InfiniteTimeSpan"/> leaves only the client's limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative (other than infinite), or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            if (value is { } limit && limit != System.Threading.Timeout.InfiniteTimeSpan
                && (limit <= TimeSpan.Zero || limit.TotalMilliseconds > int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(value), limit, "The timeout must be positive and at most int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan.");
            }
            _timeout = value;
        }
    }

    /// <summary>
    /// Runs once per call, after the request is built (headers of these options included) and before it is sent: to
    /// inspect or change it. Credentials are applied later, by the handler, so the hook never sees them.
    /// </summary>
    public Action<HttpRequestMessage>? ConfigureRequest { get; set; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (_headers is { Count: > 0 }) parts.Add("headers: " + string.Join(", ", _headers.Keys));
        if (_bearerToken is not null) parts.Add("bearer token");
        if (_credentials is not null) parts.Add(_credentials.ToString());
        if (_timeout is { } timeout) parts.Add("timeout " + timeout);
        if (ConfigureRequest is not null) parts.Add("request hook");
        return "ApiCallOptions (" + (parts.Count == 0 ? "none" : string.Join("; ", parts)) + ")";
    }

    /// <summary>The deadline of a call through <paramref name="httpClient"/> with <paramref name="options"/>.</summary>
    internal static TimeSpan TimeoutOf(HttpClient httpClient, ApiCallOptions? options)
    {
        var client = httpClient.Timeout;
        if (options?._timeout is not { } own || own == System.Threading.Timeout.InfiniteTimeSpan) return client;
        return client == System.Threading.Timeout.InfiniteTimeSpan || own < client ? own : client;
    }

    /// <summary>Puts the headers and the credential override on the request, then runs the hook.</summary>
    internal void ApplyTo(HttpRequestMessage request)
    {
        if (_headers is not null)
        {
            foreach (var header in _headers)
            {
                AddHeader(request, header.Key, header.Value);
            }
        }
        if (EffectiveCredentials() is { } credentials) request.Options.Set(CredentialsKey, credentials);
        ConfigureRequest?.Invoke(request);
    }

    /// <summary>The credentials the handler applies instead of its own: the bearer token over <see cref="Credentials"/>.</summary>
    private ApiCredentials? EffectiveCredentials()
    {
        if (_bearerToken is not { } token) return _credentials;
        return _effective ??= ApiCredentials.Bearer(AccessTokenSource.FromToken(token)).AddMissingFrom(_credentials);
    }

    /// <summary>The credential override of the request, if its call has one.</summary>
    internal static ApiCredentials? CredentialsOf(HttpRequestMessage request)
        => request.Options.TryGetValue(CredentialsKey, out var credentials) ? credentials : null;

    private static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (!IsToken(name))
        {
            throw new ArgumentException("An ApiCallOptions header name is empty or not a valid HTTP header name. It was not sent.", "options");
        }
        ApiRequest.EnsureSafeHeaderValue(name, value, "options");
        value ??= "";
        request.Headers.Remove(name);
        if (request.Headers.TryAddWithoutValidation(name, value)) return;
        // Content-Type, Content-Language...: headers of the body.
        if (request.Content is not null)
        {
            request.Content.Headers.Remove(name);
            if (request.Content.Headers.TryAddWithoutValidation(name, value)) return;
        }
        throw new ArgumentException($"The header '{name}' of ApiCallOptions cannot be set on this request (a body header on a request without a body). It was not sent.", "options");
    }

    /// <summary>RFC 9110's token: what a header name may be.</summary>
    private static bool IsToken(string name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        foreach (var c in name)
        {
            var ok = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}

public sealed partial class ApiCredentials
{
    /// <summary>Adds the entries of <paramref name="other"/> this one has no entry for (same kind and scheme name).</summary>
    internal ApiCredentials AddMissingFrom(ApiCredentials? other)
    {
        if (other is null) return this;
        Entry[] entries;
        lock (other._entries) entries = other._entries.ToArray();
        lock (_entries)
        {
            foreach (var entry in entries)
            {
                if (!_entries.Exists(e => e.Kind == entry.Kind && e.Scheme == entry.Scheme)) _entries.Add(entry);
            }
        }
        return this;
    }
}
