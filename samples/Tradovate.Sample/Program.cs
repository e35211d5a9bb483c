using System.Net;
using System.Text;
using Apiforge.Runtime;
using Tradovate;

// Apiforge sample: the Tradovate partner API (350 operations) as a client generated at compile time from
// specs/tradovate-partner.json. Without TRADOVATE_ACCESS_TOKEN it plays against a loopback server started
// below, in this process; with it, it calls the demo environment.
var accessToken = Environment.GetEnvironmentVariable("TRADOVATE_ACCESS_TOKEN");
var live = !string.IsNullOrWhiteSpace(accessToken);

await using var server = live ? null : FakeTradovateServer.Start();
var baseAddress = live ? new Uri(TradovateClient.DefaultBaseAddress + "/") : server!.BaseAddress;
var tokenSource = AccessTokenSource.FromToken(live ? accessToken! : FakeTradovateServer.Token);

// The bearer handler adds the token; the logging handler inside it shows what goes on the wire.
using var http = new HttpClient(new BearerTokenHandler(tokenSource, new LoggingHandler(new HttpClientHandler()))) { BaseAddress = baseAddress };
ITradovateClient client = new TradovateClient(http);

Console.WriteLine(live ? $"Calling the Tradovate demo environment at {baseAddress}" : $"Calling the loopback Tradovate server at {baseAddress}");
Console.WriteLine();

var accounts = await client.AccountListAsync();
Console.WriteLine($"account/list: {accounts.Count} account(s)");
foreach (var account in accounts)
{
    Console.WriteLine($"  #{account.Id} {account.Name} ({account.AccountType}, {account.LegalStatus}), opened {account.Timestamp:yyyy-MM-dd}");
}
Console.WriteLine();

if (accounts.Count > 0 && accounts[0].Id is long firstId)
{
    var account = await client.AccountItemAsync(firstId);
    Console.WriteLine($"account/item?id={firstId}: {account.Name}, margin {account.MarginAccountType}, restricted: {account.Restricted}");
    Console.WriteLine();

    if (!live)
    {
        var permission = await client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = firstId, UserId = account.UserId });
        if (!string.IsNullOrEmpty(permission.ErrorText))
        {
            Console.WriteLine($"user/createtradingpermission failed: {permission.ErrorText}");
        }
        else if (permission.TradingPermission is { } created)
        {
            Console.WriteLine($"user/createtradingpermission: permission #{created.Id} for account {created.AccountId} is {created.Status} (updated {created.Updated:O})");
        }
    }
}

try
{
    await client.AccountItemAsync(-1);
}
catch (ApiException ex)
{
    Console.WriteLine($"account/item?id=-1: ApiException {ex.StatusCode}: {ex.Response}");
}

/// <summary>Prints each request and response as it passes.</summary>
internal sealed class LoggingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Console.WriteLine($"> {request.Method} {request.RequestUri}");
        if (request.Headers.Authorization is { } auth) Console.WriteLine($"> Authorization: {auth.Scheme} <{auth.Parameter?.Length ?? 0} characters>");
        if (request.Content is not null) Console.WriteLine("> " + await request.Content.ReadAsStringAsync(cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Console.WriteLine($"< {(int)response.StatusCode} {body}");
        return response;
    }
}

/// <summary>Plays a few Tradovate operations on 127.0.0.1, with the answers the API documents.</summary>
internal sealed class FakeTradovateServer : IAsyncDisposable
{
    public const string Token = "sample-access-token";

    private readonly HttpListener _listener;
    private readonly Task _loop;

    private FakeTradovateServer(HttpListener listener, Uri baseAddress)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

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
            var (status, body) = Answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static (int Status, string Body) Answer(HttpListenerRequest request)
    {
        if (request.Headers["Authorization"] != "Bearer " + Token)
        {
            return (401, "{\"errorText\":\"Access is denied\"}");
        }
        var path = request.Url!.AbsolutePath;
        switch (request.HttpMethod, path)
        {
            case ("GET", "/v1/account/list"):
                return (200, $"[{Account(1001, "DEMO1001")},{Account(1002, "DEMO1002")}]");
            case ("GET", "/v1/account/item"):
                return long.TryParse(request.QueryString["id"], out var id) && id > 0
                    ? (200, Account(id, "DEMO" + id))
                    : (404, "{\"errorText\":\"Account not found\"}");
            case ("POST", "/v1/user/createtradingpermission"):
                using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                {
                    using var json = System.Text.Json.JsonDocument.Parse(reader.ReadToEnd());
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
