using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>One security scheme of the API description (its <c>components/securitySchemes</c> entry).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiSecurityScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="name">The scheme's name in the API description.</param>
    /// <param name="kind">What kind of credential it takes.</param>
    /// <param name="parameterName">For an API key: the header, query parameter or cookie name.</param>
    /// <param name="location">For an API key: where it goes.</param>
    public ApiSecurityScheme(string name, ApiSecuritySchemeKind kind, string? parameterName = null, ApiKeyLocation location = ApiKeyLocation.Header)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
        if (kind == ApiSecuritySchemeKind.ApiKey) ArgumentException.ThrowIfNullOrEmpty(parameterName);
        ParameterName = parameterName;
        Location = location;
    }

    /// <summary>The scheme's name in the API description.</summary>
    public string Name { get; }

    /// <summary>What kind of credential it takes.</summary>
    public ApiSecuritySchemeKind Kind { get; }

    /// <summary>For an API key: the header, query parameter or cookie name.</summary>
    public string? ParameterName { get; }

    /// <summary>For an API key: where it goes.</summary>
    public ApiKeyLocation Location { get; }

    /// <inheritdoc/>
    public override string ToString() => Kind == ApiSecuritySchemeKind.ApiKey
        ? $"{Name} (API key in {Location.ToString().ToLowerInvariant()} '{ParameterName}')"
        : $"{Name} ({Kind.ToString().ToLowerInvariant()})";
}

/// <summary>One way to authenticate an operation: all of its schemes together. An empty one means "no credentials".</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiSecurityRequirement
{
    /// <summary>Creates the requirement.</summary>
    public ApiSecurityRequirement(params ApiSecurityScheme[] schemes)
    {
        Schemes = (schemes ?? throw new ArgumentNullException(nameof(schemes))).ToArray();
    }

    /// <summary>The schemes that must all be applied.</summary>
    public IReadOnlyList<ApiSecurityScheme> Schemes { get; }

    /// <inheritdoc/>
    public override string ToString() => Schemes.Count == 0 ? "(none)" : string.Join(" + ", Schemes);
}

/// <summary>How the generated client tells the authentication handler what an operation's security requirement is.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static partial class ApiSecurity
{
    /// <summary>
    /// The operation's security requirement: alternatives, any one of which will do. Requests of operations that
    /// need no credentials carry <see cref="ApiRequest.SkipAuthentication"/> instead; requests with neither (the
    /// API description names no scheme but the operation takes an <c>Authorization</c> header) get a bearer token.
    /// </summary>
#if NET
    public
#else
    internal // HttpRequestOptionsKey is .NET 5+; on netstandard2.0 use Require.
#endif
    static readonly HttpRequestOptionsKey<IReadOnlyList<ApiSecurityRequirement>> Requirements = new("Apiforge.Security");

    /// <summary>The requirement the request carries, if any.</summary>
    public static IReadOnlyList<ApiSecurityRequirement>? Of(HttpRequestMessage request)
        => (request ?? throw new ArgumentNullException(nameof(request))).Options.TryGetValue(Requirements, out var value) ? value : null;
}

/// <summary>
/// The credentials a client holds, by kind and optionally by scheme name. A credential registered without a
/// scheme name serves every scheme of its kind. <see cref="ToString"/> shows no secret.
/// </summary>
public sealed partial class ApiCredentials
{
    private readonly List<Entry> _entries = new();

    /// <summary>Credentials with a bearer token source for every bearer scheme.</summary>
    public static ApiCredentials Bearer(IAccessTokenSource tokens) => new ApiCredentials().UseBearer(tokens);

    /// <summary>Whether nothing is configured.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_entries) return _entries.Count == 0;
        }
    }

    /// <summary>Sends <c>Authorization: Bearer</c> with tokens from <paramref name="tokens"/> (for <paramref name="scheme"/>, or every bearer scheme).</summary>
    public ApiCredentials UseBearer(IAccessTokenSource tokens, string? scheme = null)
        => Add(new Entry(ApiSecuritySchemeKind.Bearer, scheme, tokens ?? throw new ArgumentNullException(nameof(tokens)), null, null));

    /// <summary>Sends the API key from <paramref name="key"/> where the scheme says (for <paramref name="scheme"/>, or every API key scheme).</summary>
    public ApiCredentials UseApiKey(IAccessTokenSource key, string? scheme = null)
        => Add(new Entry(ApiSecuritySchemeKind.ApiKey, scheme, key ?? throw new ArgumentNullException(nameof(key)), null, null));

    /// <summary>Sends a fixed API key where the scheme says (for <paramref name="scheme"/>, or every API key scheme).</summary>
    /// <exception cref="System.ArgumentException">The key holds CR, LF or NUL (it could add a header on the wire).</exception>
    public ApiCredentials UseApiKey(string key, string? scheme = null)
    {
        ApiRequest.EnsureSafeHeaderValue("API key", key, nameof(key));
        return UseApiKey(AccessTokenSource.FromToken(key), scheme);
    }

    /// <summary>Sends <c>Authorization: Basic</c> (for <paramref name="scheme"/>, or every basic scheme).</summary>
    public ApiCredentials UseBasic(string userName, string password, string? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal)) throw new ArgumentException("A basic user name cannot contain ':'.", nameof(userName));
        return Add(new Entry(ApiSecuritySchemeKind.Basic, scheme, null, userName, password));
    }

    /// <summary>The credential that serves <paramref name="scheme"/>: one registered under its name first, else one of its kind without a name.</summary>
    internal Entry? Find(ApiSecurityScheme scheme)
    {
        lock (_entries)
        {
            return _entries.FirstOrDefault(e => e.Kind == scheme.Kind && e.Scheme == scheme.Name)
                ?? _entries.FirstOrDefault(e => e.Kind == scheme.Kind && e.Scheme is null);
        }
    }

    /// <summary>What serves a request whose operation names no scheme: a bearer token, else basic credentials.</summary>
    internal Entry? FindDefault()
    {
        lock (_entries)
        {
            return _entries.FirstOrDefault(e => e.Kind == ApiSecuritySchemeKind.Bearer && e.Scheme is null)
                ?? _entries.FirstOrDefault(e => e.Kind == ApiSecuritySchemeKind.Bearer)
                ?? _entries.FirstOrDefault(e => e.Kind == ApiSecuritySchemeKind.Basic);
        }
    }

    /// <summary>Lists what is configured, without secrets.</summary>
    public override string ToString()
    {
        lock (_entries)
        {
            return _entries.Count == 0 ? "ApiCredentials (none)" : "ApiCredentials (" + string.Join(", ", _entries) + ")";
        }
    }

    private ApiCredentials Add(Entry entry)
    {
        lock (_entries)
        {
            _entries.RemoveAll(e => e.Kind == entry.Kind && e.Scheme == entry.Scheme);
            _entries.Add(entry);
        }
        return this;
    }

    internal sealed class Entry
    {
        public Entry(ApiSecuritySchemeKind kind, string? scheme, IAccessTokenSource? source, string? userName, string? password)
        {
            Kind = kind;
            Scheme = scheme;
            Source = source;
            UserName = userName;
            Password = password;
        }

        public ApiSecuritySchemeKind Kind { get; }

        public string? Scheme { get; }

        public IAccessTokenSource? Source { get; }

        public string? UserName { get; }

        public string? Password { get; }

        public override string ToString() => Kind.ToString().ToLowerInvariant() + (Scheme is null ? "" : " for " + Scheme);
    }
}
