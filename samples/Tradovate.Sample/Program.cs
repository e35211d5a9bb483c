using System.Net;
using Apiforge.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Tradovate;
using Tradovate.Sample;

// Apiforge sample: a Tradovate session on the client generated at compile time from specs/tradovate-partner.json,
// registered with IHttpClientFactory, renewing its access token ahead of expiry.
//
// Configuration (appsettings.json beside the program, or environment variables such as Tradovate__Name):
//   Tradovate:Name, Password, AppId, AppVersion, Cid, Sec, DeviceId, and optionally BaseAddress.
// Without a name and password it plays against a loopback server started below, in this process, which answers
// the first login and the first order with a time penalty and issues tokens that live 4 seconds, so a renewal
// shows up too; then it plays an order failure, a dropped session, a 423 warning and a 429 lockout.
var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .Build();
var section = configuration.GetSection("Tradovate");
var credentials = TradovateCredentials.FromConfiguration(section);
var live = credentials is not null;

await using var server = live ? null : FakeTradovateServer.Start();
var sessionOptions = new TradovateSessionOptions
{
    Credentials = credentials ?? new TradovateCredentials
    {
        Name = FakeTradovateServer.UserName,
        Password = FakeTradovateServer.Password,
        AppId = "Apiforge sample",
        AppVersion = "1.0",
        Cid = "0",
        Sec = "sample-secret",
        DeviceId = "apiforge-sample-device",
    },
    Log = message => Console.WriteLine("  [session] " + message),
};
if (live)
{
    if (section["BaseAddress"] is { Length: > 0 } baseAddress) sessionOptions.BaseAddress = new Uri(baseAddress);
}
else
{
    server!.PenaltySeconds = 1;
    server.TokenLifetime = TimeSpan.FromSeconds(4);
    server.Log = Console.WriteLine;
    sessionOptions.BaseAddress = server.BaseAddress;
    sessionOptions.RenewalMargin = TimeSpan.FromSeconds(2.5);
}

// What an application writes: the session as the token source, the generated client registered with it.
var services = new ServiceCollection();
services.AddSingleton(_ => new TradovateSession(sessionOptions));
services.AddTradovateClient(options =>
    {
        options.BaseAddress = sessionOptions.BaseAddress;
        options.ConfigureCredentials = (provider, credentials) => credentials.UseBearer(provider.GetRequiredService<TradovateSession>());
    })
    // Tradovate's conventions on every call: time penalties waited out and resent with their ticket, order
    // failures and violations as exceptions, 429 lockouts refused locally, 423 warnings, dropped sessions.
    .AddTradovateSessionHandler()
    .AddStandardResilienceHandler(resilience =>
    {
        // Never retry 429: Tradovate locks the user out for a rolling hour and every request during it restarts
        // the hour. Nor 408, which is how a dropped session's token is answered (the session handler recovers it).
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Result?.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        // Never retry a mutation (an order) automatically; reads may be retried.
        resilience.Retry.DisableForUnsafeHttpMethods();
    });

await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<ITradovateClient>();
var session = provider.GetRequiredService<TradovateSession>();

Console.WriteLine(live ? $"Calling Tradovate at {sessionOptions.BaseAddress}" : $"Calling the loopback Tradovate server at {sessionOptions.BaseAddress}");
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
        // Past the renewal margin: the session renews the token through /auth/renewaccesstoken (KeepAlive does it
        // at the margin even when idle; otherwise the next call would, before it is sent).
        await Task.Delay(TimeSpan.FromSeconds(1.8));
        var again = await client.AccountItemAsync(firstId);
        Console.WriteLine($"account/item?id={firstId} after the renewal: {again.Name}");
        Console.WriteLine();

        var permission = await client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = firstId, UserId = account.UserId });
        Console.WriteLine($"user/createtradingpermission: permission #{permission.TradingPermission?.Id} is {permission.TradingPermission?.Status}");
        try
        {
            // The fake answers the second request with HTTP 200 and an errorText, as Tradovate does.
            await client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = firstId, UserId = account.UserId });
        }
        catch (ApiErrorTextException ex)
        {
            Console.WriteLine($"user/createtradingpermission again: ApiErrorTextException (HTTP {ex.StatusCode}): {ex.ErrorText}");
        }
        Console.WriteLine();
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

if (!live && accounts.Count > 0 && accounts[0].Id is long accountId)
{
    Console.WriteLine();
    session.Warning += (_, warning) => Console.WriteLine($"  [warning event] {warning.Method} {warning.Path}: HTTP {warning.StatusCode}");
    PlaceOrder Order(string symbol) => new()
    {
        AccountId = accountId,
        Action = PlaceOrderAction.Buy,
        Symbol = symbol,
        OrderQty = 1,
        OrderType = PlaceOrderOrderType.Market,
        IsAutomated = true,
    };

    // The fake answers the first order with a time penalty: it was not placed, so the session waits p-time and
    // resends it once with the ticket.
    server!.OrderPenaltySeconds = 0.5;
    var placed = await client.PlaceOrderAsync(Order("MESZ6"));
    Console.WriteLine($"order/placeorder MESZ6: order #{placed.OrderId} placed after the penalty ({server.OrderRequests} requests, {server.Placements} placement)");

    try
    {
        await client.PlaceOrderAsync(Order(FakeTradovateServer.UnknownSymbol));
    }
    catch (TradovateCommandFailedException ex)
    {
        Console.WriteLine($"order/placeorder {FakeTradovateServer.UnknownSymbol}: TradovateCommandFailedException: {ex.FailureReason}: {ex.FailureText}");
    }
    Console.WriteLine();

    // A third login elsewhere drops this session: its token gets 408; a probe confirms it, the session logs in again once.
    server.DropSessions();
    Console.WriteLine($"account/list after the session was dropped: {(await client.AccountListAsync()).Count} account(s); {session.DroppedSessions} dropped session recovered");
    Console.WriteLine();

    server.WarnNextRequest();
    try
    {
        await client.AccountListAsync();
    }
    catch (ApiException ex) when (ex.StatusCode == 423)
    {
        Console.WriteLine("account/list: HTTP 423, the warning before a lockout");
    }

    // A lockout: the first 429 starts it; later calls are refused in the process, since each would restart the hour.
    server.LockOut(TimeSpan.FromHours(1));
    var before = server.Requests;
    for (var call = 0; call < 3; call++)
    {
        try
        {
            await client.AccountListAsync();
        }
        catch (TradovateLockedOutException ex)
        {
            Console.WriteLine($"account/list: {(ex.RefusedLocally ? "refused locally" : "HTTP 429")}: {ex.Message}");
        }
    }
    Console.WriteLine($"requests that reached the server during the lockout: {server.Requests - before} of 3");
    server.LockOut(TimeSpan.Zero);   // the fake lets the network in again for the captcha below (a new session, no lockout state)
}

if (!live)
{
    // A captcha penalty cannot be answered by an API client: the session says what the user must do.
    using var captcha = new TradovateSession(new TradovateSessionOptions
    {
        BaseAddress = server!.BaseAddress,
        Credentials = new TradovateCredentials { Name = FakeTradovateServer.CaptchaUserName, Password = "x" },
    });
    try
    {
        await captcha.GetAccessTokenAsync(CancellationToken.None);
    }
    catch (AccessTokenAcquisitionException ex) when (ex.InnerException is TradovateSessionException { CaptchaRequired: true } inner)
    {
        Console.WriteLine();
        Console.WriteLine($"login as {FakeTradovateServer.CaptchaUserName}: {inner.Message}");
    }
}

Console.WriteLine();
Console.WriteLine($"session: {session.Logins} login(s), {session.Penalties} penalty(ies) waited out, {session.Renewals} renewal(s), " +
    $"{session.DroppedSessions} dropped session(s) recovered, {session.RefusedRequests} request(s) refused during a lockout; token expires {session.ExpiresAt:O}");
