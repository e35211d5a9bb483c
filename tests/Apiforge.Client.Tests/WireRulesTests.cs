using System.Net;
using System.Text.Json;
using Apiforge.Runtime;
using WireRules;

namespace Apiforge.Client.Tests;

/// <summary>
/// specs/wire-rules.yaml: the AutoRest formats (date-time-rfc1123, base64url, unixtime) on every side of the wire,
/// readOnly left out of request bodies, answers without their discriminator or constant, and which statuses are answers.
/// </summary>
public class WireRulesTests
{
    private static (WireRulesClient Client, WireHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new WireHandler { Respond = respond };
        return (new WireRulesClient(new HttpClient(handler)), handler);
    }

    private static readonly DateTimeOffset May18 = new(2015, 5, 18, 11, 38, 0, TimeSpan.Zero);

    [Fact]
    public async Task Formats_are_written_in_query_header_and_body_and_read_back()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.OK,
            """{"id":"s-1","created":"mon, 18 may 2015 11:38:00 gmt","epoch":1460505600,"key":"_-8","kind":"stamp"}"""));

        var stamp = await client.PutStampAsync(May18, [0xFF, 0xEF], new DateTimeOffset(2016, 4, 13, 2, 0, 0, TimeSpan.FromHours(2)),
            new Stamp { Created = May18, Epoch = May18, Key = [0xFB, 0xFF], Kind = new StampKind("stamp") });

        Assert.Equal("https://rules.example.com/stamps?since=Mon%2C%2018%20May%202015%2011%3A38%3A00%20GMT&key=_-8", handler.Last.Uri);
        Assert.Equal("1460505600", handler.Last.Headers["at"]);
        using (var sent = JsonDocument.Parse(handler.Last.Body))
        {
            Assert.Equal("Mon, 18 May 2015 11:38:00 GMT", sent.RootElement.GetProperty("created").GetString());
            Assert.Equal(1431949080, sent.RootElement.GetProperty("epoch").GetInt64());
            Assert.Equal("-_8", sent.RootElement.GetProperty("key").GetString());
        }
        Assert.Equal(May18, stamp.Created);
        Assert.Equal(new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero), stamp.Epoch);
        Assert.Equal([0xFF, 0xEF], stamp.Key);
    }

    [Fact]
    public async Task Format_bodies_read_in_their_format_not_the_runtime_types_default()
    {
        var (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.OK, "\"FRI, 31 DEC 9999 23:59:59 GMT\""));
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), await client.GetLatestAsync());

        (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """["dGVzdCBzdHJpbmc", "TG9yZW0gaXBzdW0="]"""));
        var keys = await client.GetKeysAsync();
        Assert.Equal("test string"u8.ToArray(), keys[0]);
        Assert.Equal("Lorem ipsum"u8.ToArray(), keys[1]);
    }

    [Theory]
    [InlineData("\"Tue, 01 Dec 2000 00:00:0A ABC\"")]
    [InlineData("\"Sat, 1 Jan 10000 00:00:00 GMT\"")]
    [InlineData("\"Tue, 00 Jan 0000 00:00:00 GMT\"")]
    [InlineData("\"2015-05-18T11:38:00Z\"")]
    [InlineData("1431949080")]
    public async Task A_value_that_is_not_an_http_date_fails_the_read(string json)
    {
        var (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.OK, json));
        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetLatestAsync());
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"id":"s","created":"Mon, 18 May 2015 11:38:00 GMT","epoch":"1460505600"}""")]
    [InlineData("""{"id":"s","created":"Mon, 18 May 2015 11:38:00 GMT","epoch":99999999999999}""")]
    [InlineData("""{"id":"s","created":"Mon, 18 May 2015 11:38:00 GMT","key":"not base64!"}""")]
    public void Invalid_unixtime_and_base64url_values_fail_the_read(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, WireRulesClientJsonContext.Default.Stamp));

    [Fact]
    public async Task ReadOnly_properties_are_read_but_left_out_of_request_bodies()
    {
        var stamp = JsonSerializer.Deserialize("""{"id":"s-1","created":"Mon, 18 May 2015 11:38:00 GMT","kind":"stamp"}""", WireRulesClientJsonContext.Default.Stamp)!;
        Assert.Equal("s-1", stamp.Id);

        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """{"id":"s-1","created":"Mon, 18 May 2015 11:38:00 GMT"}"""));
        await client.PutStampAsync(May18, [1], May18, stamp);

        Assert.Equal("""{"created":"Mon, 18 May 2015 11:38:00 GMT","kind":"stamp"}""", handler.Last.BodyText);
    }

    [Fact]
    public async Task A_left_out_single_value_constant_is_filled_and_another_required_property_still_fails()
    {
        var (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """{"id":"s-1","created":"Mon, 18 May 2015 11:38:00 GMT"}"""));
        Assert.Equal(new StampKind("stamp"), (await client.PutStampAsync(May18, [1], May18, new Stamp { Created = May18, Kind = new StampKind("stamp") })).Kind);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"id":"s-1","kind":"stamp"}""", WireRulesClientJsonContext.Default.Stamp));
    }

    [Fact]
    public async Task An_answer_without_its_discriminator_is_the_declared_type()
    {
        var (client, _) = Create(request => WireHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath == "/salmon"
            ? """{"length":1.5,"location":"alaska"}"""
            : """{"length":2}"""));

        var salmon = await client.GetSalmonAsync();
        Assert.Equal(("Salmon", "alaska"), (salmon.Fishtype, salmon.Location));
        var fish = await client.GetFishAsync();
        Assert.IsType<Fish>(fish);
        Assert.Equal("Fish", fish.Fishtype);

        (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """{"fishtype":"Shark","age":3}"""));
        Assert.Equal(3, Assert.IsType<Shark>(await client.GetFishAsync()).Age);
    }

    [Fact]
    public async Task A_documented_error_body_is_typed_on_the_exception()
    {
        var (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.NotFound, """{"reason":"sold out"}"""));
        var error = await Assert.ThrowsAsync<ApiException<NotFound>>(() => client.GetSalmonAsync());
        Assert.Equal((404, "sold out"), (error.StatusCode, error.Error.Reason));
    }

    [Theory]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task A_2xx_the_operation_does_not_document_is_an_error_when_it_documents_a_body(HttpStatusCode status)
    {
        var (client, _) = Create(_ => WireHandler.Json(status, """{"length":1}"""));
        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetSalmonAsync());
        Assert.Equal((int)status, error.StatusCode);
        Assert.Contains("does not document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_documented_body_any_2xx_is_a_success()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK));
        Assert.Equal(200, (await client.DeleteThingWithResponseAsync("t")).StatusCode);
    }

    [Fact]
    public async Task A_head_404_is_an_answer_and_other_errors_still_throw()
    {
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        Assert.Equal(404, (await client.ThingExistsWithResponseAsync("t")).StatusCode);

        (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        Assert.Equal(500, (await Assert.ThrowsAsync<ApiException>(() => client.ThingExistsWithResponseAsync("t"))).StatusCode);
        // The 404 rule is HEAD's only: DELETE documents no 404, so it stays an error there.
        (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException>(() => client.DeleteThingAsync("t"))).StatusCode);
    }
}
