using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Apiforge.Benchmarks;

/// <summary>
/// One call of the seed spec's POST /user/createtradingpermission: serialize the body, send it through an in-memory
/// handler (which reads the request body, so lazy serializers pay too), deserialize a canned 200 response.
/// </summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    public const string ResponseJson =
        "{\"errorText\":\"\",\"tradingPermission\":{\"id\":9001,\"userId\":42,\"accountId\":7,\"accountHolderContact\":\"Ada Lovelace\"," +
        "\"accountHolderEmail\":\"ada@example.com\",\"ctaContact\":\"Charles Babbage\",\"ctaEmail\":\"charles@example.com\"," +
        "\"status\":\"Approved\",\"updated\":\"2024-05-01T12:34:56.789+00:00\",\"approvedById\":5}}";

    private const string BaseAddress = "https://live.tradovateapi.com/v1/";

    private HttpClient _handWrittenHttp = null!;
    private HttpClient _apiforgeHttp = null!;
    private HttpClient _nswagHttp = null!;
    private HttpClient _nswagStjHttp = null!;
    private HandWritten.SeedClient _handWritten = null!;
    private global::Bench.Apiforge.SeedClient _apiforge = null!;
    private global::Bench.NSwag.Client _nswag = null!;
    private global::Bench.NSwagStj.Client _nswagStj = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWrittenHttp = new HttpClient(new InMemoryHandler(ResponseJson)) { BaseAddress = new Uri(BaseAddress) };
        _apiforgeHttp = new HttpClient(new InMemoryHandler(ResponseJson)) { BaseAddress = new Uri(BaseAddress) };
        _nswagHttp = new HttpClient(new InMemoryHandler(ResponseJson)) { BaseAddress = new Uri(BaseAddress) };
        _nswagStjHttp = new HttpClient(new InMemoryHandler(ResponseJson)) { BaseAddress = new Uri(BaseAddress) };
        _handWritten = new HandWritten.SeedClient(_handWrittenHttp);
        _apiforge = new global::Bench.Apiforge.SeedClient(_apiforgeHttp);
        _nswag = new global::Bench.NSwag.Client(_nswagHttp);
        _nswagStj = new global::Bench.NSwagStj.Client(_nswagStjHttp);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWrittenHttp.Dispose();
        _apiforgeHttp.Dispose();
        _nswagHttp.Dispose();
        _nswagStjHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source gen")]
    public async Task<long> HandWrittenCall()
    {
        var response = await _handWritten.CreateTradingPermissionAsync(new HandWritten.CreateTradingPermission { AccountId = 7, UserId = 42 }).ConfigureAwait(false);
        return response.TradingPermission!.Id!.Value;
    }

    [Benchmark(Description = "Apiforge generated client")]
    public async Task<long> ApiforgeCall()
    {
        var response = await _apiforge.CreateTradingPermissionAsync(new global::Bench.Apiforge.CreateTradingPermission { AccountId = 7, UserId = 42 }).ConfigureAwait(false);
        return response.TradingPermission!.Id!.Value;
    }

    // NSwag's method also takes the spec's Authorization header parameter, which Apiforge leaves to an auth handler.
    [Benchmark(Description = "NSwag generated client (Newtonsoft, its default)")]
    public async Task<long> NSwagCall()
    {
        var response = await _nswag.CreateTradingPermissionAsync("Bearer t", new global::Bench.NSwag.CreateTradingPermission { AccountId = 7, UserId = 42 }, CancellationToken.None).ConfigureAwait(false);
        return response.TradingPermission.Id;
    }

    [Benchmark(Description = "NSwag generated client (System.Text.Json)")]
    public async Task<long> NSwagStjCall()
    {
        var response = await _nswagStj.CreateTradingPermissionAsync("Bearer t", new global::Bench.NSwagStj.CreateTradingPermission { AccountId = 7, UserId = 42 }, CancellationToken.None).ConfigureAwait(false);
        return response.TradingPermission.Id;
    }
}

/// <summary>Reads the request body to its end (so every serializer has run), answers 200 with canned JSON.</summary>
internal sealed class InMemoryHandler(string responseJson) : HttpMessageHandler
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(responseJson);
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    public long RequestBytes { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var sink = new CountingStream();
            await request.Content.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
            RequestBytes = sink.Length;
        }
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = s_json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        // Stream's own WriteAsync(byte[], ...) goes through BeginWrite on the thread pool: ByteArrayContent calls it.
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
