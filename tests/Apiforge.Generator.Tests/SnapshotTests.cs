namespace Apiforge.Generator.Tests;

public class SnapshotTests
{
    [Fact]
    public void Seed_output_matches_the_snapshots()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("tradovate-seed.yaml", ns: "Acme", clientName: "AcmeClient"));
        Assert.Empty(result.GeneratorDiagnostics);
        var hints = result.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "Acme.AcmeClient.Models.CreateTradingPermission.g.cs",
                "Acme.AcmeClient.Models.TradingPermission.g.cs",
                "Acme.AcmeClient.Models.TradingPermissionResponse.g.cs",
                "Acme.AcmeClient.Models.TradingPermissionStatus.g.cs",
                "Acme.AcmeClient.g.cs",
                "Acme.AcmeClientJsonContext.g.cs",
            },
            hints);
        foreach (var source in result.Sources)
        {
            Snapshots.Verify("Seed." + source.HintName.Replace(".g.cs", "", StringComparison.Ordinal), source.SourceText.ToString());
        }
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.Spec("tradovate-partner.json"));
        var second = GeneratorHarness.Run(GeneratorHarness.Spec("tradovate-partner.json"));
        Assert.Equal(
            first.Sources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }
}
