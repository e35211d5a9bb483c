using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>What an <see cref="ApiOutcomeRule"/> makes of a response: keep it, resend the request after a wait, or fail.</summary>
public sealed class ApiOutcome
{
    private ApiOutcome(TimeSpan delay, Func<HttpRequestMessage, CancellationToken, Task>? prepareRetry, Exception? exception, string? reason)
    {
        Delay = delay;
        PrepareRetry = prepareRetry;
        Exception = exception;
        Reason = reason;
    }

    /// <summary>The response goes to the caller as it is.</summary>
    public static ApiOutcome Accept { get; } = new(TimeSpan.Zero, null, null, null);

    /// <summary>
    /// Waits <paramref name="delay"/>, then sends a copy of the request (same method, address, headers, options and
    /// body bytes) after <paramref name="prepare"/> has changed it, for example to add a field to its JSON body
    /// (<see cref="ApiJsonBody.SetPropertyAsync"/>). <paramref name="reason"/> goes to the handler's log.
    /// </summary>
    public static ApiOutcome Retry(TimeSpan delay, string reason, Func<HttpRequestMessage, CancellationToken, Task>? prepare = null)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.");
        return new(delay, prepare ?? s_unchanged, null, reason ?? throw new ArgumentNullException(nameof(reason)));
    }

    /// <summary>The call fails with <paramref name="exception"/>; the response is disposed.</summary>
    public static ApiOutcome Fail(Exception exception)
        => new(TimeSpan.Zero, null, exception ?? throw new ArgumentNullException(nameof(exception)), null);

    private static readonly Func<HttpRequestMessage, CancellationToken, Task> s_unchanged = static (_, _) => Task.CompletedTask;

    /// <summary>How long to wait before resending (retries only).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Changes the copy of the request before it is resent; null unless this is a retry.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task>? PrepareRetry { get; }

    /// <summary>The exception the call fails with; null unless this is a failure.</summary>
    public Exception? Exception { get; }

    /// <summary>Why the request is resent, for the log.</summary>
    public string? Reason { get; }

    /// <summary>Whether the request is resent.</summary>
    public bool IsRetry => PrepareRetry is not null;
}

/// <summary>A response an <see cref="ApiOutcomeRule"/> is asked about.</summary>
public sealed class ApiOutcomeContext
{
    internal ApiOutcomeContext(HttpRequestMessage request, HttpResponseMessage response, ReadOnlyMemory<byte>? body, int retries)
    {
        Request = request;
        Response = response;
        Body = body;
        Retries = retries;
    }

    /// <summary>The request that was answered (after <see cref="ApiOutcome.PrepareRetry"/> on a resend).</summary>
    public HttpRequestMessage Request { get; }

    /// <summary>The response. Its content is still readable by the caller afterwards.</summary>
    public HttpResponseMessage Response { get; }

    /// <summary>
    /// The buffered body when a rule asked for it (<see cref="ApiOutcomeRule.InspectsBody"/>) and it was JSON within
    /// <see cref="ApiOutcomeHandlerOptions.MaxBodyLength"/>; null otherwise.
    /// </summary>
    public ReadOnlyMemory<byte>? Body { get; }

    /// <summary>How many times this call was resent already.</summary>
    public int Retries { get; }
}

/// <summary>
/// Recognises application-level outcomes an API reports inside ordinary responses (a time penalty in an HTTP 200,
/// a failure text, a lockout status) and turns them into a retry or an exception. Rules run in an
/// <see cref="ApiOutcomeHandler"/>; each method is called for every request, so keep them cheap.
/// </summary>
public abstract class ApiOutcomeRule
{
    /// <summary>Called before a request (and each resend) leaves; throw to refuse it locally. Default: nothing.</summary>
    public virtual void OnSending(HttpRequestMessage request)
    {
    }

    /// <summary>From the status and headers alone: whether <see cref="EvaluateAsync"/> needs the body. Default: no.</summary>
    public virtual bool InspectsBody(HttpResponseMessage response) => false;

    /// <summary>What to make of the response. Default: <see cref="ApiOutcome.Accept"/>.</summary>
    public virtual ValueTask<ApiOutcome> EvaluateAsync(ApiOutcomeContext context, CancellationToken cancellationToken)
        => new(ApiOutcome.Accept);
}
