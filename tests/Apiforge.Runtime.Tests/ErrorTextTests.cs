using System.Net;
using System.Text;
using Secure;

namespace Apiforge.Runtime.Tests;

/// <summary>ErrorTextProperty="errorText" on the spec item: a success answer with a non-empty errorText throws.</summary>
public class ErrorTextTests
{
    private static ISecureClient Create(string body, HttpStatusCode status = HttpStatusCode.OK)
        => new SecureClient(new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(AccessTokenSource.FromToken("t")).UseBasic("u", "p"), new RecordingHandler(status, body))));

    [Fact]
    public async Task A_success_with_a_non_empty_error_text_throws_with_status_text_and_raw_body()
    {
        const string body = """{"errorText":"Access is denied","value":null}""";
        var ex = await Assert.ThrowsAsync<ApiErrorTextException>(() => Create(body).GetBearerAsync());
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("Access is denied", ex.ErrorText);
        Assert.Equal(body, ex.Response);
        Assert.Contains("Access is denied", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ApiException>(ex);
    }

    [Fact]
    public async Task An_empty_or_missing_error_text_reads_the_body_as_usual()
    {
        Assert.Equal("v", (await Create("""{"errorText":"","value":"v"}""").GetBasicAsync()).Value);
        Assert.Equal("w", (await Create("""{"value":"w","errorText":null}""").GetBasicAsync()).Value);
        Assert.Equal("x", (await Create("""{"nested":{"errorText":"not top level"},"value":"x"}""").GetBasicAsync()).Value);
    }

    [Fact]
    public async Task Operations_without_a_response_schema_check_the_body_too()
    {
        var ex = await Assert.ThrowsAsync<ApiErrorTextException>(() => Create("""{"errorText":"Order rejected"}""").PostNothingAsync());
        Assert.Equal("Order rejected", ex.ErrorText);
        await Create("").PostNothingAsync();
        await Create("[1,2]").PostNothingAsync();
    }

    [Fact]
    public async Task A_failure_status_is_still_an_ordinary_api_exception()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => Create("""{"errorText":"bad"}""", HttpStatusCode.BadRequest).GetBearerAsync());
        Assert.IsNotType<ApiErrorTextException>(ex);
        Assert.Equal(400, ex.StatusCode);
    }
}

/// <summary>ErrorTextProperty with several names (the Tradovate client uses "errorText,failureText").</summary>
public class SeveralErrorTextPropertiesTests
{
    [Theory]
    [InlineData("""{"failureReason":"InvalidContract","failureText":"Unknown symbol"}""", "Unknown symbol")]
    [InlineData("""{"errorText":"","failureText":"second"}""", "second")]
    [InlineData("""{"errorText":"first","failureText":"second"}""", "first")]
    [InlineData("""{"failureText":""}""", null)]
    [InlineData("""{"other":"x"}""", null)]
    public void The_first_non_empty_listed_property_counts(string json, string? expected)
    {
        Assert.Equal(expected, ApiErrorText.Find(Encoding.UTF8.GetBytes(json), "errorText, failureText"));
        Assert.Equal(expected, ApiErrorText.Find(Encoding.UTF8.GetBytes(json), "errorText;failureText"));
    }

    [Fact]
    public async Task A_failure_text_on_an_order_throws_from_the_generated_client_even_without_the_session_handler()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"failureReason":"TradingLocked","failureText":"Trading is locked"}""");
        var client = new Tradovate.TradovateClient(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/v1/") });

        var ex = await Assert.ThrowsAsync<ApiErrorTextException>(() => client.PlaceOrderAsync(new Tradovate.PlaceOrder
        {
            Action = Tradovate.PlaceOrderAction.Buy,
            Symbol = "ES",
            OrderQty = 1,
            OrderType = Tradovate.PlaceOrderOrderType.Market,
        }));
        Assert.Equal("Trading is locked", ex.ErrorText);
        Assert.Equal("failureText", ex.PropertyName);
    }
}
