using System.Net;
using System.Text.Json;
using Apiforge.Runtime;
using Legacy;

namespace Apiforge.Client.Tests;

/// <summary>specs/swagger2.yaml: a Swagger 2.0 document (in: body, formData files and fields, collectionFormat).</summary>
public class Swagger2RoundTripTests
{
    private static (LegacyClient Client, WireHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage>? respond = null)
    {
        var handler = new WireHandler();
        if (respond is not null) handler.Respond = respond;
        return (new LegacyClient(new HttpClient(handler)), handler);
    }

    [Fact]
    public async Task Body_parameter_is_the_json_body_and_default_is_the_typed_error()
    {
        var (client, handler) = Create(request => request.Content is null
            ? WireHandler.Json(HttpStatusCode.BadRequest, """{"code":400,"message":"no"}""")
            : WireHandler.Json(HttpStatusCode.OK, """{"id":1,"name":"Rex"}"""));

        var pet = await client.AddPetAsync(new Pet { Name = "Rex" });

        Assert.Equal(1, pet.Id);
        Assert.Equal("https://legacy.example.com/api/pets", handler.Last.Uri);
        using (var sent = JsonDocument.Parse(handler.Last.Body))
        {
            Assert.Equal("Rex", sent.RootElement.GetProperty("name").GetString());
        }

        handler.Respond = _ => WireHandler.Json(HttpStatusCode.BadRequest, """{"code":400,"message":"no"}""");
        var ex = await Assert.ThrowsAsync<ApiException<Error>>(() => client.AddPetAsync(new Pet { Name = "x" }));
        Assert.Equal(400, ex.Error.Code);
    }

    [Fact]
    public async Task FormData_file_becomes_a_multipart_file_part()
    {
        var (client, handler) = Create();

        await client.UploadPhotoAsync(5, ApiFile.FromBytes([1, 2], "p.jpg", "image/jpeg"), caption: "cute");

        Assert.Equal("https://legacy.example.com/api/pets/5/photo", handler.Last.Uri);
        var parts = handler.Last.Parts!;
        Assert.Equal(2, parts.Count);
        Assert.Equal("form-data; name=\"file\"; filename=\"p.jpg\"", parts[0].Headers["Content-Disposition"]);
        Assert.Equal("image/jpeg", parts[0].Headers["Content-Type"]);
        Assert.Equal("cute", parts[1].Text);
    }

    [Fact]
    public async Task FormData_fields_become_a_form_body_with_multi_arrays_repeated()
    {
        var (client, handler) = Create();

        await client.UpdatePetFormAsync(5, new UpdatePetFormRequest { Name = "Rex", Tags = ["a", "b"] });

        Assert.Equal("application/x-www-form-urlencoded", handler.Last.Headers["Content-Type"]);
        Assert.Equal("name=Rex&tags=a&tags=b", handler.Last.BodyText);
    }

    [Fact]
    public async Task Collection_formats_in_the_query()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.OK, "[]"));

        var pets = await client.FindPetsAsync(status: ["available", "sold"], ids: [1, 2], names: ["x", "y"], tabbed: ["t", "u"], xTags: ["a", "b"]);

        Assert.Empty(pets);
        // csv (the default) is one comma-separated value, pipes '|', multi repeats; tsv is read as csv.
        Assert.Equal("https://legacy.example.com/api/pets/find?status=available,sold&ids=1%7C2&names=x&names=y&tabbed=t%09u", handler.Last.Uri);
        Assert.Equal("a,b", handler.Last.Headers["X-Tags"]);
    }
}
