using System.Diagnostics;
using Tradovate;
using Tradovate.Sample;

namespace Apiforge.Runtime.Tests;

/// <summary>The sample's Tradovate session against the sample's loopback server.</summary>
public class TradovateSessionTests
{
    private static TradovateSession Session(FakeTradovateServer server, string name = FakeTradovateServer.UserName, string password = FakeTradovateServer.Password, TimeSpan? margin = null, bool keepAlive = false)
        => new(new TradovateSessionOptions
        {
            BaseAddress = server.BaseAddress,
            Credentials = new TradovateCredentials { Name = name, Password = password, AppId = "tests", AppVersion = "1", Cid = "8", Sec = "secret-sec", DeviceId = "dev" },
            RenewalMargin = margin ?? TimeSpan.FromMinutes(15),
            KeepAlive = keepAlive,
        });

    [Fact]
    public async Task A_login_gets_a_token_that_the_server_accepts()
    {
        await using var server = FakeTradovateServer.Start();
        using var session = Session(server);
        var token = await session.GetAccessTokenAsync(CancellationToken.None);
        Assert.StartsWith("fake-token-", token, StringComparison.Ordinal);
        Assert.Equal(42, session.UserId);
        Assert.Equal("md-" + token, session.MarketDataToken);
        Assert.NotNull(session.ExpiresAt);
        Assert.DoesNotContain(token, session.ToString(), StringComparison.Ordinal);

        using var http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(session), new SocketsHttpHandler())) { BaseAddress = server.BaseAddress };
        var accounts = await new TradovateClient(http).AccountListAsync();
        Assert.Equal(2, accounts.Count);
        Assert.Equal(1, server.Logins);
    }

    [Fact]
    public async Task A_time_penalty_is_waited_out_and_the_login_resent_with_the_ticket()
    {
        await using var server = FakeTradovateServer.Start();
        server.PenaltySeconds = 0.3;
        using var session = Session(server);

        var watch = Stopwatch.StartNew();
        await session.GetAccessTokenAsync(CancellationToken.None);
        watch.Stop();

        Assert.Equal(1, server.Penalties);
        Assert.Equal(1, session.Penalties);
        Assert.Equal(1, server.Logins);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.3), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task A_captcha_penalty_fails_with_what_the_user_must_do()
    {
        await using var server = FakeTradovateServer.Start();
        using var session = Session(server, name: FakeTradovateServer.CaptchaUserName);

        var ex = await Assert.ThrowsAsync<AccessTokenAcquisitionException>(async () => await session.GetAccessTokenAsync(CancellationToken.None));
        var inner = Assert.IsType<TradovateSessionException>(ex.InnerException);
        Assert.True(inner.CaptchaRequired);
        Assert.Contains("captcha", inner.Message, StringComparison.Ordinal);
        Assert.Contains("Wait about an hour", inner.Message, StringComparison.Ordinal);
        Assert.Contains("web app", inner.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Logins);
    }

    [Fact]
    public async Task The_token_is_renewed_through_renewaccesstoken_ahead_of_expiration()
    {
        await using var server = FakeTradovateServer.Start();
        server.TokenLifetime = TimeSpan.FromSeconds(30);
        using var session = Session(server, margin: TimeSpan.FromSeconds(29.5));

        var first = await session.GetAccessTokenAsync(CancellationToken.None);
        var firstExpiry = session.ExpiresAt!.Value;
        await Task.Delay(TimeSpan.FromSeconds(0.7));
        var second = await session.GetAccessTokenAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(1, server.Logins);
        Assert.Equal(1, server.Renewals);
        Assert.Equal(1, session.Renewals);
        Assert.True(session.ExpiresAt > firstExpiry);
    }

    [Fact]
    public async Task With_keep_alive_an_idle_session_renews_without_any_call()
    {
        await using var server = FakeTradovateServer.Start();
        server.TokenLifetime = TimeSpan.FromSeconds(30);
        using var session = Session(server, margin: TimeSpan.FromSeconds(29.6), keepAlive: true);

        await session.GetAccessTokenAsync(CancellationToken.None);
        // The server counts the renewal when it answers; the session counts it once it has read the answer.
        await RenewingAccessTokenSourceTests.WaitUntilAsync(() => server.Renewals >= 1 && session.Renewals >= 1);
        Assert.Equal(1, server.Logins);
        Assert.True(session.Renewals >= 1);
    }

    [Fact]
    public async Task An_expired_token_is_replaced_by_a_new_login_not_a_renewal()
    {
        await using var server = FakeTradovateServer.Start();
        server.TokenLifetime = TimeSpan.FromSeconds(0.3);
        using var session = Session(server, margin: TimeSpan.Zero);

        await session.GetAccessTokenAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        await session.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal(2, server.Logins);
        Assert.Equal(0, server.Renewals);
    }

    [Fact]
    public async Task An_error_text_in_the_login_answer_becomes_an_exception_without_the_password()
    {
        await using var server = FakeTradovateServer.Start();
        using var session = Session(server, password: "wrong-password-123");

        var ex = await Assert.ThrowsAsync<AccessTokenAcquisitionException>(async () => await session.GetAccessTokenAsync(CancellationToken.None));
        var inner = Assert.IsType<ApiErrorTextException>(ex.InnerException);
        Assert.Equal("Incorrect username or password. Please try again.", inner.ErrorText);
        Assert.Equal(200, inner.StatusCode);
        Assert.Contains("Incorrect username or password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_text_in_an_ordinary_answer_throws_api_error_text_exception()
    {
        await using var server = FakeTradovateServer.Start();
        using var session = Session(server);
        using var http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(session), new SocketsHttpHandler())) { BaseAddress = server.BaseAddress };
        var client = new TradovateClient(http);

        var first = await client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = 1001, UserId = 42 });
        Assert.Equal(77, first.TradingPermission!.Id);
        var ex = await Assert.ThrowsAsync<ApiErrorTextException>(() => client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = 1001, UserId = 42 }));
        Assert.Equal("A trading permission for this account was requested already", ex.ErrorText);
        Assert.Contains("errorText", ex.Response!, StringComparison.Ordinal);
    }
}
