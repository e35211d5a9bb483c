using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Apiforge.Generator.Tests;

/// <summary>The generated code follows the consumer's C# version (issue 14); the framework side is built for real in ConsumerProjectTests.</summary>
public class ConsumerFeatureTests
{
    private static GenerationResult RunWith(LanguageVersion version, SpecFile spec)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(version);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { /// <summary>A consumer type.</summary>\n public static class Marker { } }");
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), parseOptions)));
        // C# 7.3 has no nullable context (the SDK's default for .NET Framework projects).
        if (version < LanguageVersion.CSharp8) compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).WithUpdatedParseOptions(parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GenerationResult(driver.GetRunResult(), output, diagnostics);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp10, "10")]
    public void Below_CSharp_11_one_located_error_names_the_LangVersion_to_set_and_nothing_is_generated(LanguageVersion version, string shown)
    {
        var spec = GeneratorHarness.Spec("tradovate-seed.yaml");

        var result = RunWith(version, spec);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("AF0101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(spec.Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal($"The project compiles C# {shown}; the client generated from 'tradovate-seed.yaml' needs C# 11 or later: set <LangVersion>11</LangVersion> (or latest) in the project file", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(result.Sources);
        Assert.Empty(result.CompileDiagnostics());
    }

    [Fact]
    public void CSharp_11_compiles_the_generated_code_without_warnings()
    {
        var result = RunWith(LanguageVersion.CSharp11, GeneratorHarness.Spec("tradovate-seed.yaml"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.NotEmpty(result.Sources);
        Assert.Empty(result.CompileDiagnostics());
    }

    [Fact]
    public void A_framework_with_required_member_attributes_and_DateOnly_gets_no_polyfills_and_no_fallback()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/dates.yaml", """
            openapi: 3.0.3
            info: { title: dates, version: "1" }
            paths: {}
            components:
              schemas:
                Slot:
                  type: object
                  required: [day]
                  properties:
                    day: { type: string, format: date }
                    at: { type: string, format: time }
            """));

        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("RequiredMemberAttributes", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF0102");
        Assert.Contains("public required global::System.DateOnly Day", result.Source("Models.Slot.g.cs"), StringComparison.Ordinal);
        Assert.Empty(result.CompileDiagnostics());
    }

    [Fact]
    public void Changing_the_language_version_reruns_the_generator_and_an_unrelated_edit_does_not()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Spec("tradovate-seed.yaml") }).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { } }", GeneratorHarness.ParseOptions)));
        var features = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ConsumerFeatures].Single().Outputs.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, features.Reason);

        var older = GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10);
        driver = driver.WithUpdatedParseOptions(older).RunGenerators(
            compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), older))));
        var diagnostics = driver.GetRunResult().Diagnostics;
        Assert.Contains(diagnostics, d => d.Id == "AF0101");
    }
}
