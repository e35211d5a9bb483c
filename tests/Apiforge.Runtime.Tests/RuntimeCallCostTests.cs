using System.Diagnostics;
using System.Net;
using System.Text;
using Wire;
using Xunit.Abstractions;

namespace Apiforge.Runtime.Tests;

/// <summary>
/// Issue 13, the cheaper runtime call: what it must keep. A long timeout shares its deadline with other calls (no timer
/// per call) and still ends a stalled body on time, with or without a caller's token; a literal path's URI, kept per
/// operation, still goes to each client's own base address; the headers of a result, collected when first read, are
/// the response's.
/// </summary>
public class RuntimeCallCostTests(ITestOutputHelper output)
{
    private const string ItemJson = """{"id":"1","name":"one"}""";

    private static WireClient Client(Uri baseAddress, TimeSpan? timeout = null)
        => new(new HttpClient(new ApiAuthenticationHandler(new ApiCredentials().UseBearer(AccessTokenSource.FromToken("token-1")), new HttpClientHandler()))
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });

    private static RawHttpServer Stalling() => RawHttpServer.Start(async (_, stream, ct) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":\"1\","), ct);
        await Task.Delay(Timeout.Infinite, ct);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_that_stalls_ends_at_a_long_HttpClient_Timeout_whose_deadline_is_shared(bool callerToken)
    {
        await using var server = Stalling();
        // 2 s: long enough for a shared deadline (a slot of 16 ms), short enough for a test.
        var timeout = TimeSpan.FromSeconds(2);
        var client = Client(server.BaseAddress, timeout);
        using var caller = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        // Two calls at once: they share one deadline, and each ends at it.
        var calls = new[]
        {
            Assert.ThrowsAsync<TaskCanceledException>(() => client.GetBearerAsync(cancellationToken: callerToken ? caller.Token : default)),
            Assert.ThrowsAsync<TaskCanceledException>(() => client.GetBearerAsync(cancellationToken: callerToken ? caller.Token : default)),
        };
        var errors = await Task.WhenAll(calls);

        clock.Stop();
        output.WriteLine($"the stalled calls ended after {clock.Elapsed.TotalSeconds:F3} s (timeout {timeout.TotalSeconds} s)");
        foreach (var ex in errors)
        {
            Assert.IsType<TimeoutException>(ex.InnerException);
            Assert.Contains("HttpClient.Timeout", ex.Message, StringComparison.Ordinal);
        }
        Assert.False(caller.IsCancellationRequested);
        Assert.InRange(clock.Elapsed, timeout - TimeSpan.FromMilliseconds(100), timeout + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task A_literal_path_goes_to_the_base_address_of_each_client()
    {
        await using var first = RawHttpServer.Answering(200, ItemJson);
        await using var second = RawHttpServer.Answering(200, ItemJson);
        var one = Client(first.BaseAddress);
        var other = Client(new Uri(second.BaseAddress, "v2/"));

        await one.GetBearerAsync();
        await other.GetBearerAsync();
        await one.GetBearerAsync();
        await other.GetBearerAsync();

        Assert.Equal(2, first.Count);
        Assert.Equal(2, second.Count);
        lock (first.Requests) Assert.All(first.Requests, r => Assert.Equal("/bearer", r.Target));
        lock (second.Requests) Assert.All(second.Requests, r => Assert.Equal("/v2/bearer", r.Target));
    }

    [Fact]
    public async Task The_headers_of_a_result_are_the_responses_when_read_after_the_call()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson, "X-Rate-Remaining: 7\r\nX-Many: a\r\nX-Many: b\r\n");

        var result = await Client(server.BaseAddress).GetBearerWithResponseAsync();

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("1", result.Value.Id);
        Assert.Equal("7", result.Header("x-rate-remaining"));
        Assert.Equal(new[] { "a", "b" }, result.Headers["X-Many"]);
        Assert.StartsWith("application/json", result.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Same(result.Headers, result.Headers);
    }

    [Fact]
    public void ApiResult_From_a_disposed_response_has_its_headers()
    {
        var response = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("ETag", "\"v1\"");
        var expected = ApiException.CollectHeaders(response);

        var result = ApiResult.From(response, 5);
        response.Dispose();

        Assert.Equal(202, result.StatusCode);
        Assert.Equal(5, result.Value);
        Assert.Equal(expected.Keys.Order(), result.Headers.Keys.Order());
        Assert.Equal("\"v1\"", result.Header("etag"));
        Assert.Equal(202, ApiResult.From(response).StatusCode);
        Assert.Equal("\"v1\"", ApiResult.From(response).Header("ETag"));
    }
}
