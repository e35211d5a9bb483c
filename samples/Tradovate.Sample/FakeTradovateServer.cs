using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Tradovate.Sample;

/// <summary>
/// Plays the Tradovate API on 127.0.0.1 with the answers it documents: logins with a time penalty (p-ticket,
/// p-time, p-captcha), tokens that expire, renewal, errorText in a 200 answer, 401 for a missing or expired token.
/// </summary>
internal sealed class FakeTradovateServer : IAsyncDisposable
{
    public const string UserName = "demo-user";
    public const string Password = "demo-password";

    /// <summary>A login with this name is answered with a captcha penalty.</summary>
    public const string CaptchaUserName = "captcha-user";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tickets = new(StringComparer.Ordinal);
    private int _tokenCounter;
    private int _logins;
    private int _renewals;
    private int _penalties;
    private int _permissions;

    private FakeTradovateServer(HttpListener listener, Uri baseAddress)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>How long an issued token lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>The first login without a ticket is answered with a penalty of this many seconds; null: no penalty.</summary>
    public double? PenaltySeconds { get; set; }

    /// <summary>How many logins were answered with a token.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>How many renewals were answered with a token.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>How many penalties were imposed.</summary>
    public int Penalties => Volatile.Read(ref _penalties);

    /// <summary>Prints requests and answers (tokens and passwords masked) when set.</summary>
    public Action<string>? Log { get; set; }

    public static FakeTradovateServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000);
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/v1/");
            try
            {
                listener.Start();
                return new FakeTradovateServer(listener, new Uri($"http://127.0.0.1:{port}/v1/"));
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task LoopAsync()
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
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            string requestBody;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                requestBody = await reader.ReadToEndAsync();
            }
            var (status, body) = Answer(context.Request, requestBody);
            Log?.Invoke($"  [server] {context.Request.HttpMethod} {context.Request.Url!.PathAndQuery} {Mask(requestBody)}-> {status} {Mask(body)}");
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener stopped mid-answer.
        }
    }

    private (int Status, string Body) Answer(HttpListenerRequest request, string body)
    {
        var path = request.Url!.AbsolutePath;
        switch (request.HttpMethod, path)
        {
            case ("POST", "/v1/auth/accesstokenrequest"):
                return Login(body);
            case ("GET", "/v1/auth/renewaccesstoken"):
                return IsValid(request, out _) ? (200, IssueToken(renewal: true)) : (401, "");
        }
        if (!IsValid(request, out _))
        {
            return (401, "");
        }
        switch (request.HttpMethod, path)
        {
            case ("GET", "/v1/account/list"):
                return (200, $"[{Account(1001, "DEMO1001")},{Account(1002, "DEMO1002")}]");
            case ("GET", "/v1/account/item"):
                return long.TryParse(request.QueryString["id"], out var id) && id > 0
                    ? (200, Account(id, "DEMO" + id))
                    : (404, "{\"errorText\":\"Account not found\"}");
            case ("POST", "/v1/user/createtradingpermission"):
                using (var json = JsonDocument.Parse(body))
                {
                    if (Interlocked.Increment(ref _permissions) > 1)
                    {
                        return (200, "{\"errorText\":\"A trading permission for this account was requested already\"}");
                    }
                    var accountId = json.RootElement.GetProperty("accountId").GetInt64();
                    var userId = json.RootElement.GetProperty("userId").GetInt64();
                    return (200, "{\"tradingPermission\":{\"id\":77,\"userId\":" + userId + ",\"accountId\":" + accountId +
                        ",\"accountHolderContact\":\"Jane Doe\",\"accountHolderEmail\":\"jane@example.com\",\"ctaContact\":\"CTA Desk\"," +
                        "\"ctaEmail\":\"cta@example.com\",\"status\":\"Requested\",\"updated\":\"2024-01-15T09:30:00Z\"}}");
                }
            default:
                return (404, "{\"errorText\":\"Unknown operation\"}");
        }
    }

    private (int Status, string Body) Login(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() : null;
        var password = root.TryGetProperty("password", out var p) ? p.GetString() : null;
        if (name == CaptchaUserName)
        {
            Interlocked.Increment(ref _penalties);
            return (200, "{\"p-ticket\":\"captcha-ticket\",\"p-time\":3600,\"p-captcha\":true}");
        }
        var ticket = root.TryGetProperty("p-ticket", out var t) ? t.GetString() : null;
        if (PenaltySeconds is { } seconds)
        {
            var now = DateTimeOffset.UtcNow;
            var valid = ticket is not null && _tickets.TryRemove(ticket, out var notBefore) && now >= notBefore - TimeSpan.FromMilliseconds(20);
            if (!valid && (ticket is not null || Logins == 0))
            {
                // The first login (and a ticket sent too early) gets a penalty, as a busy subnet would.
                var issued = "ticket-" + Guid.NewGuid().ToString("N");
                _tickets[issued] = now + TimeSpan.FromSeconds(seconds);
                Interlocked.Increment(ref _penalties);
                return (200, "{\"p-ticket\":\"" + issued + "\",\"p-time\":" + seconds.ToString(CultureInfo.InvariantCulture) + ",\"p-captcha\":false}");
            }
        }
        if (name != UserName || password != Password)
        {
            return (200, "{\"errorText\":\"Incorrect username or password. Please try again.\"}");
        }
        return (200, IssueToken(renewal: false));
    }

    private string IssueToken(bool renewal)
    {
        var number = Interlocked.Increment(ref _tokenCounter);
        var token = "fake-token-" + number.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        var expires = DateTimeOffset.UtcNow + TokenLifetime;
        _tokens[token] = expires;
        Interlocked.Increment(ref renewal ? ref _renewals : ref _logins);
        return "{\"accessToken\":\"" + token + "\",\"mdAccessToken\":\"md-" + token + "\",\"expirationTime\":\"" +
            expires.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) +
            "\",\"passwordExpirationTime\":\"2030-01-01T00:00:00Z\",\"userStatus\":\"Active\",\"userId\":42,\"name\":\"" + UserName + "\",\"hasLive\":false}";
    }

    private bool IsValid(HttpListenerRequest request, out string? token)
    {
        var header = request.Headers["Authorization"];
        token = header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        return token is not null && _tokens.TryGetValue(token, out var expires) && DateTimeOffset.UtcNow < expires;
    }

    /// <summary>Hides tokens and passwords in what is printed.</summary>
    internal static string Mask(string text)
        => System.Text.RegularExpressions.Regex.Replace(text, "\"(accessToken|mdAccessToken|password|sec)\":\"[^\"]*\"", "\"$1\":\"***\"");

    private static string Account(long id, string name)
        => "{\"id\":" + id + ",\"name\":\"" + name + "\",\"userId\":42,\"accountType\":\"Customer\",\"active\":true,\"clearingHouseId\":2," +
           "\"riskCategoryId\":2,\"autoLiqProfileId\":2,\"marginAccountType\":\"Speculator\",\"legalStatus\":\"Individual\"," +
           "\"timestamp\":\"2024-01-15T09:30:00Z\",\"restricted\":false,\"closed\":false,\"readonly\":false}";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
