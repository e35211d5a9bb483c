using System.Net;
using System.Text;

namespace Apiforge.Runtime.Tests;

/// <summary>A clock the test moves by hand (timers are not needed: retry delays in these tests are zero).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>Answers every request with a canned response and keeps what was sent.</summary>
internal sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK, string responseBody = "{}", string contentType = "application/json") : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers)> Requests { get; } = new();

    public HttpStatusCode Status { get; set; } = status;

    public string ResponseBody { get; set; } = responseBody;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (Requests) Requests.Add((request.Method, request.RequestUri!, headers));
        return Task.FromResult(new HttpResponseMessage(Status)
        {
            Content = new StringContent(ResponseBody, Encoding.UTF8, contentType),
            RequestMessage = request,
        });
    }
}

/// <summary>An HttpListener on 127.0.0.1 answering every request with one JSON body; keeps the requests' headers and paths.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private LoopbackServer(HttpListener listener, Uri baseAddress, string body)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                lock (Requests) Requests.Add((context.Request.Url!.PathAndQuery, context.Request.Headers["Authorization"], context.Request.Headers["X-Api-Key"]));
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public Uri BaseAddress { get; }

    public List<(string Path, string? Authorization, string? ApiKey)> Requests { get; } = new();

    public static LoopbackServer Start(string body)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/api/");
            try
            {
                listener.Start();
                return new LoopbackServer(listener, new Uri($"http://127.0.0.1:{port}/api/"), body);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
