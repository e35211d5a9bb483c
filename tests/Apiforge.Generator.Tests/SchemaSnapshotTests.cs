namespace Apiforge.Generator.Tests;

/// <summary>Snapshots of the schema shapes in tests/Apiforge.Client.Tests/specs/schemas.yaml (round trips live in Apiforge.Client.Tests).</summary>
public class SchemaSnapshotTests
{
    [Theory]
    [InlineData("Pet")]
    [InlineData("Cat")]
    [InlineData("Address")]
    [InlineData("Shape")]
    [InlineData("ChargeCustomer")]
    [InlineData("Shapes")]
    [InlineData("Color")]
    [InlineData("Priority")]
    [InlineData("Level")]
    [InlineData("Legacy")]
    public void Schema_shape_output_matches_the_snapshot(string type)
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Apiforge.Client.Tests", "specs", "schemas.yaml");
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path), "Shapes", "ZooClient"));
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        Snapshots.Verify("Schemas." + type, result.Source($".Models.{type}.g.cs"));
    }
}
