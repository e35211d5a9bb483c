using Xunit.Abstractions;
using Xunit.Sdk;

namespace Apiforge.Conformance.Tests;

[CollectionDefinition(Name)]
public sealed class AutoRestCollection : ICollectionFixture<AutoRestFixture>
{
    public const string Name = "AutoRest test server";
}

/// <summary>The server, the clients, and which report scenarios each of our scenarios hit.</summary>
public sealed class AutoRestFixture : IDisposable
{
    public AutoRestFixture()
    {
        Server = new AutoRestServer();
        Clients = new Clients(Server.BaseAddress);
    }

    public AutoRestServer Server { get; }

    public Clients Clients { get; }

    /// <summary>Report scenarios hit while a failing scenario ran: not counted as passed.</summary>
    public HashSet<string> HitByFailures { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        Clients.Dispose();
        Server.Dispose();
    }
}

[Collection(AutoRestCollection.Name)]
[TestCaseOrderer("Apiforge.Conformance.Tests.CoverageLastOrderer", "Apiforge.Conformance.Tests")]
public sealed class ConformanceTests(AutoRestFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Passing() => Names(pending: false);

    public static TheoryData<string> Pending() => Names(pending: true);

    [Theory]
    [MemberData(nameof(Passing))]
    public async Task Scenario(string name)
    {
        var scenario = Scenarios.ByName[name];
        var before = fixture.Server.Report();
        try
        {
            await scenario.Run(fixture.Clients);
        }
        catch
        {
            RecordHits(before, fixture.HitByFailures);
            throw;
        }
    }

    /// <summary>Scenarios that need work outside this suite (named in the reason): they must still fail; when one passes, move it to the passing table.</summary>
    [Theory]
    [Trait("Category", "ConformancePending")]
    [MemberData(nameof(Pending))]
    public async Task PendingScenario(string name)
    {
        var scenario = Scenarios.ByName[name];
        var before = fixture.Server.Report();
        Exception? failure = null;
        try
        {
            await scenario.Run(fixture.Clients);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        RecordHits(before, fixture.HitByFailures);
        Assert.True(failure is not null, $"{name} passes now: remove its pending mark ({scenario.Pending}).");
        output.WriteLine($"still failing as expected ({scenario.Pending}): {failure!.GetType().Name}: {failure.Message}");
    }

    /// <summary>Runs after every scenario (see <see cref="CoverageLastOrderer"/>): the server's own coverage report.</summary>
    [Fact]
    public void Coverage()
    {
        var report = fixture.Server.Report();
        var summary = CoverageReport.Summarize(report, fixture.HitByFailures);
        var text = summary.ToText();
        output.WriteLine(text);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "autorest-coverage.txt"), text);
        Assert.True(summary.UnexpectedlyNotHit.Count == 0,
            "Vanilla scenarios not hit and not listed as not expressible:" + Environment.NewLine + string.Join(Environment.NewLine, summary.UnexpectedlyNotHit));
    }

    private void RecordHits(Dictionary<string, int> before, HashSet<string> into)
    {
        foreach (var (key, count) in fixture.Server.Report())
        {
            if (count > before.GetValueOrDefault(key))
            {
                into.Add(key);
            }
        }
    }

    private static TheoryData<string> Names(bool pending)
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Scenarios.All.Where(s => (s.Pending is not null) == pending))
        {
            data.Add(scenario.Name);
        }

        return data;
    }
}

/// <summary>Scenarios in table order, the coverage check last.</summary>
public sealed class CoverageLastOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
        => testCases.OrderBy(testCase => testCase.TestMethod.Method.Name == nameof(ConformanceTests.Coverage) ? 1 : 0);
}
