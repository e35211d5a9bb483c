namespace Apiforge.Generator.Tests;

public class SmokeTests
{
    [Fact]
    public void Seed_generates_and_compiles()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("tradovate-seed.yaml"));
        foreach (var s in result.Sources) Console.WriteLine("== " + s.HintName + "\n" + s.SourceText);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.CompileDiagnostics().Count == 0, string.Join("\n", result.CompileDiagnostics().Take(30)));
    }
}
