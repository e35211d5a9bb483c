using Apiforge.Runtime;

namespace Tradovate;

/// <summary>A Tradovate login or call cannot go on now (a captcha, a penalty too long to wait out); the message says why and what to do.</summary>
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

    /// <summary>The time penalty Tradovate imposed, when that is the reason.</summary>
    public TimeSpan? Penalty { get; init; }
}

/// <summary>
/// An order command (<c>CommandResult</c>, <c>PlaceOrderResult</c>) was answered with HTTP 200 and a
/// <c>failureReason</c> / <c>failureText</c>: the command was not carried out.
/// </summary>
public sealed class TradovateCommandFailedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public TradovateCommandFailedException(string? failureReason, string? failureText, int statusCode, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        : base($"Tradovate rejected the command: {failureReason ?? "no reason given"}" + (string.IsNullOrEmpty(failureText) ? "." : $" ({failureText})."), statusCode, response, headers)
    {
        FailureReason = failureReason;
        FailureText = failureText;
    }

    /// <summary>Creates the exception.</summary>
    public TradovateCommandFailedException()
        : this(null, null, 0, null, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateCommandFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateCommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The <c>failureReason</c> value (<c>InvalidContract</c>, <c>TradingLocked</c>, …).</summary>
    public string? FailureReason { get; }

    /// <summary>The <c>failureText</c> value.</summary>
    public string? FailureText { get; }
}

/// <summary>One entry of Tradovate's <c>{violations: [{constraint, value, description}]}</c>.</summary>
/// <param name="Constraint">The rule that was broken.</param>
/// <param name="Value">The offending value, as the JSON text Tradovate sent.</param>
/// <param name="Description">What is wrong.</param>
public sealed record TradovateViolation(string? Constraint, string? Value, string? Description);

/// <summary>Tradovate refused the request's content: <c>{violations: [...]}</c>.</summary>
public sealed class TradovateValidationException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public TradovateValidationException(IReadOnlyList<TradovateViolation> violations, int statusCode, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        : base("Tradovate refused the request: " + string.Join("; ", (violations ?? []).Select(v => $"{v.Constraint}: {v.Description}")), statusCode, response, headers)
    {
        Violations = violations ?? [];
    }

    /// <summary>Creates the exception.</summary>
    public TradovateValidationException()
        : this([], 0, null, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What Tradovate objected to.</summary>
    public IReadOnlyList<TradovateViolation> Violations { get; } = [];
}

/// <summary>
/// Tradovate locked the user out (HTTP 429) for a rolling hour, and every request during it restarts the hour:
/// until <see cref="LockedUntil"/> the session refuses calls in the process, without sending them.
/// </summary>
public sealed class TradovateLockedOutException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public TradovateLockedOutException(DateTimeOffset lockedUntil, bool refusedLocally, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        : base(refusedLocally
                ? $"Tradovate locked this user out until about {lockedUntil:yyyy-MM-dd HH:mm:ss} UTC; the request was not sent, because any request during the lockout restarts its hour."
                : $"Tradovate answered 429: this user is locked out for an hour, until about {lockedUntil:yyyy-MM-dd HH:mm:ss} UTC. Calls are refused locally until then, because any request during the lockout restarts its hour.",
            429, null, headers)
    {
        LockedUntil = lockedUntil;
        RefusedLocally = refusedLocally;
    }

    /// <summary>Creates the exception.</summary>
    public TradovateLockedOutException()
        : this(DateTimeOffset.MinValue, true, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateLockedOutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateLockedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When the session will send requests again (UTC).</summary>
    public DateTimeOffset LockedUntil { get; }

    /// <summary>True when the request never left the process; false for the 429 answer that started the lockout.</summary>
    public bool RefusedLocally { get; }
}

/// <summary>
/// A mutation (an order, for one) was answered as a dropped session answers (another login took its place): the
/// session has logged in again, but the request was not resent, since a failed mutation is never repeated
/// automatically. Check its effect (the order list) before sending it again.
/// </summary>
public sealed class TradovateSessionDroppedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public TradovateSessionDroppedException(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        : base($"Tradovate dropped this session (HTTP {statusCode} to its token, as after a third login elsewhere). The session has logged in again; " +
               "the request was not resent because it changes state: check whether it took effect before sending it again.", statusCode, null, headers)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateSessionDroppedException()
        : this(0, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateSessionDroppedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TradovateSessionDroppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A warning Tradovate gave (HTTP 423: a lockout is near).</summary>
public sealed class TradovateWarningEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public TradovateWarningEventArgs(int statusCode, string method, string path, string message)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        Message = message;
    }

    /// <summary>The status (423).</summary>
    public int StatusCode { get; }

    /// <summary>The method of the request that was warned.</summary>
    public string Method { get; }

    /// <summary>Its path (no query string).</summary>
    public string Path { get; }

    /// <summary>What the warning means.</summary>
    public string Message { get; }
}
