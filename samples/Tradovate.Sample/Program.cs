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
// the first login with a time penalty and issues tokens that live 4 seconds, so a renewal shows up too.
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
    // Tradovate: never retry a mutation automatically; reads may be retried.
    .AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());

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
Console.WriteLine($"session: {session.Logins} login(s), {session.Penalties} penalty(ies) waited out, {session.Renewals} renewal(s); token expires {session.ExpiresAt:O}");
