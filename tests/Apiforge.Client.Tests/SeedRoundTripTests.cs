using System.Net;
using System.Text.Json;
using Apiforge.Runtime;
using Seed;

namespace Apiforge.Client.Tests;

public class SeedRoundTripTests
{
    // The documented response example of POST /user/createtradingpermission, unchanged.
    private const string ResponseExample = """
        {
          "errorText": "string",
          "tradingPermission": {
            "userId": 1,
            "accountId": 1,
            "accountHolderContact": "string",
            "accountHolderEmail": "string",
            "ctaContact": "string",
            "ctaEmail": "string",
            "status": "Accepted",
            "id": 1,
            "updated": "2024-01-15T09:30:00Z",
            "approvedById": 1
          }
        }
        """;

    private static (IConnectClient Client, RecordingHandler Handler) CreateClient(HttpStatusCode status, string body)
    {
        var handler = new RecordingHandler(status, body);
        var http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(AccessTokenSource.FromToken("token-abc")), handler))
        {
            BaseAddress = new Uri("https://live.tradovateapi.com/v1/"),
        };
        return (new ConnectClient(http), handler);
    }

    [Fact]
    public async Task Create_trading_permission_sends_the_documented_request_and_reads_the_example_back()
    {
        var (client, handler) = CreateClient(HttpStatusCode.OK, ResponseExample);

        var response = await client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = 9_007_199_254_740_993, UserId = 2 });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/user/createtradingpermission", request.Uri.AbsolutePath);
        Assert.Equal("live.tradovateapi.com", request.Uri.Host);
        Assert.Equal("Bearer token-abc", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using (var sent = JsonDocument.Parse(request.Body!))
        {
            Assert.Equal(2, sent.RootElement.EnumerateObject().Count());
            Assert.Equal(9_007_199_254_740_993, sent.RootElement.GetProperty("accountId").GetInt64());
            Assert.Equal(2, sent.RootElement.GetProperty("userId").GetInt64());
        }

        Assert.Equal("string", response.ErrorText);
        var permission = Assert.IsType<TradingPermission>(response.TradingPermission);
        Assert.Equal(1L, permission.Id);
        Assert.Equal(1L, permission.UserId);
        Assert.Equal(1L, permission.AccountId);
        Assert.Equal("string", permission.AccountHolderContact);
        Assert.Equal("string", permission.AccountHolderEmail);
        Assert.Equal("string", permission.CtaContact);
        Assert.Equal("string", permission.CtaEmail);
        Assert.Equal(TradingPermissionStatus.Accepted, permission.Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 9, 30, 0, TimeSpan.Zero), permission.Updated);
        Assert.Equal(1L, permission.ApprovedById);
        Assert.Null(permission.AdditionalProperties);
    }

    [Fact]
    public async Task Error_status_raises_ApiException_with_status_headers_and_body_but_no_credentials()
    {
        var (client, _) = CreateClient(HttpStatusCode.Forbidden, """{"errorText":"Access is denied"}""");

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = 1, UserId = 1 }));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("""{"errorText":"Access is denied"}""", ex.Response);
        Assert.Equal("req-123", Assert.Single(ex.Headers["x-request-id"]));
        Assert.DoesNotContain("token-abc", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_status_enum_value_round_trips_and_an_unknown_value_survives()
    {
        var statuses = new[]
        {
            TradingPermissionStatus.Accepted, TradingPermissionStatus.Approved, TradingPermissionStatus.Declined,
            TradingPermissionStatus.Requested, TradingPermissionStatus.Revoked,
        };
        foreach (var status in statuses)
        {
            var json = JsonSerializer.Serialize(status, ConnectClientJsonContext.Default.TradingPermissionStatus);
            Assert.Equal("\"" + status + "\"", json);
            Assert.Equal(status, JsonSerializer.Deserialize(json, ConnectClientJsonContext.Default.TradingPermissionStatus));
            Assert.True(status.IsKnown);
        }

        // A value the server adds later neither fails the response nor is lost when written back.
        var permission = JsonSerializer.Deserialize(
            """{"userId":5,"accountId":6,"accountHolderContact":"a","accountHolderEmail":"b","ctaContact":"c","ctaEmail":"d","status":"Pending"}""",
            ConnectClientJsonContext.Default.TradingPermission)!;
        Assert.False(permission.Status.IsKnown);
        Assert.Equal("Pending", permission.Status.Value);
        Assert.Contains("\"status\":\"Pending\"", JsonSerializer.Serialize(permission, ConnectClientJsonContext.Default.TradingPermission), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void Reflection_is_off_and_the_generated_resolver_serves_every_type()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        var permission = new TradingPermission
        {
            UserId = 5, AccountId = 6, AccountHolderContact = "a", AccountHolderEmail = "b", CtaContact = "c", CtaEmail = "d",
            Status = TradingPermissionStatus.Revoked,
        };
        var json = JsonSerializer.Serialize(permission, ConnectClientJsonContext.Options);
        Assert.Equal("""{"userId":5,"accountId":6,"accountHolderContact":"a","accountHolderEmail":"b","ctaContact":"c","ctaEmail":"d","status":"Revoked"}""", json);
    }

    [Fact]
    public void Missing_required_property_is_a_clear_JsonException()
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"userId":1}""", ConnectClientJsonContext.Default.CreateTradingPermission));
        Assert.Contains("accountId", ex.Message, StringComparison.Ordinal);
    }
}
