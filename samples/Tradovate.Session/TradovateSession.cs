using System.Text.Json;
using Apiforge.Runtime;
using Microsoft.Extensions.Configuration;

namespace Tradovate;

/// <summary>What <c>/auth/accesstokenrequest</c> needs. <see cref="ToString"/> shows no secret.</summary>
public sealed class TradovateCredentials
{
    /// <summary>The user name.</summary>
    public required string Name { get; init; }

    /// <summary>The password.</summary>
    public required string Password { get; init; }

    /// <summary>The application's name, as registered with the API key.</summary>
    public string? AppId { get; init; }

    /// <summary>The application's version.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The API key's id (a number in Tradovate's examples, a string in the schema).</summary>
    public string? Cid { get; init; }

    /// <summary>The API key's secret.</summary>
    public string? Sec { get; init; }

    /// <summary>A stable id unique to this device.</summary>
    public string? DeviceId { get; init; }

    /// <summary>
    /// Reads Name, Password, AppId, AppVersion, Cid, Sec and DeviceId from <paramref name="section"/> (for example
    /// the <c>Tradovate</c> section: <c>Tradovate__Name</c> as an environment variable). Null without Name and Password.
    /// </summary>
    public static TradovateCredentials? FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var name = section["Name"];
        var password = section["Password"];
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password)) return null;
        return new TradovateCredentials
        {
            Name = name,
            Password = password,
            AppId = section["AppId"],
            AppVersion = section["AppVersion"],
            Cid = section["Cid"],
            Sec = section["Sec"],
            DeviceId = section["DeviceId"],
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"TradovateCredentials ({Name}, app {AppId} {AppVersion}, cid {Cid})";
}

/// <summary>Settings of a <see cref="TradovateSession"/>.</summary>
public sealed class TradovateSessionOptions
{
    /// <summary>The REST root. Default: the document's server (the demo environment).</summary>
    public Uri BaseAddress { get; set; } = new(TradovateClient.DefaultBaseAddress + "/");

    /// <summary>The login.</summary>
    public required TradovateCredentials Credentials { get; set; }

    /// <summary>Renew this long before <c>expirationTime</c>. Default: 15 minutes, as Tradovate advises.</summary>
    public TimeSpan RenewalMargin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Retries of a failed login or renewal. Default: none (Tradovate allows 5 failed logins an hour).</summary>
    public AccessTokenRetryPolicy RetryPolicy { get; set; } = AccessTokenRetry.None;

    /// <summary>At most this many time penalties are waited out in one call (the login too). Default: 3.</summary>
    public int MaxPenalties { get; set; } = 3;

    /// <summary>A longer penalty than this is not waited out but reported. Default: 5 minutes.</summary>
    public TimeSpan MaxPenaltyWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Renew at the margin even when no call needs a token then, so an idle application keeps its session. Default: true.</summary>
    public bool KeepAlive { get; set; } = true;

    /// <summary>The clock and timers.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long a 429 lockout lasts when the answer has no <c>Retry-After</c>. Default: an hour, as Tradovate
    /// documents (a rolling hour that every request restarts).
    /// </summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Told what the session does (login, penalty, renewal, lockout, dropped session); never given a token or password.</summary>
    public Action<string>? Log { get; set; }
}

/// <summary>
/// A Tradovate session on the generated client: logs in through <c>/auth/accesstokenrequest</c>, renews through
/// <c>/auth/renewaccesstoken</c> ahead of <c>expirationTime</c>, and logs in again when a renewal fails. As an
/// <see cref="IAccessTokenSource"/> it feeds the bearer credential of every other client; one login or renewal
/// runs at a time however many calls wait. <see cref="CreateHandler"/> gives the handler that applies Tradovate's
/// conventions to every call (the session's own too): time penalties waited out and resent with their ticket,
/// order failures and violations as exceptions, 429 lockouts refused locally, 423 warnings, dropped sessions.
/// </summary>
public sealed partial class TradovateSession : IAccessTokenSource, IDisposable
{
    private readonly TradovateSessionOptions _options;
    private readonly HttpClient _http;
    private readonly TradovateClient _auth;
    private readonly RenewingAccessTokenSource _tokens;
    private readonly ApiOutcomeRule[] _rules;
    private readonly ApiOutcomeHandlerOptions _handlerOptions;
    private int _logins;
    private int _renewals;
    private int _penalties;

    /// <summary>Creates the session; nothing is sent before the first token is asked for.</summary>
    /// <param name="options">Where, who, and when to renew.</param>
    /// <param name="innerHandler">The handler the session's own requests go through; default: a new <see cref="SocketsHttpHandler"/>.</param>
    public TradovateSession(TradovateSessionOptions options, HttpMessageHandler? innerHandler = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(options.Credentials);
        _handlerOptions = new ApiOutcomeHandlerOptions
        {
            // The penalty rule stops at MaxPenalties with its own message; this is only the backstop.
            MaxRetries = options.MaxPenalties + 1,
            TimeProvider = options.TimeProvider,
            Log = message => _options.Log?.Invoke(message),
        };
        var lockout = new TradovateLockoutRule(this);
        var body = new TradovateBodyRule(this, options);
        _rules = [lockout, new TradovateDroppedSessionRule(this), body];
        // The session's own requests (login, renewal, probe) pass the same lockout gate and penalty handling, but not the
        // dropped-session rule, whose recovery waits for the renewal. They have no credentials but a call's own
        // (ApiCallOptions.BearerToken): the login takes none, the renewal and the probe the token in question.
        var auth = new ApiAuthenticationHandler(new ApiCredentials(), innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http = new HttpClient(new ApiOutcomeHandler([lockout, body], _handlerOptions, auth))
        {
            BaseAddress = options.BaseAddress,
        };
        _auth = new TradovateClient(_http);
        _tokens = new RenewingAccessTokenSource(AcquireAsync, new RenewingAccessTokenSourceOptions
        {
            RenewalMargin = options.RenewalMargin,
            RetryPolicy = options.RetryPolicy,
            TimeProvider = options.TimeProvider,
            RenewInBackground = options.KeepAlive,
        });
    }

    /// <summary>How many logins (accesstokenrequest answered with a token) the session made.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>How many renewals succeeded.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>How many time penalties were waited out (logins and calls).</summary>
    public int Penalties => Volatile.Read(ref _penalties);

    /// <summary>
    /// A handler for the pipeline of the generated client (<c>AddTradovateClient().AddTradovateSessionHandler()</c>,
    /// or by hand over an <see cref="ApiAuthenticationHandler"/>) that applies Tradovate's conventions with this
    /// session's state. A new handler each call, as IHttpClientFactory needs.
    /// </summary>
    public ApiOutcomeHandler CreateHandler() => new(_rules, _handlerOptions);

    /// <summary>Counts a penalty the body rule waits out.</summary>
    internal void CountPenalty() => Interlocked.Increment(ref _penalties);

    /// <summary>The user of the session, once logged in.</summary>
    public long? UserId { get; private set; }

    /// <summary>The market data token of the last login or renewal (<c>mdAccessToken</c>, in no schema).</summary>
    public string? MarketDataToken { get; private set; }

    /// <summary>When the current token expires.</summary>
    public DateTimeOffset? ExpiresAt => _tokens.ExpiresAt;

    /// <inheritdoc/>
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => _tokens.GetAccessTokenAsync(cancellationToken);

    /// <summary>Stops renewing and releases the session's connection.</summary>
    public void Dispose()
    {
        _tokens.Dispose();
        _http.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"TradovateSession ({_options.Credentials.Name}, {_tokens})";

    private async ValueTask<AccessToken> AcquireAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        if (current is not null && (current.ExpiresAt is not { } expiresAt || _options.TimeProvider.GetUtcNow() < expiresAt))
        {
            try
            {
                return await RenewAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiException or TradovateSessionException)
            {
                _options.Log?.Invoke($"renewal failed ({ex.Message}); logging in again");
            }
        }
        return await LoginAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccessToken> RenewAsync(AccessToken current, CancellationToken cancellationToken)
    {
        _options.Log?.Invoke($"renewing the access token ({current})");
        var response = await _auth.RenewAccessTokenAsync(new ApiCallOptions { BearerToken = current.Value }, cancellationToken).ConfigureAwait(false);
        var token = ToAccessToken(response, "renewal");
        Interlocked.Increment(ref _renewals);
        _options.Log?.Invoke($"renewed: {token}");
        return token;
    }

    private async Task<AccessToken> LoginAsync(CancellationToken cancellationToken)
    {
        var credentials = _options.Credentials;
        var request = new AccessTokenRequest
        {
            Name = credentials.Name,
            Password = credentials.Password,
            AppId = credentials.AppId,
            AppVersion = credentials.AppVersion,
            Cid = credentials.Cid,
            Sec = credentials.Sec,
            DeviceId = credentials.DeviceId,
        };
        _options.Log?.Invoke($"logging in as {credentials.Name}");
        // A time penalty is waited out and the login resent with its ticket by the session's handler (TradovateBodyRule).
        var response = await _auth.AccessTokenRequestAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        var token = ToAccessToken(response, "login");
        UserId = response.UserId;
        Interlocked.Increment(ref _logins);
        _options.Log?.Invoke($"logged in: {token}");
        return token;
    }

    private AccessToken ToAccessToken(AccessTokenResponse response, string what)
    {
        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new TradovateSessionException($"The {what} answer carried no access token.");
        }
        if (response.AdditionalProperties is { } extra && extra.TryGetValue("mdAccessToken", out var md) && md.ValueKind == JsonValueKind.String)
        {
            MarketDataToken = md.GetString();
        }
        // Tradovate always sends expirationTime; without it, assume the shortest lifetime it documents (80 minutes).
        return new AccessToken(response.AccessToken, response.ExpirationTime ?? _options.TimeProvider.GetUtcNow() + TimeSpan.FromMinutes(80));
    }
}
