using System.Reflection;
using Apiforge.Runtime;
using Xunit.Abstractions;

namespace Apiforge.Prism.Tests;

/// <summary>A test over a corpus document: skipped with a message when ../shared/corpus is not beside the repository.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string file)
    {
        if (PrismTests.CorpusDocument(file) is null) Skip = $"../shared/corpus/{file} is not beside the repository";
    }
}

/// <summary>
/// Every operation of a document called through its generated client against Prism's mock of the same document,
/// with synthesized arguments: Prism must report no request violation, and every response it produces must be read.
/// </summary>
public class PrismTests(ITestOutputHelper output)
{
    internal static string? CorpusDocument(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", file);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [Fact]
    public Task Tradovate_partner_document()
        => RunAsync(Path.Combine(PrismServer.RepositoryRoot, "specs", "tradovate-partner.json"), "PrismTradovate.TradovateClient");

    [CorpusFact("oai-petstore-expanded.yaml")]
    public Task Petstore_expanded() => RunAsync(CorpusDocument("oai-petstore-expanded.yaml")!, "PrismPetstoreExpanded.PetstoreClient");

    [CorpusFact("swagger-petstore-v3.yaml")]
    public Task Swagger_petstore_v3() => RunAsync(CorpusDocument("swagger-petstore-v3.yaml")!, "PrismPetstoreV3.PetstoreClient");

    [CorpusFact("redocly-museum.yaml")]
    public Task Redocly_museum() => RunAsync(CorpusDocument("redocly-museum.yaml")!, "PrismMuseum.MuseumClient");

    [CorpusFact("twilio-messaging-v1.yaml")]
    public Task Twilio_messaging() => RunAsync(CorpusDocument("twilio-messaging-v1.yaml")!, "PrismTwilio.TwilioClient");

    private sealed record Outcome(string Operation, string Request, string? Violations, int? Status, string? Failure);

    private async Task RunAsync(string document, string clientTypeName)
    {
        var clientType = typeof(PrismTests).Assembly.GetType(clientTypeName)
            ?? throw new InvalidOperationException($"{clientTypeName} was not generated from {document}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await using var prism = await PrismServer.StartAsync(document, timeout.Token);
        var recorder = new ViolationRecorder(new SocketsHttpHandler { AllowAutoRedirect = false });
        var credentials = new ApiCredentials()
            .UseBearer(AccessTokenSource.FromToken("prism-token"))
            .UseApiKey("prism-key")
            .UseBasic("prism-user", "prism-password");
        using var http = new HttpClient(new ApiAuthenticationHandler(credentials, recorder)) { BaseAddress = prism.Address, Timeout = TimeSpan.FromSeconds(30) };
        var client = Activator.CreateInstance(clientType, http)!;

        var outcomes = new List<Outcome>();
        var errorStatuses = new List<string>();
        var invalidResponses = new List<string>();
        var formArrays = new List<string>();
        foreach (var method in Operations(clientType))
        {
            var arguments = method.GetParameters().Select(p =>
                p.ParameterType == typeof(CancellationToken) ? timeout.Token :
                p.HasDefaultValue ? p.DefaultValue :
                ArgumentFactory.Create(p.ParameterType, p.Name!)).ToArray();
            int? status = null;
            string? failure = null;
            try
            {
                var task = await CallAsync(client, method, arguments);
                var result = task.GetType().GetProperty("Result")?.GetValue(task);
                switch (result)
                {
                    case ApiResult apiResult:
                        status = apiResult.StatusCode;
                        break;
                    case FileResponse file:
                        status = file.StatusCode;
                        await file.DisposeAsync();
                        break;
                }
            }
            catch (ApiException ex) when (!IsUnreadBody(ex))
            {
                // A documented error or redirect status, read and raised as the client should.
                status = ex.StatusCode;
                errorStatuses.Add($"{method.Name} -> {ex.StatusCode}");
            }
            catch (ApiException ex)
            {
                status = ex.StatusCode;
                failure = $"{ex.GetType().Name}: {ex.Message}";
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !timeout.IsCancellationRequested)
            {
                failure = $"{ex.GetType().Name}: {ex.Message}";
            }
            if (recorder.LastResponseViolations is not null) invalidResponses.Add(method.Name);
            if (recorder.LastPrismLimitation is not null) formArrays.Add(method.Name);
            outcomes.Add(new Outcome(method.Name, recorder.LastRequest ?? "(not sent)", recorder.LastViolations, status, failure));
        }

        var violations = outcomes.Where(o => o.Violations is not null).ToList();
        var unread = outcomes.Where(o => o.Failure is not null && o.Violations is null).ToList();
        output.WriteLine($"{Path.GetFileName(document)}: {outcomes.Count} operations called, {violations.Count} with request violations, " +
            $"{outcomes.Count(o => o.Failure is null)} responses read, {unread.Count} responses not read");
        if (invalidResponses.Count > 0) output.WriteLine($"  responses Prism flags as breaking the document (read all the same): {string.Join(", ", invalidResponses)}");
        if (formArrays.Count > 0) output.WriteLine($"  form bodies with arrays, which Prism 5.16 cannot read (422, not counted): {string.Join(", ", formArrays)}");
        if (errorStatuses.Count > 0) output.WriteLine($"  answered with a documented non-2xx status (read as ApiException): {string.Join(", ", errorStatuses)}");
        foreach (var o in violations) output.WriteLine($"  violation {o.Operation} {o.Request} -> {o.Status}: {o.Violations}");
        foreach (var o in unread) output.WriteLine($"  not read  {o.Operation} {o.Request} -> {o.Status}: {o.Failure}");

        Assert.NotEmpty(outcomes);
        Assert.True(violations.Count == 0, $"{violations.Count} requests Prism flagged:\n" + string.Join("\n", violations.Take(20).Select(o => $"{o.Operation} {o.Request}: {o.Violations}")));
        Assert.True(unread.Count == 0, $"{unread.Count} responses not read:\n" + string.Join("\n", unread.Take(20).Select(o => $"{o.Operation} {o.Request} -> {o.Status}: {o.Failure}")));
    }

    /// <summary>Calls the method; an argument the client refuses for its pattern is replaced by one that matches, and the call repeated.</summary>
    private static async Task<Task> CallAsync(object client, MethodInfo method, object?[] arguments)
    {
        var parameters = method.GetParameters();
        for (var attempt = 0; ; attempt++)
        {
            var task = (Task)method.Invoke(client, arguments)!;
            try
            {
                await task;
                return task;
            }
            catch (ApiValidationException ex) when (attempt < 8 && PatternStrings.TryFix(ex, parameters, arguments))
            {
            }
        }
    }

    private static bool IsUnreadBody(ApiException exception)
        => exception.Message.StartsWith("The response body", StringComparison.Ordinal);

    /// <summary>Each operation once: its WithResponse method, or the simple one where there is none (a file response).</summary>
    private static IEnumerable<MethodInfo> Operations(Type clientType)
    {
        var methods = clientType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).ToList();
        var names = methods.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        return methods.Where(m => m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal) ||
                                  !names.Contains(m.Name[..^"Async".Length] + "WithResponseAsync"));
    }
}
