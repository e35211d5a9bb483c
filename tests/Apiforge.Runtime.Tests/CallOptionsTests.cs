using System.Text;
using Wire;

namespace Apiforge.Runtime.Tests;

/// <summary>
/// Issue 12, per-call options on the generated client (wire.yaml) against raw loopback servers: extra headers,
/// header injection refused, a credential override that replaces the handler's and stays on its origin, a call's
/// own timeout, the request hook.
/// </summary>
public class CallOptionsTests
{
    private const string HandlerBearer = "handler-bearer-1";
    private const string CallBearer = "call-bearer-2";
    private const string ItemJson = """{"id":"1","name":"one"}""";

    private static ApiCredentials Keys() => new ApiCredentials()
        .UseApiKey("handler-header-key", "headerKey")
        .UseApiKey("handler-cookie-key", "cookieKey")
        .UseApiKey("handler-query-key", "queryKey")
        .UseBearer(AccessTokenSource.FromToken(HandlerBearer));

    private static WireClient Client(Uri baseAddress, TimeSpan? timeout = null)
        => new(new HttpClient(new ApiAuthenticationHandler(Keys(), new HttpClientHandler()))
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });

    [Fact]
    public async Task Extra_headers_are_sent_and_replace_a_header_parameter_of_the_same_name()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var options = new ApiCallOptions { Headers = { ["X-Request-Id"] = "req-9", ["X-Trace"] = "from-options" } };

        await Client(server.BaseAddress).GetItemAsync("1", xTrace: "from-parameter", options: options);

        var request = server.Single();
        Assert.Equal("req-9", request.Header("X-Request-Id"));
        Assert.Equal("from-options", request.Header("X-Trace"));
        Assert.Single(request.Head.Split("\r\n"), line => line.StartsWith("X-Trace:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("X-Note", "a\r\nX-Injected: 1")]
    [InlineData("X-Note", "a\nX-Injected: 1")]
    [InlineData("X-Note", "a\0X-Injected")]
    [InlineData("X-Injected: 1\r\nX-Note", "a")]
    [InlineData("X Note", "a")]
    [InlineData("", "a")]
    public async Task A_header_that_could_split_the_request_is_refused_before_anything_is_sent(string name, string value)
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var options = new ApiCallOptions { Headers = { [name] = value } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client(server.BaseAddress).GetItemAsync("1", options: options));

        Assert.Equal("options", ex.ParamName);
        Assert.DoesNotContain("X-Injected", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void A_bearer_token_with_CR_LF_is_refused_when_set_and_options_never_show_secrets()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApiCallOptions { BearerToken = "t\r\nX-Injected: 1" });
        Assert.DoesNotContain("X-Injected", ex.Message, StringComparison.Ordinal);
        var options = new ApiCallOptions { BearerToken = CallBearer, Headers = { ["X-Secret-Header"] = "header-value-3" } };
        Assert.DoesNotContain(CallBearer, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("header-value-3", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Secret-Header", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_override_replaces_the_handlers_for_this_call_only()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var client = Client(server.BaseAddress);

        await client.GetBearerAsync(new ApiCallOptions { BearerToken = CallBearer });
        await client.GetBearerAsync();

        Assert.Equal("Bearer " + CallBearer, server.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer " + HandlerBearer, server.Requests[1].Header("Authorization"));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_bearer_token_override_does_not_follow_a_redirect_to_another_origin(int status)
    {
        await using var other = RawHttpServer.Answering(200, ItemJson, address: "127.0.0.2");
        await using var server = RawHttpServer.Answering(status, "", $"Location: {new Uri(other.BaseAddress, "bearer")}\r\n");

        await Client(server.BaseAddress).GetBearerAsync(new ApiCallOptions { BearerToken = CallBearer });

        Assert.Equal("Bearer " + CallBearer, server.Single().Header("Authorization"));
        var redirected = other.Single();
        Assert.Null(redirected.Header("Authorization"));
        Assert.DoesNotContain("bearer-", redirected.Head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_override_is_applied_again_on_a_same_origin_redirect()
    {
        await using var server = RawHttpServer.Start((request, stream, ct) => request.Target == "/bearer"
            ? RawHttpServer.WriteAsync(stream, 302, "", "Location: /bearer-moved\r\n", ct)
            : RawHttpServer.WriteAsync(stream, 200, ItemJson, null, ct));

        await Client(server.BaseAddress).GetBearerAsync(new ApiCallOptions { BearerToken = CallBearer });

        Assert.Equal(2, server.Count);
        Assert.All(server.Requests, request => Assert.Equal("Bearer " + CallBearer, request.Header("Authorization")));
    }

    [Fact]
    public async Task Api_key_credentials_for_one_call_replace_the_handlers_and_stay_on_their_origin()
    {
        await using var other = RawHttpServer.Answering(200, ItemJson, address: "127.0.0.2");
        await using var server = RawHttpServer.Answering(307, "", $"Location: {new Uri(other.BaseAddress, "items/1")}\r\n");
        var options = new ApiCallOptions
        {
            Credentials = new ApiCredentials().UseApiKey("call-header-key", "headerKey").UseApiKey("call-cookie-key", "cookieKey").UseApiKey("call-query-key", "queryKey"),
        };

        await Client(server.BaseAddress).GetItemAsync("1", options: options);

        var first = server.Single();
        Assert.Equal("call-header-key", first.Header("X-Api-Key"));
        Assert.Equal("session=call-cookie-key", first.Header("Cookie"));
        Assert.Contains("api_key=call-query-key", first.Target, StringComparison.Ordinal);
        Assert.DoesNotContain("handler-", first.Head, StringComparison.Ordinal);
        var redirected = other.Single();
        Assert.DoesNotContain("call-", redirected.Head, StringComparison.Ordinal);
        Assert.DoesNotContain("handler-", redirected.Head, StringComparison.Ordinal);
        Assert.Null(redirected.Header("X-Api-Key"));
        Assert.Null(redirected.Header("Cookie"));
    }

    [Fact]
    public async Task A_calls_timeout_ends_a_body_that_stalls_although_the_client_has_none()
    {
        await using var server = RawHttpServer.Start(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":\"1\","), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var client = Client(server.BaseAddress, Timeout.InfiniteTimeSpan);
        // Only a safety net: without the call's timeout, this cancellation ends the test with no TimeoutException inside.
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() =>
            client.GetBearerAsync(new ApiCallOptions { Timeout = TimeSpan.FromMilliseconds(500) }, safetyNet.Token));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.False(safetyNet.IsCancellationRequested);
    }

    [Fact]
    public async Task A_calls_timeout_ends_a_server_that_never_answers()
    {
        await using var server = RawHttpServer.Start((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        var client = Client(server.BaseAddress, Timeout.InfiniteTimeSpan);
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() =>
            client.GetBearerAsync(new ApiCallOptions { Timeout = TimeSpan.FromMilliseconds(500) }, safetyNet.Token));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Contains("ApiCallOptions.Timeout", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_timeout_that_is_not_positive_is_refused(int milliseconds)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ApiCallOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) });

    [Fact]
    public async Task The_hook_sees_the_request_before_credentials_and_may_change_it()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        string? seenAuthorization = "not run";
        var options = new ApiCallOptions
        {
            Headers = { ["X-From-Options"] = "1" },
            ConfigureRequest = request =>
            {
                seenAuthorization = request.Headers.Authorization?.ToString();
                Assert.True(request.Headers.Contains("X-From-Options"));
                request.Headers.TryAddWithoutValidation("X-From-Hook", request.Method + " " + request.RequestUri!.AbsolutePath);
            },
        };

        await Client(server.BaseAddress).GetBearerAsync(options);

        Assert.Null(seenAuthorization);
        var request = server.Single();
        Assert.Equal("GET /bearer", request.Header("X-From-Hook"));
        Assert.Equal("Bearer " + HandlerBearer, request.Header("Authorization"));
    }

    [Fact]
    public async Task A_streamed_operation_takes_the_options_too()
    {
        await using var server = RawHttpServer.Answering(200, "file-bytes");
        var options = new ApiCallOptions { Headers = { ["X-Request-Id"] = "file-1" }, Timeout = TimeSpan.FromSeconds(30) };

        using var file = await Client(server.BaseAddress).GetFileAsync("7", options);

        Assert.Equal("file-1", server.Single().Header("X-Request-Id"));
    }
}
