using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Apiforge.Runtime.Tests;

/// <summary>One HTTP/1.1 request as it arrived on the socket: the raw head and body bytes, and its parts.</summary>
internal sealed record RawRequest(string Head, byte[] Body)
{
    public string RequestLine => Head[..Head.IndexOf("\r\n", StringComparison.Ordinal)];

    public string Method => RequestLine.Split(' ')[0];

    /// <summary>The request target exactly as sent (still escaped).</summary>
    public string Target => RequestLine.Split(' ')[1];

    public string? Header(string name)
        => Head.Split("\r\n").Skip(1)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A loopback HTTP server on a raw socket (port 0, any 127.x.y.z address): records every request's bytes and
/// answers through a delegate that writes raw bytes, so tests can send what no well-behaved server sends (a body
/// that stalls, a connection closed mid-body, hundreds of megabytes streamed from one small buffer).
/// One request per connection.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawRequest, NetworkStream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<Task> _connections = new();

    private RawHttpServer(IPAddress address, Func<RawRequest, NetworkStream, CancellationToken, Task> respond)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _respond = respond;
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseAddress = new Uri($"http://{address}:{port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress { get; }

    public List<RawRequest> Requests { get; } = new();

    public static RawHttpServer Start(Func<RawRequest, NetworkStream, CancellationToken, Task> respond, string address = "127.0.0.1")
        => new(IPAddress.Parse(address), respond);

    /// <summary>A server answering every request with one fixed response.</summary>
    public static RawHttpServer Answering(int status, string body = "{}", string? extraHeaders = null, string address = "127.0.0.1")
        => Start((_, stream, ct) => WriteAsync(stream, status, body, extraHeaders, ct), address);

    public RawRequest Single()
    {
        lock (Requests) return Assert.Single(Requests);
    }

    public int Count
    {
        get
        {
            lock (Requests) return Requests.Count;
        }
    }

    public static async Task WriteAsync(NetworkStream stream, int status, string body, string? extraHeaders, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        await stream.WriteAsync(bytes, ct);
    }

    public static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        401 => "Unauthorized",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            lock (_connections) _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null) return;
                lock (Requests) Requests.Add(request);
                await _respond(request, stream, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client went away (it stopped reading a long body): expected in these tests.
            }
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, ct) == 0) return null;
            buffer.Add(one[0]);
            var n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n') break;
        }
        var head = Encoding.Latin1.GetString(buffer.ToArray());
        var request = new RawRequest(head, Array.Empty<byte>());
        var length = int.TryParse(request.Header("Content-Length"), out var l) ? l : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        return request with { Body = body };
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        Task[] connections;
        lock (_connections) connections = _connections.ToArray();
        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
