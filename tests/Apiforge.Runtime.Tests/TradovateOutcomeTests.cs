using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Tradovate;
using Tradovate.Sample;

namespace Apiforge.Runtime.Tests;

/// <summary>
/// Tradovate's conventions on every call, through the session's handler, against the sample's loopback server:
/// penalties on orders, order failures and violations, lockouts, warnings, dropped sessions.
/// </summary>
public sealed class TradovateOutcomeTests : IAsyncLifetime
{
    private const string Secret = "secret-sec-value";
    private readonly ConcurrentQueue<string> _log = new();
    private FakeTradovateServer _server = null!;
    private TradovateSession _session = null!;
    private HttpClient _http = null!;
    private TradovateClient _client = null!;

    public Task InitializeAsync()
    {
        _server = FakeTradovateServer.Start();
        _session = new TradovateSession(new TradovateSessionOptions
        {
            BaseAddress = _server.BaseAddress,
            Credentials = new TradovateCredentials { Name = FakeTradovateServer.UserName, Password = FakeTradovateServer.Password, AppId = "tests", AppVersion = "1", Cid = "8", Sec = Secret, DeviceId = "dev" },
            KeepAlive = false,
            Log = _log.Enqueue,
        });
        var handler = _session.CreateHandler();
        handler.InnerHandler = new SocketsHttpHandler();
        _http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(_session), handler)) { BaseAddress = _server.BaseAddress };
        _client = new TradovateClient(_http);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _session.Dispose();
        await _server.DisposeAsync();
    }

    private static PlaceOrder Order(string symbol = "MESZ6", int quantity = 1) => new()
    {
        AccountId = 1001,
        Action = PlaceOrderAction.Buy,
        Symbol = symbol,
        OrderQty = quantity,
        OrderType = PlaceOrderOrderType.Market,
        IsAutomated = true,
    };

    [Fact]
    public async Task A_penalised_order_is_resent_once_with_its_ticket_and_placed_once()
    {
        _server.OrderPenaltySeconds = 0.2;

        var result = await _client.PlaceOrderAsync(Order());

        Assert.Equal(5001, result.OrderId);
        Assert.Equal(1, _server.Placements);
        Assert.Equal(2, _server.OrderRequests);
        Assert.Equal(1, _server.Penalties);
        Assert.Equal(1, _session.Penalties);
        Assert.Contains(_log, line => line.Contains("POST /v1/order/placeorder: time penalty of 0.2 s (p-ticket); resending", StringComparison.Ordinal));

        // The next order carries no ticket and is placed at once.
        Assert.Equal(5002, (await _client.PlaceOrderAsync(Order())).OrderId);
        Assert.Equal(3, _server.OrderRequests);
    }

    [Fact]
    public async Task A_penalty_wait_is_cancelled_with_the_call_and_nothing_is_placed()
    {
        _server.OrderPenaltySeconds = 30;
        using var cancel = new CancellationTokenSource();
        var call = _client.PlaceOrderAsync(Order(), cancellationToken: cancel.Token);
        await RenewingAccessTokenSourceTests.WaitUntilAsync(() => _server.OrderRequests == 1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, _server.OrderRequests);
        Assert.Equal(0, _server.Placements);
    }

    [Fact]
    public async Task A_penalty_longer_than_the_maximum_wait_is_reported_not_waited()
    {
        _server.OrderPenaltySeconds = 3600;
        var ex = await Assert.ThrowsAsync<TradovateSessionException>(() => _client.PlaceOrderAsync(Order()));
        Assert.Equal(TimeSpan.FromHours(1), ex.Penalty);
        Assert.False(ex.CaptchaRequired);
        Assert.Equal(0, _server.Placements);
        Assert.Equal(1, _server.OrderRequests);
    }

    [Fact]
    public async Task A_failure_text_on_an_order_is_a_typed_exception_carrying_reason_and_text()
    {
        var ex = await Assert.ThrowsAsync<TradovateCommandFailedException>(() => _client.PlaceOrderAsync(Order(FakeTradovateServer.UnknownSymbol)));
        Assert.Equal("InvalidContract", ex.FailureReason);
        Assert.Equal("Unknown contract symbol " + FakeTradovateServer.UnknownSymbol, ex.FailureText);
        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("failureText", ex.Response!, StringComparison.Ordinal);
        Assert.Equal(0, _server.Placements);
    }

    [Fact]
    public async Task Violations_are_a_typed_exception_carrying_each_one()
    {
        var ex = await Assert.ThrowsAsync<TradovateValidationException>(() => _client.PlaceOrderAsync(Order(quantity: 0)));
        var violation = Assert.Single(ex.Violations);
        Assert.Equal(new TradovateViolation("positive", "0", "orderQty must be positive"), violation);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("orderQty must be positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lockout_refuses_further_calls_locally_until_it_ends()
    {
        await _client.AccountListAsync();
        _server.LockOut(TimeSpan.FromHours(1));
        var before = _server.Requests;

        var first = await Assert.ThrowsAsync<TradovateLockedOutException>(() => _client.AccountListAsync());
        Assert.False(first.RefusedLocally);
        Assert.Equal(429, first.StatusCode);
        Assert.Equal(before + 1, _server.Requests);

        var refused = await Assert.ThrowsAsync<TradovateLockedOutException>(() => _client.PlaceOrderAsync(Order()));
        await Assert.ThrowsAsync<TradovateLockedOutException>(() => _client.AccountItemAsync(1001));
        Assert.True(refused.RefusedLocally);
        Assert.Equal(first.LockedUntil, refused.LockedUntil);
        Assert.InRange(refused.LockedUntil, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Contains("not sent", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, _server.Requests);
        Assert.Equal(2, _session.RefusedRequests);
        Assert.Equal(first.LockedUntil, _session.LockedOutUntil);
    }

    [Fact]
    public async Task The_lockout_ends_with_its_retry_after_and_calls_go_out_again()
    {
        await _client.AccountListAsync();
        _server.LockOut(TimeSpan.FromMilliseconds(300));
        // The fake sends no Retry-After: the session's LockoutDuration is the fallback; here a short one via a second session.
        using var session = new TradovateSession(new TradovateSessionOptions
        {
            BaseAddress = _server.BaseAddress,
            Credentials = new TradovateCredentials { Name = FakeTradovateServer.UserName, Password = FakeTradovateServer.Password },
            KeepAlive = false,
            LockoutDuration = TimeSpan.FromMilliseconds(400),
        });
        var handler = session.CreateHandler();
        handler.InnerHandler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { BaseAddress = _server.BaseAddress };
        var me = new TradovateClient(http);

        await Assert.ThrowsAsync<TradovateLockedOutException>(() => me.AccountListAsync());
        Assert.NotNull(session.LockedOutUntil);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Null(session.LockedOutUntil);
        await Assert.ThrowsAsync<ApiException>(() => me.AccountListAsync());   // sent again: 401, this client has no token
    }

    [Fact]
    public async Task Under_the_readme_resilience_pipeline_a_429_is_not_retried_and_the_lockout_holds()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_session);
        services.AddTradovateClient(options =>
            {
                options.BaseAddress = _server.BaseAddress;
                options.ConfigureCredentials = (provider, credentials) => credentials.UseBearer(provider.GetRequiredService<TradovateSession>());
            })
            .AddTradovateSessionHandler()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.StatusCode is not (System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.RequestTimeout)
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome));
                resilience.Retry.DisableForUnsafeHttpMethods();
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITradovateClient>();

        await client.AccountListAsync();
        _server.LockOut(TimeSpan.FromHours(1));
        var before = _server.Requests;
        await Assert.ThrowsAsync<TradovateLockedOutException>(() => client.AccountListAsync());
        await Assert.ThrowsAsync<TradovateLockedOutException>(() => client.AccountListAsync());
        Assert.Equal(before + 1, _server.Requests);
    }

    [Fact]
    public async Task A_423_raises_the_warning_event()
    {
        var warnings = new List<TradovateWarningEventArgs>();
        _session.Warning += (_, e) => warnings.Add(e);
        await _client.AccountListAsync();
        _server.WarnNextRequest();

        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.AccountListAsync());

        Assert.Equal(423, ex.StatusCode);
        var warning = Assert.Single(warnings);
        Assert.Equal(423, warning.StatusCode);
        Assert.Equal("/v1/account/list", warning.Path);
        Assert.Contains("lockout", warning.Message, StringComparison.Ordinal);
        Assert.Null(_session.LockedOutUntil);
        await _client.AccountListAsync();
    }

    [Fact]
    public async Task A_dropped_session_is_detected_and_logged_in_again_once_and_reads_go_on()
    {
        await _client.AccountListAsync();
        _server.DropSessions();

        var lists = Task.WhenAll(_client.AccountListAsync(), _client.AccountListAsync());
        var item = await _client.AccountItemAsync(1001);
        var reads = await lists;

        Assert.Equal(2, reads[0].Count);
        Assert.Equal(1001, item.Id);
        Assert.Equal(2, _server.Logins);
        Assert.Equal(1, _session.DroppedSessions);
        Assert.Contains(_log, line => line.Contains("the session was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_answered_as_by_a_dropped_session_is_not_resent()
    {
        await _client.AccountListAsync();
        _server.DroppedSessionStatus = 500;
        _server.DropSessions();

        var ex = await Assert.ThrowsAsync<TradovateSessionDroppedException>(() => _client.PlaceOrderAsync(Order()));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(1, _server.OrderRequests);
        Assert.Equal(0, _server.Placements);
        Assert.Equal(2, _server.Logins);
        Assert.Equal(5001, (await _client.PlaceOrderAsync(Order())).OrderId);
    }

    [Fact]
    public async Task Secrets_never_reach_the_log_messages_or_to_string()
    {
        _server.OrderPenaltySeconds = 0.1;
        var token = await _session.GetAccessTokenAsync(CancellationToken.None);
        await _client.PlaceOrderAsync(Order());
        _server.DropSessions();
        await _client.AccountListAsync();
        var failure = await Assert.ThrowsAsync<TradovateCommandFailedException>(() => _client.PlaceOrderAsync(Order(FakeTradovateServer.UnknownSymbol)));
        _server.LockOut(TimeSpan.FromHours(1));
        var lockout = await Assert.ThrowsAsync<TradovateLockedOutException>(() => _client.AccountListAsync());

        var everything = string.Join("\n", _log) + failure + lockout + _session;
        Assert.NotEmpty(_log);
        Assert.DoesNotContain(FakeTradovateServer.Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-token-", everything, StringComparison.Ordinal);
    }
}
