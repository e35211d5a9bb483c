using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Apiforge.Client.Tests;

/// <summary>
/// A loopback HTTP/1.1 server for one connection that a test scripts step by step: it writes the head and then the
/// body in pieces, when the test says, so a test can see what the client hands over before the body is complete.
/// </summary>
internal sealed class StreamingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Task _serving;
    private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingServer(Func<Connection, Task> script)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _serving = ServeAsync(script);
    }

    public Uri BaseAddress { get; }

    /// <summary>The request head and body as text.</summary>
    public Task<string> Request => _request.Task;

    private async Task ServeAsync(Func<Connection, Task> script)
    {
        using var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
        var stream = client.GetStream();
        var request = await ReadRequestAsync(stream).ConfigureAwait(false);
        _request.TrySetResult(request);
        try
        {
            await script(new Connection(stream)).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client went away while the script wrote: what the test looks at is on the client's side.
        }
    }

    private static async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(bytes))
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0) break;
            bytes.Add(one[0]);
        }
        var head = Encoding.ASCII.GetString(bytes.ToArray());
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var body = "";
        if (lengthLine is not null && int.TryParse(lengthLine["Content-Length:".Length..].Trim(), out var length) && length > 0)
        {
            var buffer = new byte[length];
            await stream.ReadExactlyAsync(buffer).ConfigureAwait(false);
            body = Encoding.UTF8.GetString(buffer);
        }
        return head + body;
    }

    private static bool EndsWithBlankLine(List<byte> bytes)
        => bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _serving.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Never connected to.
        }
    }

    /// <summary>The accepted connection, as the script sees it.</summary>
    internal sealed class Connection(NetworkStream stream)
    {
        /// <summary>A 200 (or other) head without Content-Length: the body ends when the connection closes.</summary>
        public Task WriteHeadAsync(string contentType, int status = 200, string reason = "OK")
            => WriteAsync($"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n");

        public async Task WriteAsync(string text)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        public async Task WriteCompleteAsync(int status, string reason, string contentType, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            await WriteAsync($"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n{body}").ConfigureAwait(false);
        }

        /// <summary>Completes when the client closes the connection (it reads until the end, or fails on a reset).</summary>
        public async Task WaitForClientToCloseAsync()
        {
            var buffer = new byte[256];
            try
            {
                while (await stream.ReadAsync(buffer).ConfigureAwait(false) > 0)
                {
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
