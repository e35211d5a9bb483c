using System.Net;
using System.Text;
using System.Text.Json;
using Apiforge.Runtime;
using Ops;

namespace Apiforge.Client.Tests;

/// <summary>
/// specs/operations.yaml's generated client against <see cref="WireHandler"/>: what goes on the wire, byte for byte
/// (or as parsed JSON / multipart parts), for every parameter style, body kind, typed error body and response kind.
/// </summary>
public class OperationRoundTripTests
{
    private static (OperationsClient Client, WireHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage>? respond = null)
    {
        var handler = new WireHandler();
        if (respond is not null) handler.Respond = respond;
        // No BaseAddress: the client falls back to the first server with its variables' defaults.
        return (new OperationsClient(new HttpClient(handler)), handler);
    }

    [Fact]
    public void Default_base_address_substitutes_the_server_variable_defaults()
        => Assert.Equal("https://eu.api.example.com/v2", OperationsClient.DefaultBaseAddress);

    [Fact]
    public async Task Every_parameter_style_is_written_as_OpenAPI_specifies()
    {
        var (client, handler) = Create();

        await client.StylesAsync(
            simple: ["a", "b c"],
            label: [1, 2],
            matrix: "m x",
            point: new Point { X = 1, Y = 2 },
            tags: ["t1", "t2"],
            csv: ["c1", "c2"],
            spaced: [1, 2],
            piped: ["p1", "p2"],
            filter: new Filter { Status = "open", Ids = [3, 4], Range = new FilterRange { Min = 1, Max = 9 } },
            expand: ["customer", "invoice.lines"],
            at: new Point { X = 5, Y = 6 },
            color: Color.DarkRed,
            when: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            meta: new Point { X = 7, Y = 8 },
            xIds: [1, 2, 3],
            xPoint: new Point { X = 1, Y = 2 },
            session: "s 1",
            prefs: ["a", "b"]);

        var request = handler.Last;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "https://eu.api.example.com/v2/styles/a,b%20c/.1.2/;matrix=m%20x/x=1,y=2" +
            "?tags=t1&tags=t2" +
            "&csv=c1,c2" +
            "&spaced=1%202" +
            "&piped=p1%7Cp2" +
            "&filter[status]=open&filter[ids][0]=3&filter[ids][1]=4&filter[range][min]=1&filter[range][max]=9" +
            "&expand[0]=customer&expand[1]=invoice.lines" +
            "&x=5&y=6" +
            "&color=dark%20red" +
            "&when=2024-01-02T03%3A04%3A05Z" +
            "&meta=%7B%22x%22%3A7%2C%22y%22%3A8%7D",
            request.Uri);
        Assert.Equal("1,2,3", request.Headers["X-Ids"]);
        Assert.Equal("x=1,y=2", request.Headers["X-Point"]);
        Assert.Equal("session=s%201; prefs=a%2Cb", request.Headers["Cookie"]);
        Assert.False(request.Headers.ContainsKey("Accept"));
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task Optional_parameters_left_null_are_left_out()
    {
        var (client, handler) = Create();

        await client.StylesAsync(["a"], [1], "m", new Point());

        Assert.Equal("https://eu.api.example.com/v2/styles/a/.1/;matrix=m/", handler.Last.Uri);
        Assert.False(handler.Last.Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task Operation_level_parameter_overrides_the_path_level_one_and_ref_parameters_resolve()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """{"id":7,"name":"seven"}"""));

        var item = await client.GetItemAsync(7, verbose: "full", xTraceId: "trace-1");
        await client.DeleteItemAsync(7, verbose: true);

        Assert.Equal(7, item.Id);
        Assert.Equal("seven", item.Name);
        Assert.Equal("https://eu.api.example.com/v2/items/7?verbose=full", handler.Requests[0].Uri);
        Assert.Equal("trace-1", handler.Requests[0].Headers["X-Trace-Id"]);
        Assert.Equal("application/json", handler.Requests[0].Headers["Accept"]);
        Assert.Equal(HttpMethod.Delete, handler.Requests[1].Method);
        Assert.Equal("https://eu.api.example.com/v2/items/7?verbose=true", handler.Requests[1].Uri);
    }

    [Fact]
    public async Task WithResponse_methods_hand_back_status_and_headers()
    {
        var (client, _) = Create(_ =>
        {
            var response = WireHandler.Json(HttpStatusCode.OK, """{"id":1}""");
            response.Headers.TryAddWithoutValidation("X-Rate-Remaining", "42");
            return response;
        });

        var result = await client.GetItemWithResponseAsync(1);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("42", result.Header("X-Rate-Remaining"));
        Assert.Equal("application/json; charset=utf-8", result.Header("content-type"));
        Assert.Equal(1, result.Value.Id);

        var (deleting, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var deleted = await deleting.DeleteItemWithResponseAsync(1);
        Assert.Equal(204, deleted.StatusCode);
    }

    [Fact]
    public async Task Documented_error_bodies_raise_typed_exceptions_by_status()
    {
        var (client, _) = Create(request => request.RequestUri!.AbsolutePath switch
        {
            "/v2/items/404" => WireHandler.Json(HttpStatusCode.NotFound, """{"message":"no item","resource":"item"}"""),
            "/v2/items/422" => WireHandler.Json(HttpStatusCode.UnprocessableEntity, """{"title":"bad","status":422}""", "application/problem+json"),
            "/v2/items/500" => WireHandler.Json(HttpStatusCode.InternalServerError, """{"code":"E1","message":"boom"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>not json</html>", Encoding.UTF8, "text/html") },
        });

        var notFound = await Assert.ThrowsAsync<ApiException<NotFound>>(() => client.GetItemAsync(404));
        Assert.Equal(404, notFound.StatusCode);
        Assert.Equal("no item", notFound.Error.Message);
        Assert.Equal("item", notFound.Error.Resource);

        var problem = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.GetItemAsync(422));
        Assert.Equal("bad", problem.Error.Title);
        Assert.Equal(422, problem.Error.Status);

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.GetItemAsync(500));
        Assert.Equal("E1", error.Error.Code);
        Assert.Equal("""{"code":"E1","message":"boom"}""", error.Response);

        // A body that is not the documented JSON: the plain exception, with the text.
        var plain = await Assert.ThrowsAsync<ApiException>(() => client.GetItemAsync(1));
        Assert.IsType<ApiException>(plain);
        Assert.Equal(404, plain.StatusCode);
        Assert.Equal("<html>not json</html>", plain.Response);
    }

    [Fact]
    public async Task Form_body_follows_its_encoding_object_with_deepObject_nesting()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """{"id":3}"""));

        var item = await client.PostFormAsync(new FormBody
        {
            Name = "Jane Doe & co",
            Count = 3,
            Enabled = true,
            Tags = ["a", "b"],
            Csv = ["x", "y"],
            Metadata = new Dictionary<string, string> { ["order_id"] = "6735", ["note"] = "a=b" },
            Address = new FormBodyAddress { City = "Berlin" },
            Lines = [new FormBodyLinesItem { Price = "price_1", Quantity = 2 }, new FormBodyLinesItem { Price = "price_2" }],
        });

        Assert.Equal(3, item.Id);
        var request = handler.Last;
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal(
            "name=Jane%20Doe%20%26%20co&count=3&enabled=true&tags=a&tags=b&csv=x,y" +
            "&metadata[order_id]=6735&metadata[note]=a%3Db" +
            "&address[city]=Berlin" +
            "&lines[0][price]=price_1&lines[0][quantity]=2&lines[1][price]=price_2",
            request.BodyText);
    }

    [Fact]
    public async Task An_empty_form_schema_sends_no_body()
    {
        var (client, handler) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK));

        await client.GetFormAsync();

        Assert.Null(handler.Last.Body);
    }

    [Fact]
    public async Task Multipart_body_sends_files_with_names_and_types_and_the_other_parts()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.Created, """{"id":9}"""));

        var item = await client.UploadAsync(
            ApiFile.FromBytes("PNG-BYTES"u8.ToArray(), "pic.png"),
            attachments: [ApiFile.FromBytes("first"u8.ToArray(), "a.txt", "text/plain"), new ApiFile(new MemoryStream([1, 2, 3]), "b.bin")],
            description: "holiday",
            count: 5,
            meta: new Point { X = 1, Y = 2 });

        Assert.Equal(9, item.Id);
        var request = handler.Last;
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        var parts = request.Parts!;
        Assert.Equal(6, parts.Count);

        Assert.Equal("form-data; name=\"file\"; filename=\"pic.png\"", parts[0].Headers["Content-Disposition"]);
        Assert.Equal("image/png", parts[0].Headers["Content-Type"]);
        Assert.Equal("PNG-BYTES", parts[0].Text);

        Assert.Equal("form-data; name=\"attachments\"; filename=\"a.txt\"", parts[1].Headers["Content-Disposition"]);
        Assert.Equal("text/plain", parts[1].Headers["Content-Type"]);
        Assert.Equal("first", parts[1].Text);
        Assert.Equal("form-data; name=\"attachments\"; filename=\"b.bin\"", parts[2].Headers["Content-Disposition"]);
        Assert.Equal("application/octet-stream", parts[2].Headers["Content-Type"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, parts[2].Body);

        Assert.Equal("form-data; name=\"description\"", parts[3].Headers["Content-Disposition"]);
        Assert.False(parts[3].Headers.ContainsKey("Content-Type"));
        Assert.Equal("holiday", parts[3].Text);
        Assert.Equal("5", parts[4].Text);
        Assert.Equal("form-data; name=\"meta\"", parts[5].Headers["Content-Disposition"]);
        Assert.Equal("application/json", parts[5].Headers["Content-Type"]);
        Assert.Equal("""{"x":1,"y":2}""", parts[5].Text);

        // The same, as raw bytes: a part header block as servers parse it.
        Assert.Contains("\r\nContent-Type: image/png\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pic.png\"\r\n", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\nPNG-BYTES\r\n--", request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optional_multipart_parts_left_null_are_left_out()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.Created, """{"id":9}"""));

        await client.UploadAsync(ApiFile.FromBytes([0x89]));

        var part = Assert.Single(handler.Last.Parts!);
        Assert.Equal("form-data; name=\"file\"; filename=\"file\"", part.Headers["Content-Disposition"]);
    }

    [Fact]
    public async Task Binary_upload_sends_the_stream_as_it_is()
    {
        var (client, handler) = Create();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        await client.PutBlobAsync("a b/c", new MemoryStream(bytes));

        Assert.Equal("https://eu.api.example.com/v2/blobs/a%20b%2Fc", handler.Last.Uri);
        Assert.Equal("application/octet-stream", handler.Last.Headers["Content-Type"]);
        Assert.Equal(bytes, handler.Last.Body);
    }

    [Fact]
    public async Task Binary_download_is_a_stream_with_name_type_and_headers()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7 ...");
        var (client, _) = Create(_ =>
        {
            var content = new StreamContent(new MemoryStream(bytes));
            content.Headers.ContentType = new("application/pdf");
            content.Headers.ContentDisposition = new("attachment") { FileName = "\"report.pdf\"" };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        await using var file = await client.GetBlobAsync("report");

        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("report.pdf", file.FileName);
        Assert.Equal(200, file.StatusCode);
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    /// <summary>A body that never ends: buffering it would never finish.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'x', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Binary_download_is_never_buffered()
    {
        var endless = new EndlessStream();
        var (client, _) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(endless) });

        await using (var file = await client.GetBlobAsync("huge").WaitAsync(TimeSpan.FromSeconds(10)))
        {
            var buffer = new byte[1024];
            await file.Stream.ReadExactlyAsync(buffer);
            Assert.Equal((byte)'x', buffer[^1]);
        }

        Assert.InRange(endless.BytesRead, 1024, 1024 * 1024);
    }

    [Fact]
    public async Task Binary_download_error_is_typed()
    {
        var (client, _) = Create(_ => WireHandler.Json(HttpStatusCode.NotFound, """{"message":"gone"}"""));

        var ex = await Assert.ThrowsAsync<ApiException<NotFound>>(() => client.GetBlobAsync("x"));

        Assert.Equal("gone", ex.Error.Message);
    }

    [Fact]
    public async Task Text_body_and_text_response()
    {
        var (client, handler) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("echo: grüße", Encoding.UTF8, "text/plain") });

        var text = await client.PutNoteAsync("grüße");

        Assert.Equal("echo: grüße", text);
        Assert.Equal("text/plain; charset=utf-8", handler.Last.Headers["Content-Type"]);
        Assert.Equal("text/plain", handler.Last.Headers["Accept"]);
        Assert.Equal(Encoding.UTF8.GetBytes("grüße"), handler.Last.Body);
    }

    [Fact]
    public async Task Json_is_preferred_and_an_optional_body_may_be_left_out_and_204_is_null()
    {
        var (client, handler) = Create(request => request.Content is null
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : WireHandler.Json(HttpStatusCode.OK, """{"text":"stored"}"""));

        var stored = await client.PostNoteAsync(new Note { Text = "hi" });
        var nothing = await client.PostNoteAsync(null);

        Assert.Equal("stored", stored!.Text);
        Assert.StartsWith("application/json", handler.Requests[0].Headers["Content-Type"], StringComparison.Ordinal);
        using (var sent = JsonDocument.Parse(handler.Requests[0].Body))
        {
            Assert.Equal("hi", sent.RootElement.GetProperty("text").GetString());
        }
        Assert.Null(nothing);
        Assert.Null(handler.Requests[1].Body);
    }

    [Fact]
    public async Task A_value_type_result_is_null_on_204()
    {
        var (client, handler) = Create(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        Assert.Null(await client.GetCounterAsync());

        handler.Respond = _ => WireHandler.Json(HttpStatusCode.OK, "0");
        Assert.Equal(0, await client.GetCounterAsync());
    }

    [Fact]
    public async Task Operation_without_an_id_is_named_from_method_and_path()
    {
        var (client, handler) = Create(_ => WireHandler.Json(HttpStatusCode.OK, """{"db":"ok","cache":"slow"}"""));

        var health = await client.GetHealthAsync();

        Assert.Equal("slow", health["cache"]);
        Assert.Equal("https://eu.api.example.com/v2/health", handler.Last.Uri);
    }

    [Fact]
    public async Task Duplicate_ids_keyword_digit_and_infrastructure_names_are_resolved()
    {
        var (client, handler) = Create();

        await client.DupAsync();
        await client.Dup2Async();
        await client.DupWithResponse2Async();
        await client._1stNameAsync("x/y", new Note { Text = "t" }, cancellationToken2: "c", options2: "o", request: "r", body: "b", _2fa: "2",
            options: new ApiCallOptions { Headers = { ["X-Call"] = "per-call" } }, cancellationToken: CancellationToken.None);

        Assert.Equal("https://eu.api.example.com/v2/dup/one", handler.Requests[0].Uri);
        Assert.Equal("https://eu.api.example.com/v2/dup/two", handler.Requests[1].Uri);
        Assert.Equal("https://eu.api.example.com/v2/dupWithResponse", handler.Requests[2].Uri);
        var last = handler.Last;
        Assert.Equal("https://eu.api.example.com/v2/names/x%2Fy?cancellationToken=c&options=o&request=r&body=b", last.Uri);
        Assert.Equal("2", last.Headers["2fa"]);
        Assert.Equal("per-call", last.Headers["X-Call"]);
        Assert.Equal("""{"text":"t"}""", last.BodyText);
    }
}
