using System.Globalization;
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

    /// <summary>At most this many time penalties are waited out in one login. Default: 3.</summary>
    public int MaxPenalties { get; set; } = 3;

    /// <summary>A longer penalty than this is not waited out but reported. Default: 5 minutes.</summary>
    public TimeSpan MaxPenaltyWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Renew at the margin even when no call needs a token then, so an idle application keeps its session. Default: true.</summary>
    public bool KeepAlive { get; set; } = true;

    /// <summary>The clock and timers.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Told what the session does (login, penalty, renewal); never given a token or password.</summary>
    public Action<string>? Log { get; set; }
}

/// <summary>A Tradovate login could not be completed; the message says why and what to do.</summary>
public sealed class TradovateSessionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TradovateSessionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateSessionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether Tradovate asked for a captcha, which only a person in the web app can answer.</summary>
    public bool CaptchaRequired { get; init; }
}

/// <summary>
/// A Tradovate session on the generated client: logs in through <c>/auth/accesstokenrequest</c> (waiting out a
/// time penalty and resending with its ticket), renews through <c>/auth/renewaccesstoken</c> ahead of
/// <c>expirationTime</c>, and logs in again when a renewal fails. As an <see cref="IAccessTokenSource"/> it feeds
/// the bearer credential of every other client; one login or renewal runs at a time however many calls wait.
/// </summary>
public sealed class TradovateSession : IAccessTokenSource, IDisposable
{
    private readonly TradovateSessionOptions _options;
    private readonly HttpClient _http;
    private readonly TradovateClient _auth;
    private readonly RenewingAccessTokenSource _tokens;
    private string? _renewing;
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
        // The session's own client: the login takes no token; the renewal takes the token being renewed.
        var renewal = ApiCredentials.Bearer(AccessTokenSource.FromDelegate(_ =>
            new ValueTask<string>(_renewing ?? throw new InvalidOperationException("No token to renew."))));
        _http = new HttpClient(new ApiAuthenticationHandler(renewal, innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
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

    /// <summary>How many time penalties were waited out.</summary>
    public int Penalties => Volatile.Read(ref _penalties);

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
        _renewing = current.Value;
        try
        {
            var response = await _auth.RenewAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            var token = ToAccessToken(response, "renewal");
            Interlocked.Increment(ref _renewals);
            _options.Log?.Invoke($"renewed: {token}");
            return token;
        }
        finally
        {
            _renewing = null;
        }
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
        for (var penalties = 0; ; penalties++)
        {
            _options.Log?.Invoke($"logging in as {credentials.Name}" + (penalties > 0 ? " with the penalty ticket" : ""));
            var response = await _auth.AccessTokenRequestAsync(request, cancellationToken).ConfigureAwait(false);
            if (Penalty(response) is not { } penalty)
            {
                var token = ToAccessToken(response, "login");
                UserId = response.UserId;
                Interlocked.Increment(ref _logins);
                _options.Log?.Invoke($"logged in: {token}");
                return token;
            }
            if (penalty.Captcha)
            {
                throw new TradovateSessionException(
                    "Tradovate asks for a captcha before it accepts another login from this network, and an API client cannot answer one. " +
                    "Wait about an hour before trying again, or log in once through the Tradovate web app (which shows the captcha), then start this application again.")
                {
                    CaptchaRequired = true,
                };
            }
            if (penalties >= _options.MaxPenalties || penalty.Wait > _options.MaxPenaltyWait)
            {
                throw new TradovateSessionException(
                    $"Tradovate imposed a time penalty of {penalty.Wait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s on the login (penalty {penalties + 1}); " +
                    "too many requests came from this network. Wait that long and try again.");
            }
            _options.Log?.Invoke($"time penalty: waiting {penalty.Wait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, then resending with the ticket");
            Interlocked.Increment(ref _penalties);
            // A little over p-time: timers may fire a hair early, and a ticket sent too soon earns a new penalty.
            await Task.Delay(penalty.Wait + TimeSpan.FromMilliseconds(100), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            request.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            request.AdditionalProperties["p-ticket"] = penalty.Ticket;
        }
    }

    private static (JsonElement Ticket, TimeSpan Wait, bool Captcha)? Penalty(AccessTokenResponse response)
    {
        var extra = response.AdditionalProperties;
        if (extra is null || !extra.TryGetValue("p-ticket", out var ticket) || ticket.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        var seconds = extra.TryGetValue("p-time", out var time) && time.ValueKind == JsonValueKind.Number ? time.GetDouble() : 0;
        var captcha = extra.TryGetValue("p-captcha", out var flag) && flag.ValueKind == JsonValueKind.True;
        return (ticket.Clone(), TimeSpan.FromSeconds(Math.Max(0, seconds)), captcha);
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
