using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>The runtime's outcome hook: rules that refuse, resend with a changed request, or fail; bounded buffering.</summary>
public class ApiOutcomeHandlerTests
{
    /// <summary>Answers from a queue (the last answer repeats) and keeps each request's body and headers.</summary>
    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<(string Body, string? Marker, string? ContentType)> Sent { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Sent.Add((body, request.Headers.TryGetValues("X-Marker", out var m) ? m.Single() : null, request.Content?.Headers.ContentType?.ToString()));
            return answers[Math.Min(Sent.Count - 1, answers.Length - 1)]();
        }
    }

    private sealed class Rule : ApiOutcomeRule
    {
        public Func<HttpResponseMessage, bool> WantsBody { get; init; } = _ => false;
        public Func<ApiOutcomeContext, ApiOutcome> Decide { get; init; } = _ => ApiOutcome.Accept;
        public Action<HttpRequestMessage>? Sending { get; init; }
        public List<ReadOnlyMemory<byte>?> Bodies { get; } = new();

        public override void OnSending(HttpRequestMessage request) => Sending?.Invoke(request);

        public override bool InspectsBody(HttpResponseMessage response) => WantsBody(response);

        public override ValueTask<ApiOutcome> EvaluateAsync(ApiOutcomeContext context, CancellationToken cancellationToken)
        {
            Bodies.Add(context.Body is { } body ? new ReadOnlyMemory<byte>(body.ToArray()) : (ReadOnlyMemory<byte>?)null);
            return new(Decide(context));
        }
    }

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpClient Client(ScriptedHandler inner, ApiOutcomeHandlerOptions? options, params ApiOutcomeRule[] rules)
        => new(new ApiOutcomeHandler(rules, options, inner)) { BaseAddress = new Uri("http://127.0.0.1/api/") };

    private static HttpRequestMessage Post(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Marker", "kept");
        return request;
    }

    [Fact]
    public async Task Without_a_rule_asking_for_it_the_body_is_not_touched()
    {
        HttpContent? original = null;
        var inner = new ScriptedHandler(() =>
        {
            var response = Json("""{"a":1}""");
            original = response.Content;
            return response;
        });
        var rule = new Rule();
        using var http = Client(inner, null, rule);

        using var response = await http.SendAsync(Post("{}"));

        Assert.Same(original, response.Content);
        Assert.Null(Assert.Single(rule.Bodies));
    }

    [Fact]
    public async Task A_retry_waits_then_resends_a_changed_copy_with_headers_and_other_fields_kept()
    {
        var inner = new ScriptedHandler(() => Json("""{"ticket":"t-1","wait":0.05}"""), () => Json("""{"id":7}"""));
        var log = new List<string>();
        var rule = new Rule
        {
            WantsBody = _ => true,
            Decide = context =>
            {
                using var json = JsonDocument.Parse(context.Body!.Value);
                if (!json.RootElement.TryGetProperty("ticket", out var ticket)) return ApiOutcome.Accept;
                var value = ticket.Clone();
                return ApiOutcome.Retry(TimeSpan.FromSeconds(0.05), "penalty", (request, ct) => ApiJsonBody.SetPropertyAsync(request, "ticket", value, ct));
            },
        };
        using var http = Client(inner, new ApiOutcomeHandlerOptions { Log = log.Add }, rule);

        using var response = await http.SendAsync(Post("""{"symbol":"ES","ticket":"stale","qty":2}"""));

        Assert.Equal("""{"id":7}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, inner.Sent.Count);
        Assert.Equal("""{"symbol":"ES","qty":2,"ticket":"t-1"}""", inner.Sent[1].Body);
        Assert.Equal("kept", inner.Sent[1].Marker);
        Assert.Equal("application/json; charset=utf-8", inner.Sent[1].ContentType);
        Assert.Equal("POST /api/orders: penalty; resending in 0.05 s (resend 1 of at most 3)", Assert.Single(log));
    }

    [Fact]
    public async Task Resends_are_bounded()
    {
        var inner = new ScriptedHandler(() => Json("{}"));
        var rule = new Rule { Decide = _ => ApiOutcome.Retry(TimeSpan.Zero, "again") };
        using var http = Client(inner, new ApiOutcomeHandlerOptions { MaxRetries = 2 }, rule);

        var ex = await Assert.ThrowsAsync<ApiException>(() => http.SendAsync(Post("{}")));

        Assert.Equal(3, inner.Sent.Count);
        Assert.Contains("Gave up after 2 resend(s): again", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_is_cancelled_with_the_call_and_nothing_is_resent()
    {
        var inner = new ScriptedHandler(() => Json("{}"));
        var rule = new Rule { Decide = _ => ApiOutcome.Retry(TimeSpan.FromMinutes(5), "long wait") };
        using var http = Client(inner, null, rule);
        using var cancel = new CancellationTokenSource();

        var call = http.SendAsync(Post("{}"), cancel.Token);
        await RenewingAccessTokenSourceTests.WaitUntilAsync(() => inner.Sent.Count == 1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(inner.Sent);
    }

    [Fact]
    public async Task A_rule_can_fail_the_call_or_refuse_it_before_it_leaves()
    {
        var inner = new ScriptedHandler(() => Json("""{"failed":true}"""));
        var failing = new Rule { Decide = _ => ApiOutcome.Fail(new InvalidOperationException("failed in the body")) };
        using (var http = Client(inner, null, failing))
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(Post("{}")));
            Assert.Equal("failed in the body", ex.Message);
        }

        var refusing = new Rule { Sending = _ => throw new InvalidOperationException("not now") };
        using (var http = Client(inner, null, refusing))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(Post("{}")));
        }
        Assert.Single(inner.Sent);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_not_buffered_and_still_reaches_the_caller_whole()
    {
        var big = "[" + string.Join(",", Enumerable.Repeat("\"0123456789\"", 2000)) + "]";
        var inner = new ScriptedHandler(() =>
        {
            // No Content-Length: the handler has to stop reading at the limit.
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big))) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return response;
        });
        var rule = new Rule { WantsBody = _ => true };
        using var http = Client(inner, new ApiOutcomeHandlerOptions { MaxBodyLength = 1000 }, rule);

        using var response = await http.SendAsync(Post("{}"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Null(Assert.Single(rule.Bodies));
        Assert.Equal(big, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_not_buffered_and_a_small_json_one_is_still_readable()
    {
        var inner = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<xml/>", Encoding.UTF8, "text/xml") },
            () => Json("""{"small":true}"""));
        var rule = new Rule { WantsBody = _ => true };
        using var http = Client(inner, null, rule);

        using (var xml = await http.SendAsync(Post("{}"))) Assert.Equal("<xml/>", await xml.Content.ReadAsStringAsync());
        using (var json = await http.SendAsync(Post("{}"))) Assert.Equal("""{"small":true}""", await json.Content.ReadAsStringAsync());

        Assert.Null(rule.Bodies[0]);
        Assert.Equal("""{"small":true}""", Encoding.UTF8.GetString(rule.Bodies[1]!.Value.Span));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
