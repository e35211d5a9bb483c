using System.Net;
using Apiforge.Runtime;
using Several;

namespace Apiforge.Client.Tests;

/// <summary>specs/several2xx.yaml: each success status's body read as its own type; the status decides.</summary>
public class SeveralSuccessBodiesTests
{
    private static (SeveralClient Client, WireHandler Handler) Create(HttpStatusCode status, string? json)
    {
        var handler = new WireHandler
        {
            Respond = _ => json is null ? new HttpResponseMessage(status) : WireHandler.Json(status, json),
        };
        return (new SeveralClient(new HttpClient(handler)), handler);
    }

    [Fact]
    public async Task The_first_status_fills_Value()
    {
        var (client, _) = Create(HttpStatusCode.OK, """{"name":"rex"}""");
        SeveralClient.PutPetResult result = await client.PutPetWithResponseAsync("rex");
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("rex", result.Value!.Name);
        Assert.Null(result.Status201);
        Assert.Null(result.Status202);
        Assert.Equal("rex", (await client.PutPetAsync("rex"))!.Name);
    }

    [Fact]
    public async Task Another_status_fills_its_own_typed_property()
    {
        var (client, _) = Create(HttpStatusCode.Created, """{"ticket":"t-1"}""");
        var result = await client.PutPetWithResponseAsync("rex");
        Assert.Equal(201, result.StatusCode);
        Assert.Null(result.Value);
        Assert.Equal("t-1", result.Status201!.Ticket);
        // The simple method returns the first status's body: null here.
        Assert.Null(await client.PutPetAsync("rex"));

        (client, _) = Create(HttpStatusCode.Accepted, """["a","b"]""");
        result = await client.PutPetWithResponseAsync("rex");
        Assert.Equal(["a", "b"], result.Status202!);
    }

    [Fact]
    public async Task A_status_with_the_first_type_or_no_body_reads_as_before()
    {
        var (client, _) = Create(HttpStatusCode.NonAuthoritativeInformation, """{"name":"copy"}""");
        Assert.Equal("copy", (await client.PutPetWithResponseAsync("rex")).Value!.Name);
        (client, _) = Create(HttpStatusCode.NoContent, null);
        var result = await client.PutPetWithResponseAsync("rex");
        Assert.Equal(204, result.StatusCode);
        Assert.Null(result.Value);
        Assert.Null(result.Status201);
    }

    [Fact]
    public async Task A_value_type_first_body_is_nullable_when_another_status_has_another_body()
    {
        var (client, _) = Create(HttpStatusCode.OK, "42");
        Assert.Equal(42, await client.CountAsync());
        (client, _) = Create(HttpStatusCode.PartialContent, """{"ticket":"p"}""");
        var result = await client.CountWithResponseAsync();
        Assert.Null(result.Value);
        Assert.Equal("p", result.Status206!.Ticket);
        ApiResult<long?> asBase = result;
        Assert.Equal(206, asBase.StatusCode);
    }
}
