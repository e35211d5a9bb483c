using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// An access token and when it expires. <see cref="ToString"/> never shows the token, so it may be logged.
/// </summary>
public sealed class AccessToken
{
    /// <summary>Creates the token; <paramref name="expiresAt"/> null means it does not expire on its own.</summary>
    public AccessToken(string value, DateTimeOffset? expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The secret itself. Keep it out of logs.</summary>
    public string Value { get; }

    /// <summary>When the token stops working; null when unknown.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Describes the token without its value.</summary>
    public override string ToString()
        => ExpiresAt is { } expiresAt
            ? "AccessToken (expires " + expiresAt.ToString("O", CultureInfo.InvariantCulture) + ")"
            : "AccessToken (no expiry)";
}

/// <summary>
/// Decides whether, and after how long, a failed token acquisition is tried again.
/// Returns the delay before the next attempt, or null to give up.
/// </summary>
/// <param name="failedAttempts">How many attempts have failed so far (1 after the first failure).</param>
/// <param name="exception">What the last attempt threw.</param>
public delegate TimeSpan? AccessTokenRetryPolicy(int failedAttempts, Exception exception);

/// <summary>Ready-made <see cref="AccessTokenRetryPolicy"/> values.</summary>
public static class AccessTokenRetry
{
    /// <summary>No retry: the first failure is final.</summary>
    public static AccessTokenRetryPolicy None { get; } = static (_, _) => null;

    /// <summary>Up to <paramref name="maxAttempts"/> attempts in all, waiting <paramref name="delay"/> between them.</summary>
    public static AccessTokenRetryPolicy Fixed(int maxAttempts, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return (failed, _) => failed < maxAttempts ? delay : null;
    }

    /// <summary>Up to <paramref name="maxAttempts"/> attempts, the delay doubling from <paramref name="initialDelay"/> up to <paramref name="maxDelay"/>.</summary>
    public static AccessTokenRetryPolicy Exponential(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        return (failed, _) =>
        {
            if (failed >= maxAttempts) return null;
            var factor = Math.Pow(2, Math.Min(failed - 1, 30));
            var delay = TimeSpan.FromTicks((long)Math.Min(initialDelay.Ticks * factor, maxDelay.Ticks));
            return delay;
        };
    }
}

/// <summary>Settings of a <see cref="RenewingAccessTokenSource"/>.</summary>
public sealed class RenewingAccessTokenSourceOptions
{
    /// <summary>A token is renewed this long before it expires. Default: one minute.</summary>
    public TimeSpan RenewalMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether and when a failed acquisition is tried again. Default: <see cref="AccessTokenRetry.None"/>.</summary>
    public AccessTokenRetryPolicy RetryPolicy { get; set; } = AccessTokenRetry.None;

    /// <summary>The clock and timers; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Renew when the margin is reached even if no call asks for a token then, so an idle application keeps its
    /// session instead of logging in anew. A failed background renewal is tried again by the next call. Default: false.
    /// </summary>
    public bool RenewInBackground { get; set; }

    /// <summary>
    /// When the API refuses (401) a token that was acquired after it refused the one before, no token is acquired
    /// for this long: calls fail at once with <see cref="AccessTokenAcquisitionException"/> rather than start a
    /// login per call (which can lock an account). A 401 answer to the first token only renews it. Default: one minute.
    /// </summary>
    public TimeSpan RejectionBackoff { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Acquiring an access token failed. Every caller that waited for that acquisition gets this exception; the
/// next call tries again. The message never contains a token.
/// </summary>
public sealed class AccessTokenAcquisitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccessTokenAcquisitionException(string message, int attempts, Exception innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>Creates the exception.</summary>
    public AccessTokenAcquisitionException()
        : base("Acquiring an access token failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccessTokenAcquisitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccessTokenAcquisitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}

/// <summary>
/// A token source that acquires a token through a delegate, caches it, and renews it
/// <see cref="RenewingAccessTokenSourceOptions.RenewalMargin"/> before it expires.
/// </summary>
/// <remarks>
/// <para>Single flight: however many callers find the token missing or due at once, one acquisition runs and
/// they all wait for it. The acquisition does not run on any caller's cancellation token, so one caller giving
/// up does not cancel it for the others.</para>
/// <para>A token that is due for renewal but not yet expired stays usable: when its renewal fails, callers get
/// the old token and the next call tries again. A missing or expired token that cannot be acquired makes every
/// waiting caller throw <see cref="AccessTokenAcquisitionException"/>; the next call starts a new acquisition.</para>
/// <para>The acquisition delegate receives the current token (null at first), so it can renew instead of
/// logging in anew.</para>
/// </remarks>
public sealed class RenewingAccessTokenSource : IAccessTokenSource, IDisposable
{
    private readonly Func<AccessToken?, CancellationToken, ValueTask<AccessToken>> _acquire;
    private readonly TimeSpan _margin;
    private readonly AccessTokenRetryPolicy _retryPolicy;
    private readonly TimeProvider _time;
    private readonly bool _renewInBackground;
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;
    private readonly object _gate = new();
    private AccessToken? _current;
    private Task<AccessToken>? _pending;
    private int _acquisitions;
    private readonly TimeSpan _rejectionBackoff;
    private int _rejectedInARow;
    private DateTimeOffset? _backoffUntil;

    /// <summary>Creates the source; nothing is acquired until the first call.</summary>
    /// <param name="acquire">Gets a new token; it receives the current one (null at first) to renew it where the API allows.</param>
    /// <param name="options">Margin, retry policy and clock.</param>
    public RenewingAccessTokenSource(Func<AccessToken?, CancellationToken, ValueTask<AccessToken>> acquire, RenewingAccessTokenSourceOptions? options = null)
    {
        _acquire = acquire ?? throw new ArgumentNullException(nameof(acquire));
        options ??= new RenewingAccessTokenSourceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RenewalMargin, TimeSpan.Zero);
        _margin = options.RenewalMargin;
        _retryPolicy = options.RetryPolicy ?? AccessTokenRetry.None;
        _time = options.TimeProvider ?? TimeProvider.System;
        _renewInBackground = options.RenewInBackground;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RejectionBackoff, TimeSpan.Zero);
        _rejectionBackoff = options.RejectionBackoff;
    }

    /// <summary>How many acquisitions have started (each may make several attempts).</summary>
    public int AcquisitionCount => Volatile.Read(ref _acquisitions);

    /// <summary>When the cached token expires; null when there is none or it does not expire.</summary>
    public DateTimeOffset? ExpiresAt => Volatile.Read(ref _current)?.ExpiresAt;

    /// <inheritdoc/>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        => (await GetTokenAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>A valid token, acquiring or renewing it first when needed.</summary>
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var now = _time.GetUtcNow();
        var current = Volatile.Read(ref _current);
        if (current is not null && !IsDue(current, now)) return new ValueTask<AccessToken>(current);
        return new ValueTask<AccessToken>(WaitForAcquisitionAsync(cancellationToken));
    }

    /// <summary>
    /// Forgets <paramref name="token"/> (for example after the API rejected it), so the next call acquires a new
    /// one. A token other than the cached one is ignored: it was replaced already.
    /// </summary>
    public void Invalidate(AccessToken? token = null)
    {
        lock (_gate)
        {
            if (token is null || ReferenceEquals(token, _current)) _current = null;
        }
    }

    /// <summary>
    /// The API refused <paramref name="value"/> (401): forgets it if it is the cached token, so the next call
    /// acquires a new one. When that new token is refused too, no token is acquired for
    /// <see cref="RenewingAccessTokenSourceOptions.RejectionBackoff"/>: calls fail at once with
    /// <see cref="AccessTokenAcquisitionException"/> instead of logging in again and again.
    /// </summary>
    internal void Reject(string value)
    {
        lock (_gate)
        {
            if (_current is null || !string.Equals(_current.Value, value, StringComparison.Ordinal)) return;
            _current = null;
            _rejectedInARow++;
            if (_rejectedInARow >= 2) _backoffUntil = _time.GetUtcNow() + _rejectionBackoff;
        }
    }

    /// <summary>The API took <paramref name="value"/> (an answer other than 401): refusals no longer count as in a row.</summary>
    internal void Accept(string value)
    {
        if (Volatile.Read(ref _rejectedInARow) == 0) return;
        lock (_gate)
        {
            if (_current is not null && string.Equals(_current.Value, value, StringComparison.Ordinal)) _rejectedInARow = 0;
        }
    }

    /// <summary>Cancels a running acquisition; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        // Cancelled, not disposed: a running acquisition may still read its token.
        _disposed.Cancel();
        Interlocked.Exchange(ref _timer, null)?.Dispose();
    }

    /// <summary>Describes the source without any token.</summary>
    public override string ToString()
        => $"RenewingAccessTokenSource (token: {(Volatile.Read(ref _current)?.ToString() ?? "none")}, renewal margin {_margin})";

    /// <summary>
    /// The failure of the acquisition delegate, without repeating what it may hold: the delegate's own messages can
    /// carry a password or a token (and HttpRequestException's a URI with a query key), so only the exception type
    /// is named, and the status code of an HTTP failure. An <see cref="ApiException"/> is the runtime's own, built
    /// from the status and the server's error text, and is repeated. The whole exception stays in InnerException.
    /// </summary>
    private static string DescribeSafely(Exception ex) => ex switch
    {
        ApiException api => api.GetType().Name + ": " + api.Message,
#if NET
        HttpRequestException { StatusCode: { } status } => $"{nameof(HttpRequestException)} (status {(int)status}); see InnerException.",
#endif
        _ => ex.GetType().Name + "; see InnerException.",
    };

    private bool IsDue(AccessToken token, DateTimeOffset now) => token.ExpiresAt is { } expiresAt && now >= expiresAt - _margin;

    private static bool IsExpired(AccessToken token, DateTimeOffset now) => token.ExpiresAt is { } expiresAt && now >= expiresAt;

    private async Task<AccessToken> WaitForAcquisitionAsync(CancellationToken cancellationToken)
    {
        Task<AccessToken> pending;
        AccessToken? stale;
        lock (_gate)
        {
            stale = _current;
            if (stale is not null && !IsDue(stale, _time.GetUtcNow())) return stale;
            if (_pending is null)
            {
                if (_backoffUntil is { } until && _time.GetUtcNow() < until)
                {
                    throw new AccessTokenAcquisitionException(
                        $"The API refused {_rejectedInARow} access tokens in a row (401 Unauthorized), the last one just acquired; " +
                        $"no new token is acquired before {until.ToString("O", CultureInfo.InvariantCulture)} (RejectionBackoff {_rejectionBackoff}). " +
                        "Check that the credentials are allowed to call this API.");
                }
                _acquisitions++;
                _pending = AcquireAsync(stale);
            }
            pending = _pending;
        }
        try
        {
            return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AccessTokenAcquisitionException) when (stale is not null && !IsExpired(stale, _time.GetUtcNow()))
        {
            // Renewing ahead of expiry failed, but the old token still works: use it; the next call tries again.
            return stale;
        }
    }

    private void ScheduleRenewal(AccessToken token)
    {
        if (!_renewInBackground || token.ExpiresAt is not { } expiresAt || _disposed.IsCancellationRequested) return;
        var due = expiresAt - _margin - _time.GetUtcNow();
        // A token that is due as soon as it arrives is renewed by the next call, not in a loop here.
        if (due <= TimeSpan.Zero) return;
        var timer = _time.CreateTimer(static state => ((RenewingAccessTokenSource)state!).RenewNow(), this, due, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _timer, timer)?.Dispose();
        if (_disposed.IsCancellationRequested) Interlocked.Exchange(ref _timer, null)?.Dispose();
    }

    private void RenewNow()
    {
        if (_disposed.IsCancellationRequested) return;
        var current = Volatile.Read(ref _current);
        if (current is null) return;
        if (!IsDue(current, _time.GetUtcNow()))
        {
            // The timer ran a hair before the clock reached the margin: wait the rest.
            ScheduleRenewal(current);
            return;
        }
        // Nobody awaits this: a failure is left for the next call, which tries again.
        _ = WaitForAcquisitionAsync(CancellationToken.None).ContinueWith(
            static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task<AccessToken> AcquireAsync(AccessToken? current)
    {
        // Leave the caller's lock and context first: the delegate runs outside both.
        await Task.Yield();
        var attempts = 0;
        try
        {
            while (true)
            {
                attempts++;
                try
                {
                    var token = await _acquire(current, _disposed.Token).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The token acquisition delegate returned null.");
                    lock (_gate)
                    {
                        _current = token;
                        _pending = null;
                    }
                    ScheduleRenewal(token);
                    return token;
                }
                catch (Exception ex) when (!_disposed.IsCancellationRequested)
                {
                    var delay = _retryPolicy(attempts, ex);
                    if (delay is null)
                    {
                        throw new AccessTokenAcquisitionException(
                            $"Acquiring an access token failed after {attempts} attempt(s): {DescribeSafely(ex)}", attempts, ex);
                    }
                    if (delay.Value > TimeSpan.Zero)
                    {
#if NET
                        await Task.Delay(delay.Value, _time, _disposed.Token).ConfigureAwait(false);
#else
                        await _time.Delay(delay.Value, _disposed.Token).ConfigureAwait(false);
#endif
                    }
                }
            }
        }
        catch
        {
            lock (_gate)
            {
                _pending = null;
            }
            throw;
        }
    }
}
