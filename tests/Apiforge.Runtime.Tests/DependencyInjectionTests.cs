using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Secure;
using Tradovate;
using Tradovate.Sample;

namespace Apiforge.Runtime.Tests;

/// <summary>services.Add{Client}(), generated because this project references Microsoft.Extensions.Http.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task The_registered_client_resolves_and_calls_a_loopback_server_with_its_credentials()
    {
        using var server = LoopbackServer.Start("""{"value":"from loopback"}""");
        var services = new ServiceCollection();
        services.AddSingleton<IAccessTokenSource>(AccessTokenSource.FromToken("di-token"));
        IHttpClientBuilder builder = services.AddSecureClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.Credentials.UseApiKey("di-key", "headerKey");
            options.ConfigureCredentials = (provider, credentials) => credentials.UseBearer(provider.GetRequiredService<IAccessTokenSource>());
        });
        builder.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ISecureClient>();
        Assert.IsType<SecureClient>(client);

        var result = await client.GetBearerAsync();
        await client.GetHeaderKeyAsync();
        await provider.GetRequiredService<ISecureClient>().GetPublicAsync();

        Assert.Equal("from loopback", result.Value);
        Assert.Equal(("/api/bearer", "Bearer di-token", (string?)null), server.Requests[0]);
        Assert.Equal(("/api/header-key", (string?)null, "di-key"), server.Requests[1]);
        Assert.Equal(("/api/public", (string?)null, (string?)null), server.Requests[2]);
    }

    [Fact]
    public async Task Credential_headers_are_redacted_in_the_factory_logs()
    {
        var services = new ServiceCollection();
        services.AddSecureClient();
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>().Get(nameof(ISecureClient));
        Assert.True(options.ShouldRedactHeaderValue("Authorization"));
        Assert.True(options.ShouldRedactHeaderValue("x-api-key"));
        Assert.True(options.ShouldRedactHeaderValue("Cookie"));
        Assert.False(options.ShouldRedactHeaderValue("Accept"));
    }

    [Fact]
    public async Task Without_a_configured_base_address_the_documents_server_is_used()
    {
        var services = new ServiceCollection();
        services.AddSecureClient();
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ISecureClient));
        Assert.Equal(new Uri("https://secure.example.com/api/"), http.BaseAddress);
    }

    [Fact]
    public async Task A_Tradovate_client_on_the_session_logs_in_once_for_200_concurrent_calls()
    {
        await using var server = FakeTradovateServer.Start();
        var services = new ServiceCollection();
        services.AddSingleton(_ => new TradovateSession(new TradovateSessionOptions
        {
            BaseAddress = server.BaseAddress,
            Credentials = new TradovateCredentials { Name = FakeTradovateServer.UserName, Password = FakeTradovateServer.Password },
        }));
        services.AddTradovateClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.ConfigureCredentials = (provider, credentials) => credentials.UseBearer(provider.GetRequiredService<TradovateSession>());
        });
        await using var provider = services.BuildServiceProvider();

        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => provider.GetRequiredService<ITradovateClient>().AccountListAsync())).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, accounts => Assert.Equal(2, accounts.Count));
        Assert.Equal(1, server.Logins);
        Assert.Equal(1, provider.GetRequiredService<TradovateSession>().Logins);
    }
}
