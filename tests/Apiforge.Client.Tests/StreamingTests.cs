using System.Text;
using Apiforge.Runtime;
using Streams;

namespace Apiforge.Client.Tests;

/// <summary>specs/streaming.yaml against a loopback server that streams slowly: server-sent events and JSON Lines.</summary>
public class StreamingTests
{
    /// <summary>A guard against a hang, never a measurement: every awaited step here normally takes milliseconds.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static StreamsClient ClientOf(StreamingServer server) => new(new HttpClient { BaseAddress = server.BaseAddress });

    [Fact]
    public async Task The_first_event_arrives_before_the_last_is_sent()
    {
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentLastAfterFirst = false;
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync("text/event-stream");
            await connection.WriteAsync("data: {\"symbol\":\"ES\",\"price\":1.5}\n\n");
            // Sent only once the client holds the first event: a client that waited for the whole body would never get it.
            sentLastAfterFirst = await Task.WhenAny(firstReceived.Task, Task.Delay(Guard)) == firstReceived.Task;
            await connection.WriteAsync("event: tick\nid: 2\ndata: {\"symbol\":\"NQ\",\"price\":2.25}\n\n");
        });
        IStreamsClient client = ClientOf(server);

        var ticks = new List<ApiServerSentEvent<Tick>>();
        await foreach (var tick in client.WatchTicksAsync("ES"))
        {
            ticks.Add(tick);
            firstReceived.TrySetResult();
        }

        Assert.True(sentLastAfterFirst);
        Assert.Equal(["ES", "NQ"], ticks.Select(t => t.Data.Symbol));
        Assert.Equal([1.5, 2.25], ticks.Select(t => t.Data.Price));
        Assert.Equal(["message", "tick"], ticks.Select(t => t.EventType));
        Assert.Equal([null, "2"], ticks.Select(t => t.Id));
        var request = await server.Request;
        Assert.StartsWith("GET /ticks?symbol=ES HTTP/1.1", request, StringComparison.Ordinal);
        Assert.Contains("Accept: text/event-stream", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_fields_multi_line_data_comments_and_every_line_ending()
    {
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync("text/event-stream; charset=utf-8");
            await connection.WriteAsync(": keep-alive\r\n\r\n");
            await connection.WriteAsync("event: greeting\r\nid: 7\r\nretry: 1500\r\ndata: hello\r\n: a comment inside\r\ndata: world\r\n\r\n");
            await connection.WriteAsync("id: 8\n\n");
            await connection.WriteAsync("data:no space\r\r");
            await connection.WriteAsync("data\ndata: ünï\n\n");
            await connection.WriteAsync("data: pending at the end is dropped");
        });
        var events = new List<ApiServerSentEvent<string>>();
        await foreach (var e in ClientOf(server).RawEventsAsync()) events.Add(e);

        Assert.Equal(3, events.Count);
        Assert.Equal(("greeting", "hello\nworld", "7", TimeSpan.FromMilliseconds(1500)), (events[0].EventType, events[0].Data, events[0].Id, events[0].Retry!.Value));
        // The id of an event without data carries over; it is not an event of its own.
        Assert.Equal(("message", "no space", "8"), (events[1].EventType, events[1].Data, events[1].Id));
        Assert.Equal("\nünï", events[2].Data);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task The_reader_splits_lines_at_any_end_even_one_byte_at_a_time(string end)
    {
        var text = $"\uFEFFevent: a{end}data: 1{end}data: 2{end}{end}:ping{end}data: x{end}{end}";
        var reader = new ServerSentEventReader(new TrickleStream(Encoding.UTF8.GetBytes(text)), 1024);
        var first = await reader.ReadAsync();
        var second = await reader.ReadAsync();
        Assert.Equal(("a", "1\n2"), (first!.EventType, first.Data));
        Assert.Equal(("message", "x"), (second!.EventType, second.Data));
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task The_reader_refuses_a_line_or_an_event_over_its_limit()
    {
        var longLine = new ServerSentEventReader(new MemoryStream(Encoding.UTF8.GetBytes("data: " + new string('a', 100) + "\n\n")), 64);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await longLine.ReadAsync());
        var manyLines = new ServerSentEventReader(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("data: 0123456789\n", 10)) + "\n")), 64);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await manyLines.ReadAsync());
        // Comments are not kept: any number of keep-alives stays within the limit.
        var keepAlives = new ServerSentEventReader(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(":0123456789\n", 100)) + "data: ok\n\n")), 64);
        Assert.Equal("ok", (await keepAlives.ReadAsync())!.Data);
        var record = new JsonLinesReader(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('a', 100) + "\"}\n")), 64);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await record.ReadAsync());
    }

    [Fact]
    public async Task An_oversize_event_from_the_server_ends_the_enumeration_with_ApiException()
    {
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync("text/event-stream");
            await connection.WriteAsync("data: {\"symbol\":\"ES\",\"price\":1}\n\n");
            var chunk = new string('a', 64 * 1024);
            await connection.WriteAsync("data: ");
            for (var i = 0; i <= ApiResponse.DefaultStreamEventLimit / chunk.Length; i++) await connection.WriteAsync(chunk);
            await connection.WaitForClientToCloseAsync();
        });
        var received = 0;
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var _ in ClientOf(server).WatchTicksAsync("ES")) received++;
        }).WaitAsync(Guard);
        Assert.Equal(1, received);
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_while_an_event_is_half_sent_ends_promptly_and_closes_the_connection()
    {
        var partialSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync("text/event-stream");
            await connection.WriteAsync("data: {\"symbol\":\"ES\",\"price\":1}\n\ndata: {\"symb");
            partialSent.TrySetResult();
            await connection.WaitForClientToCloseAsync();
            closed.TrySetResult();
        });
        using var cancellation = new CancellationTokenSource();
        var received = 0;
        var enumeration = Task.Run(async () =>
        {
            await foreach (var _ in ClientOf(server).WatchTicksAsync("ES", cancellationToken: cancellation.Token)) received++;
        });
        await partialSent.Task.WaitAsync(Guard);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration.WaitAsync(Guard));
        await closed.Task.WaitAsync(Guard);
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Leaving_the_loop_early_closes_the_response()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync("text/event-stream");
            await connection.WriteAsync("data: {\"symbol\":\"ES\",\"price\":1}\n\n");
            await connection.WaitForClientToCloseAsync();
            closed.TrySetResult();
        });
        await foreach (var tick in ClientOf(server).WatchTicksAsync("ES"))
        {
            Assert.Equal("ES", tick.Data.Symbol);
            break;
        }
        await closed.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task An_error_status_throws_the_documented_exception_before_the_first_item()
    {
        await using var server = new StreamingServer(connection => connection.WriteCompleteAsync(400, "Bad Request", "application/json", "{\"message\":\"no prompt\"}"));
        var error = await Assert.ThrowsAsync<ApiException<Error>>(async () =>
        {
            await foreach (var _ in ClientOf(server).CreateChatStreamAsync(new ChatRequest { Prompt = "", Stream = true }))
            {
                Assert.Fail("no item comes with an error status");
            }
        });
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("no prompt", error.Error.Message);
    }

    [Fact]
    public async Task An_operation_with_a_JSON_body_too_keeps_its_method_and_gets_a_stream_variant_ended_by_DONE()
    {
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync("text/event-stream");
            await connection.WriteAsync("data: {\"delta\":\"Hel\"}\n\ndata: {\"delta\":\"lo\"}\n\ndata: [DONE]\n\n");
            // The stream stays open: [DONE] alone ends the enumeration.
            await connection.WaitForClientToCloseAsync();
        });
        IStreamsClient client = ClientOf(server);
        var text = new StringBuilder();
        await foreach (var chunk in client.CreateChatStreamAsync(new ChatRequest { Prompt = "hi", Stream = true }).WithCancellation(CancellationToken.None))
        {
            text.Append(chunk.Data.Delta);
        }
        Assert.Equal("Hello", text.ToString());
        var request = await server.Request;
        Assert.StartsWith("POST /chat HTTP/1.1", request, StringComparison.Ordinal);
        Assert.EndsWith("{\"prompt\":\"hi\",\"stream\":true}", request, StringComparison.Ordinal);
        // The JSON method is still there, with its own result type.
        Func<ChatRequest, ApiCallOptions?, CancellationToken, Task<Chat>> whole = client.CreateChatAsync;
        Assert.NotNull(whole);
    }

    [Theory]
    [InlineData("application/x-ndjson", "{\"symbol\":\"ES\",\"price\":1}\r\n\n  \n{\"symbol\":\"NQ\",\"price\":2}")]
    [InlineData("application/jsonl", "{\"symbol\":\"ES\",\"price\":1}\n{\"symbol\":\"NQ\",\"price\":2}\n")]
    [InlineData("application/json-seq", "\u001e{\"symbol\":\"ES\",\"price\":1}\n\u001e{\"symbol\":\"NQ\",\"price\":2}\n")]
    public async Task JSON_lines_and_sequences_arrive_record_by_record(string mediaType, string body)
    {
        var split = body.IndexOf('\n', StringComparison.Ordinal) + 1;
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentLastAfterFirst = false;
        await using var server = new StreamingServer(async connection =>
        {
            await connection.WriteHeadAsync(mediaType);
            await connection.WriteAsync(body[..split]);
            sentLastAfterFirst = await Task.WhenAny(firstReceived.Task, Task.Delay(Guard)) == firstReceived.Task;
            await connection.WriteAsync(body[split..]);
        });
        var client = ClientOf(server);
        var stream = mediaType switch
        {
            "application/x-ndjson" => client.ExportTicksAsync(),
            "application/jsonl" => client.ExportTicksJsonlAsync(),
            _ => client.ExportTickSequenceAsync(),
        };
        var ticks = new List<Tick>();
        await foreach (var tick in stream)
        {
            ticks.Add(tick);
            firstReceived.TrySetResult();
        }
        Assert.True(sentLastAfterFirst);
        Assert.Equal(["ES", "NQ"], ticks.Select(t => t.Symbol));
        Assert.Contains($"Accept: {mediaType}", await server.Request, StringComparison.Ordinal);
    }

    /// <summary>Hands out one byte per read, so every line end falls on a read boundary somewhere.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= bytes.Length || count == 0) return 0;
            buffer[offset] = bytes[_position++];
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
