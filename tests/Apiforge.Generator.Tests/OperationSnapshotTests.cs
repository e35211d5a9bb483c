namespace Apiforge.Generator.Tests;

/// <summary>The focused operation documents (shared with the client round trips): client snapshots and clean compiles.</summary>
public class OperationSnapshotTests
{
    private static SpecFile ClientSpec(string file, string ns)
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Apiforge.Client.Tests", "specs", file);
        return new SpecFile(path, File.ReadAllText(path), ns);
    }

    [Theory]
    [InlineData("operations.yaml", "Ops")]
    [InlineData("swagger2.yaml", "Legacy")]
    public void Operation_documents_compile_and_match_the_client_snapshot(string file, string ns)
    {
        var result = GeneratorHarness.Run(ClientSpec(file, ns));
        // Only the AF0013 notes of the document's deliberate name collisions.
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("AF0013", d.Id));
        CompileTests.AssertCompilesCleanly(result);
        var client = result.Sources.Single(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal) && !s.HintName.Contains(".Models.", StringComparison.Ordinal));
        Snapshots.Verify("Operations." + client.HintName.Replace(".g.cs", "", StringComparison.Ordinal), client.SourceText.ToString());
    }

    [Fact]
    public void Webhook_and_callback_bodies_get_types_but_no_methods()
    {
        var result = GeneratorHarness.Run(ClientSpec("operations.yaml", "Ops"));
        var hints = result.Sources.Select(s => s.HintName).ToList();
        Assert.Contains(hints, h => h.EndsWith(".Models.ItemCreatedRequest.g.cs", StringComparison.Ordinal));
        Assert.Contains(hints, h => h.EndsWith(".Models.OnEventRequest.g.cs", StringComparison.Ordinal));
        var client = result.Source("Ops.OperationsClient.g.cs");
        Assert.DoesNotContain("ItemCreatedAsync", client, StringComparison.Ordinal);
        Assert.DoesNotContain("OnEventAsync", client, StringComparison.Ordinal);
    }
}
