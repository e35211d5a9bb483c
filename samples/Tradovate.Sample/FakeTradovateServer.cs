using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Tradovate.Sample;

/// <summary>
/// Plays the Tradovate API on 127.0.0.1 with the answers it documents: logins and orders with a time penalty
/// (p-ticket, p-time, p-captcha), tokens that expire, renewal, errorText in a 200 answer, failureReason/failureText
/// and violations on orders, 401 for a missing or expired token, 423 warnings, 429 lockouts that every request
/// restarts, and dropped sessions (their tokens get 408).
/// </summary>
internal sealed class FakeTradovateServer : IAsyncDisposable
{
    public const string UserName = "demo-user";
    public const string Password = "demo-password";

    /// <summary>A login with this name is answered with a captcha penalty.</summary>
    public const string CaptchaUserName = "captcha-user";

    /// <summary>An order for this symbol is answered with HTTP 200, failureReason and failureText.</summary>
    public const string UnknownSymbol = "NOSUCH";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tickets = new(StringComparer.Ordinal);
    private int _tokenCounter;
    private int _logins;
    private int _renewals;
    private int _penalties;
    private int _permissions;
    private int _requests;
    private int _placements;
    private int _orderRequests;
    private int _orderPenalties;
    private int _warnNext;
    private long _lockedUntilTicks;
    private TimeSpan _lockout;
    private readonly ConcurrentDictionary<string, bool> _dropped = new(StringComparer.Ordinal);

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

    /// <summary>The first order without a ticket is answered with a penalty of this many seconds; null: no penalty.</summary>
    public double? OrderPenaltySeconds { get; set; }

    /// <summary>How many requests arrived, of any kind.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many orders were placed.</summary>
    public int Placements => Volatile.Read(ref _placements);

    /// <summary>How many order/placeorder requests arrived (placed, penalised, rejected or refused).</summary>
    public int OrderRequests => Volatile.Read(ref _orderRequests);

    /// <summary>The status a dropped session's token gets (Tradovate: 408, 429 or 500).</summary>
    public int DroppedSessionStatus { get; set; } = 408;

    /// <summary>Locks the user out: every request gets 429 for <paramref name="duration"/>, and each one during it restarts it.</summary>
    public void LockOut(TimeSpan duration)
    {
        _lockout = duration;
        Volatile.Write(ref _lockedUntilTicks, (DateTimeOffset.UtcNow + duration).UtcTicks);
    }

    /// <summary>The next request is answered 423, the warning before a lockout.</summary>
    public void WarnNextRequest() => Volatile.Write(ref _warnNext, 1);

    /// <summary>Drops every live session, as a third login elsewhere drops the oldest: their tokens get <see cref="DroppedSessionStatus"/>.</summary>
    public void DropSessions()
    {
        foreach (var token in _tokens.Keys)
        {
            if (_tokens.TryRemove(token, out _)) _dropped[token] = true;
        }
    }

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
        Interlocked.Increment(ref _requests);
        if (request.Url!.AbsolutePath == "/v1/order/placeorder") Interlocked.Increment(ref _orderRequests);
        var now = DateTimeOffset.UtcNow;
        if (now.UtcTicks < Volatile.Read(ref _lockedUntilTicks))
        {
            // A request during the lockout restarts the hour.
            Volatile.Write(ref _lockedUntilTicks, (now + _lockout).UtcTicks);
            return (429, "");
        }
        if (Interlocked.Exchange(ref _warnNext, 0) == 1)
        {
            return (423, "");
        }
        if (Bearer(request) is { } presented && _dropped.ContainsKey(presented))
        {
            return (DroppedSessionStatus, "");
        }
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
            case ("GET", "/v1/auth/me"):
                return (200, "{\"userId\":42,\"name\":\"" + UserName + "\",\"fullName\":\"Demo User\",\"email\":\"demo@example.com\",\"emailVerified\":true,\"isTrial\":false}");
            case ("POST", "/v1/order/placeorder"):
                return PlaceOrder(body);
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
        // The first login (and a ticket sent too early) gets a penalty, as a busy subnet would.
        if (Penalty(root, PenaltySeconds, firstOnly: Logins == 0) is { } penalty)
        {
            return penalty;
        }
        if (name != UserName || password != Password)
        {
            return (200, "{\"errorText\":\"Incorrect username or password. Please try again.\"}");
        }
        return (200, IssueToken(renewal: false));
    }

    /// <summary>
    /// A penalty answer when <paramref name="seconds"/> is set and the request carries no valid ticket (the first
    /// request only, unless it brings a ticket that is spent, unknown or early). A ticket is good for one request.
    /// </summary>
    private (int Status, string Body)? Penalty(JsonElement root, double? seconds, bool firstOnly)
    {
        if (seconds is not { } wait) return null;
        var ticket = root.TryGetProperty("p-ticket", out var t) ? t.GetString() : null;
        var now = DateTimeOffset.UtcNow;
        var valid = ticket is not null && _tickets.TryRemove(ticket, out var notBefore) && now >= notBefore - TimeSpan.FromMilliseconds(20);
        if (valid || (ticket is null && !firstOnly)) return null;
        var issued = "ticket-" + Guid.NewGuid().ToString("N");
        _tickets[issued] = now + TimeSpan.FromSeconds(wait);
        Interlocked.Increment(ref _penalties);
        return (200, "{\"p-ticket\":\"" + issued + "\",\"p-time\":" + wait.ToString(CultureInfo.InvariantCulture) + ",\"p-captcha\":false}");
    }

    private (int Status, string Body) PlaceOrder(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (Penalty(root, OrderPenaltySeconds, firstOnly: Volatile.Read(ref _orderPenalties) == 0) is { } penalty)
        {
            Interlocked.Increment(ref _orderPenalties);
            return penalty;
        }
        var symbol = root.TryGetProperty("symbol", out var s) ? s.GetString() : null;
        var quantity = root.TryGetProperty("orderQty", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt64() : 0;
        if (quantity <= 0)
        {
            return (400, "{\"violations\":[{\"constraint\":\"positive\",\"value\":" + quantity.ToString(CultureInfo.InvariantCulture) +
                ",\"description\":\"orderQty must be positive\"}]}");
        }
        if (symbol == UnknownSymbol)
        {
            return (200, "{\"failureReason\":\"InvalidContract\",\"failureText\":\"Unknown contract symbol " + UnknownSymbol + "\"}");
        }
        var orderId = 5000 + Interlocked.Increment(ref _placements);
        return (200, "{\"orderId\":" + orderId.ToString(CultureInfo.InvariantCulture) + ",\"failureReason\":\"Success\"}");
    }

    private static string? Bearer(HttpListenerRequest request)
    {
        var header = request.Headers["Authorization"];
        return header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
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
        token = Bearer(request);
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
