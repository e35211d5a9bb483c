using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;

namespace Apiforge.Generator.Tests;

/// <summary>Streaming responses: the focused document's client snapshot, and OpenAI's streaming operations compiled and called.</summary>
public class StreamingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_streaming_document_compiles_and_matches_the_client_snapshot()
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Apiforge.Client.Tests", "specs", "streaming.yaml");
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path), "Streams", "StreamsClient"));
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        Snapshots.Verify("Operations.Streams.StreamsClient", result.Source("Streams.StreamsClient.g.cs"));
    }

    [Fact]
    public void A_stream_variant_named_like_another_operation_is_renamed_with_AF0013()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: Clash, version: "1" }
            paths:
              /a:
                get:
                  operationId: feed
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json: { schema: { type: object, properties: { n: { type: integer } } } }
                        text/event-stream: { schema: { type: object, properties: { n: { type: integer } } } }
              /b:
                get:
                  operationId: feedStream
                  responses:
                    "204": { description: none }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/clash.yaml", yaml));
        CompileTests.AssertCompilesCleanly(result);
        var client = result.Source("Acme.ClashClient.g.cs");
        Assert.Contains("FeedStreamAsync(", client, StringComparison.Ordinal);
        Assert.Contains("FeedStream2Async(", client, StringComparison.Ordinal);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "AF0013" && d.Location.Kind != Microsoft.CodeAnalysis.LocationKind.None);
    }

    [SharedFact]
    public async Task OpenAI_streaming_operations_compile_and_stream_chat_completion_chunks_from_a_loopback_server()
    {
        var result = CorpusTests.Generate("corpus/openai.yaml");
        var client = result.Sources.Single(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal) && !s.HintName.Contains(".Models.", StringComparison.Ordinal)).SourceText.ToString();
        var declared = string.Join("\n", client.Split('\n').Where(l => l.Contains("StreamAsync(", StringComparison.Ordinal) && l.Contains(';', StringComparison.Ordinal)));
        foreach (var (method, item) in new[]
        {
            ("CreateChatCompletionStreamAsync", "CreateChatCompletionStreamResponse"),
            ("CreateResponseStreamAsync", "ResponseStreamEvent"),
            ("CreateImageStreamAsync", "ImageGenStreamEvent"),
            ("CreateSpeechStreamAsync", "CreateSpeechResponseStreamEvent"),
        })
        {
            Assert.True(client.Contains($"IAsyncEnumerable<__Rt::ApiServerSentEvent<global::Acme.{item}>> {method}(", StringComparison.Ordinal), $"{method} of {item} not in:\n{declared}");
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = ServeChunksAsync(listener);

        // One compilation: the emit's diagnostics are the clean-compile check (nullable on, warnings as errors in the harness).
        using var image = new MemoryStream();
        var emit = result.Output.Emit(image);
        var problems = emit.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems.Take(20)));
        image.Position = 0;
        var context = new AssemblyLoadContext("openai-streaming", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var method = assembly.GetTypes().Where(t => t.IsClass && t.IsPublic).Select(t => t.GetMethod("CreateChatCompletionStreamAsync")).Single(m => m is not null)!;
            var contextType = assembly.GetTypes().Single(t => t.Name.EndsWith("JsonContext", StringComparison.Ordinal) && t.GetProperty("Options", BindingFlags.Public | BindingFlags.Static) is not null);
            var options = (JsonSerializerOptions)contextType.GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var parameters = method.GetParameters();
            var request = JsonSerializer.Deserialize("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"stream":true}""", parameters[0].ParameterType, options);
            var baseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/");
            var instance = Activator.CreateInstance(method.DeclaringType!, new HttpClient { BaseAddress = baseAddress })!;
            var arguments = parameters.Select((p, i) => i == 0 ? request : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : p.DefaultValue).ToArray();
            var stream = (IAsyncEnumerable<object>)method.Invoke(instance, arguments)!;

            var text = new StringBuilder();
            await foreach (var chunk in stream)
            {
                var data = chunk.GetType().GetProperty("Data")!.GetValue(chunk)!;
                using var json = JsonDocument.Parse(JsonSerializer.Serialize(data, data.GetType(), options));
                text.Append(json.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
            }
            Assert.Equal("Hello", text.ToString());
            var requestText = await serving.WaitAsync(Guard);
            Assert.StartsWith("POST /v1/chat/completions HTTP/1.1", requestText, StringComparison.Ordinal);
            Assert.Contains("Accept: text/event-stream", requestText, StringComparison.Ordinal);
            Assert.Contains("\"stream\":true", requestText, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Answers one request with chat completion chunks, then OpenAI's <c>[DONE]</c>; returns the request it read.</summary>
    private static async Task<string> ServeChunksAsync(TcpListener listener)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var lengthLine = text[..end].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                if (received.Count >= end + 4 + length) break;
            }
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
        // As OpenAI sends them: finish_reason is null until the last chunk (the 3.1 document still says "nullable: true").
        static string Chunk(string content, string finishReason)
            => "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":" + finishReason + "}]}\n\n";
        var body = Chunk("Hel", "null") + ": keep-alive\n\n" + Chunk("lo", "\"stop\"") + "data: [DONE]\n\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + body));
        await stream.FlushAsync();
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
