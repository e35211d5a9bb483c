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

    /// <summary>
    /// Scenarios marked pending (none today): each must still fail; when one passes, its mark must go. One fact over
    /// the list, so the suite stays green when the list is empty.
    /// </summary>
    [Fact]
    [Trait("Category", "ConformancePending")]
    public async Task PendingScenarios()
    {
        var passingNow = new List<string>();
        foreach (var scenario in Scenarios.All.Where(s => s.Pending is not null))
        {
            var before = fixture.Server.Report();
            try
            {
                await scenario.Run(fixture.Clients);
                passingNow.Add($"{scenario.Name} ({scenario.Pending})");
            }
            catch (Exception ex)
            {
                output.WriteLine($"{scenario.Name} still failing as expected ({scenario.Pending}): {ex.GetType().Name}: {ex.Message}");
            }

            RecordHits(before, fixture.HitByFailures);
        }

        Assert.True(passingNow.Count == 0, "pending scenarios pass now, remove their marks: " + string.Join(", ", passingNow));
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
