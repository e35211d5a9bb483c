using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Wire;
using Xunit.Abstractions;

namespace Apiforge.Runtime.Tests;

/// <summary>
/// Issue 10, the wire: hostile argument values and hostile servers against the generated client and the runtime,
/// seen as raw bytes by loopback servers (docs/security.md lists which guarantee each test holds).
/// </summary>
[Collection(WireSafetyCollection.Name)]
public class WireSafetyTests(ITestOutputHelper output)
{
    private const string HeaderSecret = "header-secret-1";
    private const string CookieSecret = "cookie-secret-2";
    private const string QuerySecret = "query-secret-3";
    private const string BearerSecret = "bearer-secret-4";
    private const string ItemJson = """{"id":"1","name":"one"}""";

    private static ApiCredentials Keys() => new ApiCredentials()
        .UseApiKey(HeaderSecret, "headerKey")
        .UseApiKey(CookieSecret, "cookieKey")
        .UseApiKey(QuerySecret, "queryKey")
        .UseBearer(AccessTokenSource.FromToken(BearerSecret));

    /// <summary>The README's chain: the authentication handler over a plain HttpClientHandler.</summary>
    private static WireClient Client(Uri baseAddress, ApiCredentials? credentials = null, TimeSpan? timeout = null, HttpClientHandler? primary = null)
        => new(new HttpClient(new ApiAuthenticationHandler(credentials ?? Keys(), primary ?? new HttpClientHandler()))
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });

    private static void AssertNoSecret(RawRequest request)
    {
        Assert.DoesNotContain("secret", request.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Null(request.Header("Authorization"));
        Assert.Null(request.Header("X-Api-Key"));
        Assert.Null(request.Header("Cookie"));
    }

    private static RawHttpServer RedirectingTo(Uri target, int status)
        => RawHttpServer.Answering(status, "", $"Location: {target}\r\n");

    // 1. Header injection

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nX-Injected: 1")]
    [InlineData("a\rX-Injected: 1")]
    [InlineData("a\0b")]
    public async Task A_header_parameter_with_CR_LF_or_NUL_is_refused_before_anything_is_sent(string value)
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var client = Client(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.GetItemAsync("1", xTrace: value));

        Assert.Equal("xTrace", ex.ParamName);
        Assert.Contains("X-Trace", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task An_ordinary_header_parameter_arrives_as_one_header()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        await Client(server.BaseAddress).GetItemAsync("1", xTrace: "trace-7");
        Assert.Equal("trace-7", server.Single().Header("X-Trace"));
    }

    [Fact]
    public void A_fixed_api_key_with_CR_LF_is_refused_when_configured()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApiCredentials().UseApiKey("k\r\nX-Injected: 1", "headerKey"));
        Assert.Equal("key", ex.ParamName);
        Assert.DoesNotContain("X-Injected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_from_a_source_with_CR_LF_is_refused_before_sending()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var credentials = new ApiCredentials()
            .UseApiKey(AccessTokenSource.FromDelegate(_ => new ValueTask<string>("k\r\nX-Injected: 1")), "headerKey")
            .UseApiKey(CookieSecret, "cookieKey")
            .UseApiKey(QuerySecret, "queryKey");

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server.BaseAddress, credentials).GetItemAsync("1"));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_cookie_parameter_with_CR_LF_stays_inside_the_cookie_header()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        await Client(server.BaseAddress).GetItemAsync("1", theme: "a\r\nX-Injected: 1");
        var request = server.Single();
        Assert.Null(request.Header("X-Injected"));
        Assert.Contains("theme=a%0D%0AX-Injected%3A%201", request.Header("Cookie"), StringComparison.Ordinal);
    }

    // 2. Credentials and redirects

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_host_carries_no_credential(int status)
    {
        await using var other = RawHttpServer.Answering(200, ItemJson, address: "127.0.0.2");
        await using var server = RedirectingTo(new Uri(other.BaseAddress, "items/1"), status);

        var item = await Client(server.BaseAddress).GetItemAsync("1", theme: "dark");

        Assert.Equal("one", item.Name);
        var first = server.Single();
        Assert.Equal(HeaderSecret, first.Header("X-Api-Key"));
        Assert.Contains("session=" + CookieSecret, first.Header("Cookie"), StringComparison.Ordinal);
        Assert.Contains("api_key=" + QuerySecret, first.Target, StringComparison.Ordinal);
        var redirected = other.Single();
        Assert.Equal("GET /items/1 HTTP/1.1", redirected.RequestLine);
        AssertNoSecret(redirected);
    }

    [Fact]
    public async Task A_307_to_another_port_resends_the_body_but_no_credential()
    {
        await using var other = RawHttpServer.Answering(200, ItemJson);
        await using var server = RedirectingTo(new Uri(other.BaseAddress, "items/1"), 307);

        await Client(server.BaseAddress).PostItemAsync("1", new Item { Name = "posted" });

        var redirected = other.Single();
        Assert.Equal("POST", redirected.Method);
        Assert.Contains("\"posted\"", redirected.BodyText, StringComparison.Ordinal);
        AssertNoSecret(redirected);
    }

    [Fact]
    public async Task A_bearer_token_does_not_follow_a_redirect_to_another_origin()
    {
        await using var other = RawHttpServer.Answering(200, ItemJson, address: "127.0.0.2");
        await using var server = RedirectingTo(new Uri(other.BaseAddress, "bearer"), 302);

        await Client(server.BaseAddress).GetBearerAsync();

        Assert.Equal("Bearer " + BearerSecret, server.Single().Header("Authorization"));
        AssertNoSecret(other.Single());
    }

    [Fact]
    public async Task The_generated_registration_with_the_standard_resilience_handler_keeps_credentials_on_their_origin()
    {
        await using var other = RawHttpServer.Answering(200, ItemJson, address: "127.0.0.2");
        await using var server = RedirectingTo(new Uri(other.BaseAddress, "items/1"), 307);
        var services = new ServiceCollection();
        services.AddWireClient(options =>
            {
                options.BaseAddress = server.BaseAddress;
                options.Credentials.UseApiKey(HeaderSecret, "headerKey").UseApiKey(CookieSecret, "cookieKey").UseApiKey(QuerySecret, "queryKey");
            })
            .AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWireClient>().GetItemAsync("1");

        Assert.Equal(HeaderSecret, server.Single().Header("X-Api-Key"));
        AssertNoSecret(other.Single());
    }

    [Fact]
    public async Task A_same_origin_redirect_keeps_each_credential_once()
    {
        await using var server = RawHttpServer.Start((request, stream, ct) => request.Target.StartsWith("/items/1", StringComparison.Ordinal)
            ? RawHttpServer.WriteAsync(stream, 302, "", "Location: /items/2\r\n", ct)
            : RawHttpServer.WriteAsync(stream, 200, ItemJson, null, ct));

        await Client(server.BaseAddress).GetItemAsync("1", theme: "dark");

        Assert.Equal(2, server.Count);
        var second = server.Requests[1];
        Assert.StartsWith("/items/2?api_key=" + QuerySecret, second.Target, StringComparison.Ordinal);
        Assert.Single(second.Head.Split("\r\n"), line => line.StartsWith("X-Api-Key:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HeaderSecret, second.Header("X-Api-Key"));
        Assert.Equal($"theme=dark; session={CookieSecret}", second.Header("Cookie"));
    }

    [Theory]
    [InlineData("POST", 301, "GET", false)]
    [InlineData("POST", 302, "GET", false)]
    [InlineData("POST", 303, "GET", false)]
    [InlineData("PUT", 303, "GET", false)]
    [InlineData("PUT", 307, "PUT", true)]
    [InlineData("PATCH", 308, "PATCH", true)]
    [InlineData("POST", 307, "POST", true)]
    public async Task A_same_origin_redirect_follows_the_RFC_9110_method_rules(string method, int status, string expectedMethod, bool bodyResent)
    {
        await using var server = RawHttpServer.Start((request, stream, ct) => request.Target.StartsWith("/items/1", StringComparison.Ordinal)
            ? RawHttpServer.WriteAsync(stream, status, "", "Location: /items/2\r\n", ct)
            : RawHttpServer.WriteAsync(stream, 200, ItemJson, null, ct));
        var client = Client(server.BaseAddress);
        var body = new Item { Name = "sent" };

        await (method switch
        {
            "POST" => client.PostItemAsync("1", body),
            "PUT" => client.PutItemAsync("1", body),
            _ => client.PatchItemAsync("1", body),
        });

        Assert.Equal(2, server.Count);
        var second = server.Requests[1];
        Assert.Equal(expectedMethod, second.Method);
        Assert.Equal(bodyResent, second.BodyText.Contains("\"sent\"", StringComparison.Ordinal));
        Assert.Equal(HeaderSecret, second.Header("X-Api-Key"));
    }

    [Theory]
    [InlineData("PUT", 301)]
    [InlineData("PATCH", 302)]
    [InlineData("DELETE", 301)]
    [InlineData("DELETE", 302)]
    public async Task A_301_or_302_to_an_unsafe_method_other_than_POST_goes_back_to_the_caller(string method, int status)
    {
        await using var server = RawHttpServer.Answering(status, "", "Location: /items/2\r\n");
        var client = Client(server.BaseAddress);
        var body = new Item { Name = "sent" };

        var ex = await Assert.ThrowsAsync<ApiException>(() => method switch
        {
            "PUT" => client.PutItemAsync("1", body),
            "PATCH" => client.PatchItemAsync("1", body),
            _ => client.DeleteItemAsync("1"),
        });

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(method, server.Single().Method);
    }

    [Fact]
    public async Task Redirects_are_followed_a_bounded_number_of_times()
    {
        await using var server = RawHttpServer.Answering(302, "", "Location: /items/1\r\n");
        var ex = await Assert.ThrowsAsync<ApiException>(() => Client(server.BaseAddress).GetItemAsync("1"));
        Assert.Equal(302, ex.StatusCode);
        Assert.Equal(11, server.Count);
    }

    [Fact]
    public async Task The_primary_handlers_own_redirects_are_turned_off()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var primary = new HttpClientHandler();
        await Client(server.BaseAddress, primary: primary).GetItemAsync("1");
        Assert.False(primary.AllowAutoRedirect);
    }

    [Fact]
    public async Task A_primary_handler_that_redirects_and_has_sent_already_is_refused_clearly()
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        var primary = new HttpClientHandler();
        using (var invoker = new HttpMessageInvoker(primary, disposeHandler: false))
        {
            using var warmUp = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.BaseAddress), CancellationToken.None);
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Client(server.BaseAddress, primary: primary).GetItemAsync("1"));

        Assert.Contains("AllowAutoRedirect = false", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count);
    }

    // 3. Path shape

    [Theory]
    [InlineData("..", "/items/%2E%2E")]
    [InlineData(".", "/items/%2E")]
    [InlineData("a/b", "/items/a%2Fb")]
    [InlineData("..\\..", "/items/..%5C..")]
    [InlineData("?x=1", "/items/%3Fx%3D1")]
    [InlineData("#top", "/items/%23top")]
    [InlineData("%2e%2e", "/items/%252e%252e")]
    [InlineData("../..", "/items/..%2F..")]
    public async Task A_path_value_cannot_change_the_path_shape(string id, string expectedPath)
    {
        await using var server = RawHttpServer.Answering(200, ItemJson);
        await Client(server.BaseAddress).GetItemAsync(id);
        Assert.Equal(expectedPath, server.Single().Target.Split('?')[0]);
    }

    [Fact]
    public async Task A_dot_dot_session_id_stays_below_its_user()
    {
        await using var server = RawHttpServer.Answering(204, "");
        await Client(server.BaseAddress).DeleteSessionAsync("42", "..");
        Assert.Equal("DELETE /users/42/sessions/%2E%2E", server.Single().RequestLine.Split('?')[0]);
    }

    [Fact]
    public async Task A_dot_dot_array_item_in_a_path_stays_one_segment()
    {
        await using var server = RawHttpServer.Answering(204, "");
        await Client(server.BaseAddress).GetTagsAsync(new List<string> { ".." });
        Assert.Equal("/tags/%2E%2E", server.Single().Target.Split('?')[0]);
    }

    // 4. Bounded error bodies

    [Fact]
    public async Task A_300_MB_error_body_is_read_to_the_limit_and_no_further()
    {
        const long size = 300L * 1024 * 1024;
        await using var server = RawHttpServer.Start(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"), ct);
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)'x');
            Encoding.ASCII.GetBytes("{\"code\":1,\"message\":\"").CopyTo(chunk, 0);
            await stream.WriteAsync(chunk, ct);
            chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)'x');
            for (long sent = chunk.Length; sent < size; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk, ct);
            }
        });
        var client = Client(server.BaseAddress);
        await client.GetItemAsync("warm-up-connection-pool").ContinueWith(_ => { }, TaskScheduler.Default);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetItemAsync("1"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"allocated while a 300 MB error body was answered: {allocated / 1024.0 / 1024.0:F2} MB");
        Assert.IsNotType<ApiException<Problem>>(ex);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(ApiResponse.MaxErrorBodyLength, ex.Response!.Length);
        Assert.StartsWith("{\"code\":1,\"message\":\"xxx", ex.Response, StringComparison.Ordinal);
        Assert.True(allocated < 20 * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated while reading the error");
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(30, true)]
    public async Task A_documented_error_body_over_its_limit_is_a_plain_ApiException_with_the_prefix(int limit, bool truncated)
    {
        const string problem = """{"code":7,"message":"out of stock"}""";
        await using var server = RawHttpServer.Answering(500, problem);
        var http = new HttpClient(new ErrorLimitHandler(limit, new ApiAuthenticationHandler(Keys(), new HttpClientHandler()))) { BaseAddress = server.BaseAddress };

        var ex = await Assert.ThrowsAsync(truncated ? typeof(ApiException) : typeof(ApiException<Problem>), () => new WireClient(http).GetItemAsync("1"));

        var api = (ApiException)ex;
        Assert.Equal(truncated ? problem[..limit] : problem, api.Response);
        if (!truncated) Assert.Equal("out of stock", ((ApiException<Problem>)ex).Error.Message);
    }

    private sealed class ErrorLimitHandler(int limit, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.Set(ApiRequest.ErrorBodyLimit, limit);
            return base.SendAsync(request, cancellationToken);
        }
    }

    // 5. Time bounded to the last byte

    private static RawHttpServer Stalling(int status) => RawHttpServer.Start(async (_, stream, ct) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {RawHttpServer.Reason(status)}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"id\":\"1\","), ct);
        await Task.Delay(Timeout.Infinite, ct);
    });

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task A_body_that_stalls_ends_at_HttpClient_Timeout(int status)
    {
        await using var server = Stalling(status);
        var timeout = TimeSpan.FromSeconds(1);
        var client = Client(server.BaseAddress, timeout: timeout);
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetItemAsync("1"));

        clock.Stop();
        output.WriteLine($"status {status}: the stalled call ended after {clock.Elapsed.TotalSeconds:F3} s (timeout {timeout.TotalSeconds} s)");
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.InRange(clock.Elapsed, timeout - TimeSpan.FromMilliseconds(100), timeout + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_body_that_stalls_ends_when_the_caller_cancels()
    {
        await using var server = Stalling(200);
        var client = Client(server.BaseAddress, timeout: Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetItemAsync("1", cancellationToken: cancel.Token));

        Assert.IsNotType<TimeoutException>(ex.InnerException);
        Assert.True(cancel.IsCancellationRequested);
    }

    // 6. Transport failures, 401 back-off, messages

    private static RawHttpServer ClosingMidBody(int status) => RawHttpServer.Start(async (_, stream, ct) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {RawHttpServer.Reason(status)}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"id\":\"12"), ct));

    [Fact]
    public async Task A_connection_closed_mid_body_is_an_ApiTransportException_with_the_status_and_bytes_read()
    {
        await using var server = ClosingMidBody(200);
        var ex = await Assert.ThrowsAsync<ApiTransportException>(() => Client(server.BaseAddress).GetItemAsync("1"));
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(9, ex.BytesRead);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }

    [Fact]
    public async Task A_connection_closed_mid_error_body_keeps_the_text_read()
    {
        await using var server = ClosingMidBody(500);
        var ex = await Assert.ThrowsAsync<ApiTransportException>(() => Client(server.BaseAddress).GetItemAsync("1"));
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("{\"id\":\"12", ex.Response);
    }

    [Fact]
    public async Task A_renewed_token_refused_again_is_not_renewed_again_for_the_back_off()
    {
        await using var server = RawHttpServer.Answering(401, "{}");
        var logins = 0;
        var clock = new ManualTimeProvider();
        using var tokens = new RenewingAccessTokenSource(
            (_, _) => new ValueTask<AccessToken>(new AccessToken("bearer-" + Interlocked.Increment(ref logins), null)),
            new RenewingAccessTokenSourceOptions { TimeProvider = clock, RejectionBackoff = TimeSpan.FromMinutes(1) });
        var client = Client(server.BaseAddress, new ApiCredentials().UseBearer(tokens));
        var refused = 0;
        var backedOff = 0;

        for (var call = 0; call < 20; call++)
        {
            try
            {
                await client.GetBearerAsync();
            }
            catch (ApiException ex) when (ex.StatusCode == 401)
            {
                refused++;
            }
            catch (AccessTokenAcquisitionException ex)
            {
                Assert.Contains("401", ex.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("bearer-", ex.Message, StringComparison.Ordinal);
                backedOff++;
            }
        }

        Assert.Equal((2, 2, 18), (logins, refused, backedOff));
        Assert.Equal(2, server.Count);

        clock.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ApiException>(() => client.GetBearerAsync());
        Assert.Equal(3, logins);
    }

    [Fact]
    public async Task A_token_accepted_between_refusals_resets_the_count()
    {
        var status = 401;
        await using var server = RawHttpServer.Start((_, stream, ct) => RawHttpServer.WriteAsync(stream, Volatile.Read(ref status), ItemJson, null, ct));
        var logins = 0;
        using var tokens = new RenewingAccessTokenSource((_, _) => new ValueTask<AccessToken>(new AccessToken("bearer-" + Interlocked.Increment(ref logins), null)));
        var client = Client(server.BaseAddress, new ApiCredentials().UseBearer(tokens));

        await Assert.ThrowsAsync<ApiException>(() => client.GetBearerAsync());
        Volatile.Write(ref status, 200);
        await client.GetBearerAsync();
        Volatile.Write(ref status, 401);
        await Assert.ThrowsAsync<ApiException>(() => client.GetBearerAsync());
        await Assert.ThrowsAsync<ApiException>(() => client.GetBearerAsync());

        Assert.Equal(3, logins);
    }

    [Fact]
    public async Task An_acquisition_failure_does_not_repeat_the_delegates_message()
    {
        using var tokens = new RenewingAccessTokenSource((_, _) => throw new InvalidOperationException("login for alice with password hunter2 refused"));
        var ex = await Assert.ThrowsAsync<AccessTokenAcquisitionException>(async () => await tokens.GetAccessTokenAsync(CancellationToken.None));
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString().Split(Environment.NewLine)[0], StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }
}

/// <summary>The wire tests run alone: one of them measures allocations, which other tests would add to.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WireSafetyCollection
{
    public const string Name = "Wire safety";
}
