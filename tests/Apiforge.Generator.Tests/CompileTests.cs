using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>The generated code compiles with nullable on, every warning an error, and nothing suppressed.</summary>
public class CompileTests
{
    public static TheoryData<string> FoundSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(GeneratorHarness.SharedDirectory, "specs-found")).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".md", StringComparison.Ordinal)) data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [InlineData("tradovate-seed.yaml")]
    [InlineData("tradovate-partner.json")]
    public void Repository_specs_compile_without_warnings(string file)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec(file));
        Assert.Empty(result.GeneratorDiagnostics);
        AssertCompilesCleanly(result);
    }

    [SharedTheory]
    [MemberData(nameof(FoundSpecs))]
    public void Found_tradovate_specs_compile_without_warnings(string file)
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "specs-found", file);
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        Assert.All(result.GeneratorDiagnostics, d => Assert.NotEqual(Location.None, d.Location));
        Assert.NotEmpty(result.Sources);
        AssertCompilesCleanly(result);
    }

    internal static void AssertCompilesCleanly(GenerationResult result)
    {
        var diagnostics = result.CompileDiagnostics();
        Assert.True(diagnostics.Count == 0, $"{diagnostics.Count} diagnostics:\n" + string.Join("\n", diagnostics.Take(40)));
        foreach (var source in result.Sources)
        {
            var text = source.SourceText.ToString();
            Assert.DoesNotContain("#pragma warning disable", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#nullable disable", text, StringComparison.Ordinal);
        }
    }
}
