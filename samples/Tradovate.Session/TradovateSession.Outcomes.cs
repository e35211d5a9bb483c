using System.Net.Http.Headers;
using Apiforge.Runtime;

namespace Tradovate;

/// <summary>The session's state behind the outcome rules: the lockout, warnings, dropped sessions.</summary>
public sealed partial class TradovateSession
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> s_noHeaders = new Dictionary<string, IReadOnlyList<string>>();
    private long _lockedUntilTicks;
    private int _refused;
    private int _droppedSessions;
    private readonly Lock _dropGate = new();
    private string? _droppedToken;
    private Task<string>? _recovery;

    /// <summary>Raised on a warning from Tradovate (HTTP 423: a lockout is near). Handlers run on the calling thread; keep them short.</summary>
    public event EventHandler<TradovateWarningEventArgs>? Warning;

    /// <summary>Until when calls are refused locally after a 429 (UTC); null when not locked out.</summary>
    public DateTimeOffset? LockedOutUntil
    {
        get
        {
            var ticks = Volatile.Read(ref _lockedUntilTicks);
            return ticks == 0 || _options.TimeProvider.GetUtcNow().UtcTicks >= ticks ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>How many requests were refused locally during a lockout.</summary>
    public int RefusedRequests => Volatile.Read(ref _refused);

    /// <summary>How many dropped sessions were detected and logged in again.</summary>
    public int DroppedSessions => Volatile.Read(ref _droppedSessions);

    internal void ThrowIfLockedOut(HttpRequestMessage request)
    {
        if (LockedOutUntil is not { } until) return;
        Interlocked.Increment(ref _refused);
        _options.Log?.Invoke($"{request.Method} {request.RequestUri?.AbsolutePath}: refused locally, locked out until {until:HH:mm:ss} UTC");
        throw new TradovateLockedOutException(until, refusedLocally: true, s_noHeaders);
    }

    internal DateTimeOffset EnterLockout(RetryConditionHeaderValue? retryAfter, HttpRequestMessage request)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var duration = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : _options.LockoutDuration);
        var until = now + (duration > TimeSpan.Zero ? duration : _options.LockoutDuration);
        // Concurrent 429s: the latest end wins.
        long seen;
        do
        {
            seen = Volatile.Read(ref _lockedUntilTicks);
            if (seen >= until.UtcTicks) break;
        }
        while (Interlocked.CompareExchange(ref _lockedUntilTicks, until.UtcTicks, seen) != seen);
        _options.Log?.Invoke($"{request.Method} {request.RequestUri?.AbsolutePath}: HTTP 429, locked out until {until:HH:mm:ss} UTC; refusing calls locally until then");
        return until;
    }

    internal void RaiseWarning(HttpRequestMessage request, int statusCode, string message)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? "";
        _options.Log?.Invoke($"{method} {path}: warning: {message}");
        Warning?.Invoke(this, new TradovateWarningEventArgs(statusCode, method, path, message));
    }

    /// <summary>
    /// Whether <paramref name="token"/> belongs to a session Tradovate dropped: <c>GET /auth/me</c> with it fails
    /// too. A probe that cannot be sent (the network) says no, and the original answer stands.
    /// </summary>
    internal async Task<bool> IsDroppedAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            await _auth.MeAsync(new ApiCallOptions { BearerToken = token }, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (ApiException ex) when (ex is not ApiTransportException && ex.StatusCode is < 200 or >= 300)
        {
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or ApiTransportException)
        {
            return false;
        }
    }

    /// <summary>Forgets the dropped token and logs in again, once however many calls noticed it; gives the new token.</summary>
    internal Task<string> RecoverDroppedAsync(string droppedToken, int statusCode, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Task<string> recovery;
        lock (_dropGate)
        {
            // Calls that saw the same dropped token share one recovery; it is not cancelled with any one of them.
            if (!string.Equals(_droppedToken, droppedToken, StringComparison.Ordinal) || _recovery is null)
            {
                _droppedToken = droppedToken;
                _recovery = RecoverAsync(droppedToken, $"{request.Method} {request.RequestUri?.AbsolutePath}: HTTP {statusCode}");
            }
            recovery = _recovery;
        }
        return recovery.WaitAsync(cancellationToken);
    }

    private async Task<string> RecoverAsync(string droppedToken, string what)
    {
        var current = await _tokens.GetTokenAsync(CancellationToken.None).ConfigureAwait(false);
        if (string.Equals(current.Value, droppedToken, StringComparison.Ordinal))
        {
            _tokens.Invalidate(current);
            Interlocked.Increment(ref _droppedSessions);
            _options.Log?.Invoke($"{what} and the probe failed too: the session was dropped (another login took its place); logging in again");
        }
        return (await _tokens.GetTokenAsync(CancellationToken.None).ConfigureAwait(false)).Value;
    }
}
