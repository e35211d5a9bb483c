using System.Net;
using System.Text;
using Secure;

namespace Apiforge.Runtime.Tests;

/// <summary>The generated client tags each request with its operation's security requirement; the handler applies it.</summary>
public class GeneratedSecurityTests
{
    private static (ISecureClient Client, RecordingHandler Inner) Create(ApiCredentials credentials, string body = """{"value":"v"}""")
    {
        var inner = new RecordingHandler(HttpStatusCode.OK, body);
        var http = new HttpClient(new ApiAuthenticationHandler(credentials, inner));
        return (new SecureClient(http), inner);
    }

    private static ApiCredentials All() => new ApiCredentials()
        .UseBearer(AccessTokenSource.FromToken("bearer-token"))
        .UseBasic("alice", "wonderland")
        .UseApiKey("header-secret", "headerKey")
        .UseApiKey("query secret", "queryKey")
        .UseApiKey("cookie-secret", "cookieKey");

    [Fact]
    public async Task The_document_level_bearer_requirement_sends_a_bearer_token()
    {
        var (client, inner) = Create(All());
        await client.GetBearerAsync();
        var request = Assert.Single(inner.Requests);
        Assert.Equal("Bearer bearer-token", request.Headers["Authorization"]);
        Assert.Equal("https://secure.example.com/api/bearer", request.Uri.ToString());
        Assert.False(request.Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task Basic_sends_base64_user_and_password()
    {
        var (client, inner) = Create(All());
        await client.GetBasicAsync();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:wonderland")), inner.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task Api_keys_go_in_the_header_query_or_cookie_the_scheme_names()
    {
        var (client, inner) = Create(All(), "");
        await client.GetHeaderKeyAsync();
        await client.GetQueryKeyAsync("a b");
        await client.GetCookieKeyAsync();

        Assert.Equal("header-secret", inner.Requests[0].Headers["X-Api-Key"]);
        Assert.False(inner.Requests[0].Headers.ContainsKey("Authorization"));
        Assert.Equal("https://secure.example.com/api/query-key?q=a%20b&api_key=query%20secret", inner.Requests[1].Uri.OriginalString);
        Assert.False(inner.Requests[1].Headers.ContainsKey("Authorization"));
        Assert.Equal("session_key=cookie-secret", inner.Requests[2].Headers["Cookie"]);
    }

    [Fact]
    public async Task A_resent_request_gets_its_query_and_cookie_keys_once()
    {
        var inner = new RecordingHandler(HttpStatusCode.OK, "");
        using var http = new HttpClient(new ApiAuthenticationHandler(All(), new ApiAuthenticationHandler(All(), inner)));
        await new SecureClient(http).GetQueryKeyAsync();
        await new SecureClient(http).GetCookieKeyAsync();
        Assert.Equal("https://secure.example.com/api/query-key?api_key=query%20secret", inner.Requests[0].Uri.OriginalString);
        Assert.Equal("session_key=cookie-secret", inner.Requests[1].Headers["Cookie"]);
    }

    [Fact]
    public async Task An_unnamed_api_key_serves_every_api_key_scheme()
    {
        var (client, inner) = Create(new ApiCredentials().UseApiKey("any-key"), "");
        await client.GetHeaderKeyAsync();
        await client.GetQueryKeyAsync();
        Assert.Equal("any-key", inner.Requests[0].Headers["X-Api-Key"]);
        Assert.EndsWith("?api_key=any-key", inner.Requests[1].Uri.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requirement_of_two_schemes_applies_both_and_falls_back_to_the_next_alternative()
    {
        var (client, inner) = Create(All(), "");
        await client.GetBothAsync();
        Assert.Equal("Bearer bearer-token", inner.Requests[0].Headers["Authorization"]);
        Assert.Equal("header-secret", inner.Requests[0].Headers["X-Api-Key"]);

        var (basicOnly, basicInner) = Create(new ApiCredentials().UseBasic("bob", "pw"), "");
        await basicOnly.GetBothAsync();
        Assert.StartsWith("Basic ", basicInner.Requests[0].Headers["Authorization"], StringComparison.Ordinal);
        Assert.False(basicInner.Requests[0].Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task Optional_security_sends_nothing_when_no_credential_fits_and_the_key_when_one_does()
    {
        var (bare, bareInner) = Create(new ApiCredentials().UseBasic("bob", "pw"), "");
        await bare.GetOptionalAsync();
        Assert.False(bareInner.Requests[0].Headers.ContainsKey("Authorization"));

        var (keyed, keyedInner) = Create(All(), "");
        await keyed.GetOptionalAsync();
        Assert.Equal("header-secret", keyedInner.Requests[0].Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task Oauth2_takes_a_bearer_token_and_unsupported_schemes_are_skipped()
    {
        var (client, inner) = Create(new ApiCredentials().UseBearer(AccessTokenSource.FromToken("oauth-token"), "oauth"), "");
        await client.GetOauthAsync();
        Assert.Equal("Bearer oauth-token", inner.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task Operations_without_security_are_sent_anonymously()
    {
        var (client, inner) = Create(All());
        await client.GetPublicAsync();
        Assert.False(inner.Requests[0].Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Missing_credentials_fail_before_sending_with_a_message_naming_the_schemes()
    {
        var (client, inner) = Create(new ApiCredentials().UseBearer(AccessTokenSource.FromToken("t")), "");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetCookieKeyAsync());
        Assert.Contains("cookieKey (API key in cookie 'session_key')", ex.Message, StringComparison.Ordinal);
        Assert.Empty(inner.Requests);
    }
}
