using System.Net;
using System.Text.Json;
using Apiforge.Runtime;
using Tradovate;

namespace Apiforge.Client.Tests;

public class TradovateClientTests
{
    private static (ITradovateClient Client, RecordingHandler Handler, CountingTokenSource Tokens) CreateClient(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var handler = new RecordingHandler(status, body);
        var tokens = new CountingTokenSource();
        var http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(tokens), handler)) { BaseAddress = new Uri("https://demo.tradovateapi.com/v1/") };
        return (new TradovateClient(http), handler, tokens);
    }

    [Fact]
    public async Task Authorization_is_not_a_method_argument_and_comes_from_the_token_source()
    {
        var (client, handler, tokens) = CreateClient("""{"id":7,"name":"DEMO7","userId":1,"accountType":"Customer","clearingHouseId":1,"riskCategoryId":1,"autoLiqProfileId":1,"marginAccountType":"Hedger","legalStatus":"LLC","timestamp":"2024-01-15T09:30:00Z"}""");

        var account = await client.AccountItemAsync(7);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v1/account/item", request.Uri.AbsolutePath);
        Assert.Equal("?id=7", request.Uri.Query);
        Assert.Equal("Bearer token-1", request.Headers["Authorization"]);
        Assert.Equal(1, tokens.Calls);
        Assert.Equal(AccountLegalStatus.LLC, account.LegalStatus);
        var method = typeof(ITradovateClient).GetMethod(nameof(ITradovateClient.AccountItemAsync))!;
        Assert.DoesNotContain(method.GetParameters(), p => p.Name!.Contains("authorization", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Login_takes_no_credentials_so_no_token_is_asked_for()
    {
        var (client, handler, tokens) = CreateClient("""{"accessToken":"t","mdAccessToken":"md","expirationTime":"2024-01-15T10:30:00Z","userId":3,"name":"jane"}""");

        var response = await client.AccessTokenRequestAsync(new AccessTokenRequest { Name = "jane", Password = "secret" });

        var request = Assert.Single(handler.Requests);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal(0, tokens.Calls);
        Assert.Equal("t", response.AccessToken);
        // Fields the schema does not list (mdAccessToken) are kept, not dropped.
        Assert.Equal("md", response.AdditionalProperties!["mdAccessToken"].GetString());
    }

    [Fact]
    public async Task Lists_deserialize_into_typed_collections()
    {
        var (client, _, _) = CreateClient("""[{"id":1,"name":"A","userId":1,"accountType":"Wash","clearingHouseId":1,"riskCategoryId":1,"autoLiqProfileId":1,"marginAccountType":"Hedger","legalStatus":"IRA","timestamp":"2024-01-15T09:30:00Z"}]""");
        var accounts = await client.AccountListAsync();
        var account = Assert.Single(accounts);
        Assert.Equal(AccountAccountType.Wash, account.AccountType);
    }

    [Fact]
    public async Task Query_values_are_escaped()
    {
        var (client, handler, _) = CreateClient("""{"id":1,"name":"x"}""");
        try
        {
            await client.OrganizationFindAsync("a b&c=d/é");
        }
        catch (ApiException)
        {
            // The canned body may not match the response type; only the request matters here.
        }
        Assert.Equal("?name=a%20b%26c%3Dd%2F%C3%A9", handler.Requests.Single().Uri.Query);
    }

    private sealed class CountingTokenSource : IAccessTokenSource
    {
        public int Calls;

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
            => new("token-" + Interlocked.Increment(ref Calls).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
