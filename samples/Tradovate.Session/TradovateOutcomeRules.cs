using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Apiforge.Runtime;

namespace Tradovate;

/// <summary>
/// 429: the user is locked out for a rolling hour and every request restarts it, so the session refuses calls
/// locally until the hour is over. 423: a warning that a lockout is near, raised as <see cref="TradovateSession.Warning"/>.
/// </summary>
internal sealed class TradovateLockoutRule(TradovateSession session) : ApiOutcomeRule
{
    public override void OnSending(HttpRequestMessage request) => session.ThrowIfLockedOut(request);

    public override ValueTask<ApiOutcome> EvaluateAsync(ApiOutcomeContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        switch ((int)response.StatusCode)
        {
            case 429:
                var until = session.EnterLockout(response.Headers.RetryAfter, context.Request);
                return new(ApiOutcome.Fail(new TradovateLockedOutException(until, refusedLocally: false, ApiException.CollectHeaders(response))));
            case 423:
                session.RaiseWarning(context.Request, 423,
                    "Tradovate answered 423: too many requests; slow down, or a lockout of an hour (429) follows.");
                return new(ApiOutcome.Accept);
            default:
                return new(ApiOutcome.Accept);
        }
    }
}

/// <summary>
/// Outcomes Tradovate reports inside a body: a time penalty (<c>p-ticket</c>, <c>p-time</c>, <c>p-captcha</c>)
/// is waited out and the request resent with its ticket; <c>failureReason</c>/<c>failureText</c> and
/// <c>violations</c> become typed exceptions.
/// </summary>
internal sealed class TradovateBodyRule(TradovateSession session, TradovateSessionOptions options) : ApiOutcomeRule
{
    public override bool InspectsBody(HttpResponseMessage response)
        => response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest;

    public override ValueTask<ApiOutcome> EvaluateAsync(ApiOutcomeContext context, CancellationToken cancellationToken)
    {
        if (context.Body is not { } body || !TradovateBody.TryRead(body.Span, out var found)) return new(ApiOutcome.Accept);
        var response = context.Response;
        if (found.Ticket is { } ticket) return new(Penalty(context, ticket, found));
        if (found.Violations is { Count: > 0 } violations)
        {
            return new(ApiOutcome.Fail(new TradovateValidationException(violations, (int)response.StatusCode, Text(body), ApiException.CollectHeaders(response))));
        }
        if (!string.IsNullOrEmpty(found.FailureText) || found.FailureReason is { Length: > 0 } and not "Success")
        {
            return new(ApiOutcome.Fail(new TradovateCommandFailedException(found.FailureReason, found.FailureText, (int)response.StatusCode, Text(body), ApiException.CollectHeaders(response))));
        }
        return new(ApiOutcome.Accept);
    }

    private ApiOutcome Penalty(ApiOutcomeContext context, JsonElement ticket, TradovateBody found)
    {
        var wait = TimeSpan.FromSeconds(Math.Clamp(found.Seconds, 0, TimeSpan.FromDays(1).TotalSeconds));
        var seconds = wait.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var what = $"{context.Request.Method} {context.Request.RequestUri?.AbsolutePath}";
        if (found.Captcha)
        {
            return ApiOutcome.Fail(new TradovateSessionException(
                "Tradovate asks for a captcha before it accepts more requests from this network, and an API client cannot answer one. " +
                "Wait about an hour before trying again, or log in once through the Tradovate web app (which shows the captcha), then start this application again.")
            {
                CaptchaRequired = true,
            });
        }
        if (context.Retries >= options.MaxPenalties || wait > options.MaxPenaltyWait)
        {
            return ApiOutcome.Fail(new TradovateSessionException(
                $"Tradovate imposed a time penalty of {seconds} s on {what} (penalty {context.Retries + 1} of this call); " +
                "too many requests came from this network. Wait that long and try again.")
            {
                Penalty = wait,
            });
        }
        session.CountPenalty();
        // A little over p-time: timers may fire a hair early, and a ticket sent too soon earns a new penalty.
        return ApiOutcome.Retry(wait + TimeSpan.FromMilliseconds(100), $"time penalty of {seconds} s (p-ticket)", async (request, cancellationToken) =>
        {
            // The ticket travels in the JSON body; a request without one (a GET) is resent as it was, after the wait.
            if (request.Content is not null)
            {
                await ApiJsonBody.SetPropertyAsync(request, "p-ticket", ticket, cancellationToken).ConfigureAwait(false);
            }
        });
    }

    private static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);
}

/// <summary>
/// A dropped session (a third login elsewhere ended it): its token gets 408 or 500. Such an answer to an
/// authenticated request is checked with a probe (<c>GET /auth/me</c> with the same token): if the probe fails too,
/// the session logs in again once, then resends a read or reports a mutation as not resent. 429 is never probed:
/// a request during a lockout restarts it.
/// </summary>
internal sealed class TradovateDroppedSessionRule(TradovateSession session) : ApiOutcomeRule
{
    public override async ValueTask<ApiOutcome> EvaluateAsync(ApiOutcomeContext context, CancellationToken cancellationToken)
    {
        var status = (int)context.Response.StatusCode;
        if (status is not (408 or 500) || context.Retries > 0) return ApiOutcome.Accept;
        if (context.Request.Headers.Authorization is not { Scheme: "Bearer", Parameter: { Length: > 0 } token }) return ApiOutcome.Accept;
        if (!await session.IsDroppedAsync(token, cancellationToken).ConfigureAwait(false)) return ApiOutcome.Accept;

        var fresh = await session.RecoverDroppedAsync(token, status, context.Request, cancellationToken).ConfigureAwait(false);
        if (context.Request.Method != HttpMethod.Get)
        {
            return ApiOutcome.Fail(new TradovateSessionDroppedException(status, ApiException.CollectHeaders(context.Response)));
        }
        return ApiOutcome.Retry(TimeSpan.Zero, $"session dropped (HTTP {status}); logged in again", (request, _) =>
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
            return Task.CompletedTask;
        });
    }
}

/// <summary>The top-level fields of a Tradovate body the rules look at, read without materialising the rest.</summary>
internal readonly record struct TradovateBody(JsonElement? Ticket, double Seconds, bool Captcha, string? FailureReason, string? FailureText, List<TradovateViolation>? Violations)
{
    public static bool TryRead(ReadOnlySpan<byte> json, out TradovateBody body)
    {
        body = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            JsonElement? ticket = null;
            double seconds = 0;
            bool captcha = false;
            string? reason = null, text = null;
            List<TradovateViolation>? violations = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (!reader.Read()) return false;
                if (name.SequenceEqual("p-ticket"u8) && reader.TokenType is not JsonTokenType.Null)
                {
                    ticket = JsonElement.ParseValue(ref reader);
                }
                else if (name.SequenceEqual("p-time"u8) && reader.TokenType == JsonTokenType.Number)
                {
                    seconds = reader.GetDouble();
                }
                else if (name.SequenceEqual("p-captcha"u8))
                {
                    captcha = reader.TokenType == JsonTokenType.True;
                }
                else if (name.SequenceEqual("failureReason"u8) && reader.TokenType == JsonTokenType.String)
                {
                    reason = reader.GetString();
                }
                else if (name.SequenceEqual("failureText"u8) && reader.TokenType == JsonTokenType.String)
                {
                    text = reader.GetString();
                }
                else if (name.SequenceEqual("violations"u8) && reader.TokenType == JsonTokenType.StartArray)
                {
                    violations = ReadViolations(JsonElement.ParseValue(ref reader));
                }
                else
                {
                    reader.Skip();
                }
            }
            body = new TradovateBody(ticket, seconds, captcha, reason, text, violations);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<TradovateViolation> ReadViolations(JsonElement array)
    {
        var list = new List<TradovateViolation>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            list.Add(new TradovateViolation(Text(item, "constraint"), Text(item, "value"), Text(item, "description")));
        }
        return list;
    }

    private static string? Text(JsonElement item, string name)
        => !item.TryGetProperty(name, out var value) ? null
            : value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
}
