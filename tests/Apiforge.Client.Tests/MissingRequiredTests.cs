using System.Net;
using System.Text.Json;
using Apiforge.Runtime;

namespace Apiforge.Client.Tests;

/// <summary>MissingRequired: strict reading names the JSON path of what is missing; "Default" reads it as default/null.</summary>
public class MissingRequiredTests
{
    private const string Complete = """{"accounts":[{"id":1,"name":"a","ctaContact":"x","active":true}]}""";

    // The third account lacks ctaContact and active.
    private const string ThirdLacksContact = """
        {"accounts":[
          {"id":1,"name":"a","ctaContact":"x","active":true},
          {"id":2,"name":"b","ctaContact":"y","active":false},
          {"id":3,"name":"c"}
        ]}
        """;

    private static HttpClient Http(string body)
        => new(new RecordingHandler(HttpStatusCode.OK, body)) { BaseAddress = new Uri("https://api.example.com/v1/") };

    [Fact]
    public async Task Strict_reading_fails_with_the_json_path_of_the_missing_property()
    {
        var client = new StrictReads.AccountsClient(Http(ThirdLacksContact));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.ListAccountsAsync());

        Assert.Contains("lacks its required property 'ctaContact'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.accounts[2].ctaContact", ex.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<ApiJsonReadException>(ex.InnerException);
        Assert.Equal("$.accounts[2].ctaContact", inner.JsonPath);
    }

    [Fact]
    public void Strict_path_goes_through_dictionaries_and_names_wrong_tokens_too()
    {
        var missingLabel = """{"accounts":[{"id":1,"name":"a","ctaContact":"x","active":true,"tags":{"vip":{},"odd key":{"label":"l"}}}]}""";
        var ex = Assert.Throws<ApiJsonReadException>(() => JsonSerializer.Deserialize(missingLabel, StrictReads.AccountsClientJsonContext.Default.AccountPage));
        Assert.Equal("$.accounts[0].tags.vip.label", ex.JsonPath);

        var wrongToken = """{"accounts":[{"id":1,"name":"a","ctaContact":"x","active":true,"tags":{"odd key":[]}}]}""";
        ex = Assert.Throws<ApiJsonReadException>(() => JsonSerializer.Deserialize(wrongToken, StrictReads.AccountsClientJsonContext.Default.AccountPage));
        Assert.Equal("$.accounts[0].tags['odd key']", ex.JsonPath);
        Assert.Contains("Expected Tag but found StartArray", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_reading_round_trips_a_complete_body()
    {
        var page = await new StrictReads.AccountsClient(Http(Complete)).ListAccountsAsync();

        Assert.Equal("x", page.Accounts[0].CtaContact);
        Assert.Equal(Complete, JsonSerializer.Serialize(page, StrictReads.AccountsClientJsonContext.Default.AccountPage));
    }

    [Fact]
    public async Task Default_reading_takes_a_missing_required_property_as_its_default()
    {
        var page = await new LenientReads.AccountsClient(Http(ThirdLacksContact)).ListAccountsAsync();

        Assert.Equal(3, page.Accounts.Count);
        var third = page.Accounts[2];
        Assert.Null(third.CtaContact);
        Assert.False(third.Active);
        Assert.Equal(3, third.Id);
        Assert.Equal("c", third.Name);
        Assert.Equal("y", page.Accounts[1].CtaContact);
        // Written back, the defaults are on the wire: the object the caller holds is what is sent.
        Assert.Equal(
            """{"accounts":[{"id":2,"name":"b","ctaContact":"y","active":false},{"id":3,"name":"c","ctaContact":null,"active":false}]}""",
            JsonSerializer.Serialize(new LenientReads.AccountPage { Accounts = page.Accounts.Skip(1).ToList() }, LenientReads.AccountsClientJsonContext.Default.AccountPage));
    }

    [Fact]
    public void Default_reading_still_refuses_a_wrong_token_with_its_path()
    {
        var ex = Assert.Throws<ApiJsonReadException>(() => JsonSerializer.Deserialize("""{"accounts":[{"name":7}, {"name":{}}]}""", LenientReads.AccountsClientJsonContext.Default.AccountPage));
        Assert.Equal("$.accounts[1].name", ex.JsonPath);
    }
}
