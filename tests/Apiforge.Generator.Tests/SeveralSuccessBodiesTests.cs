namespace Apiforge.Generator.Tests;

/// <summary>Several 2xx bodies: the generated result class and the per-status reads (snapshot, clean compile).</summary>
public class SeveralSuccessBodiesTests
{
    [Fact]
    public void Several_success_bodies_compile_and_match_the_client_snapshot()
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Apiforge.Client.Tests", "specs", "several2xx.yaml");
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path), "Several"));
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        var client = result.Source("Several.SeveralClient.g.cs");
        // 203 has the first status's type: read into Value, no property of its own.
        Assert.DoesNotContain("Status203", client, StringComparison.Ordinal);
        Snapshots.Verify("Operations.Several.SeveralClient", client);
    }
}
