using Apiforge.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Apiforge.Generator.Tests;

/// <summary>The pipeline's caching, step by step, by the names in <see cref="TrackingNames"/>.</summary>
public class CachingTests
{
    private static readonly string[] s_allSteps =
        typeof(TrackingNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();

    private static bool IsReused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    [Fact]
    public void Unrelated_csharp_edit_with_two_specs_reuses_every_tracked_step_and_output()
    {
        var specs = new[] { GeneratorHarness.Spec("tradovate-seed.yaml", "Seed"), GeneratorHarness.Spec("tradovate-partner.json", "Tradovate") };
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }", "namespace Consumer { public static class B { } }");
        var driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { public static int X => 1; } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        Assert.Empty(first.Diagnostics);
        foreach (var step in new[] { TrackingNames.SpecInputs, TrackingNames.Parsed, TrackingNames.Clients, TrackingNames.Types })
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
        }
        foreach (var step in s_allSteps.Where(result.TrackedSteps.ContainsKey))
        {
            Assert.All(result.TrackedSteps[step].SelectMany(r => r.Outputs), o => Assert.True(IsReused(o.Reason), $"{step}: {o.Reason}"));
        }
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        // The sources are the very same texts: nothing was emitted again.
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText), result.GeneratedSources.Select(s => s.SourceText));
    }

    [Fact]
    public void Changing_the_namespace_option_reruns_the_spec()
    {
        var spec = GeneratorHarness.Spec("tradovate-seed.yaml", "Seed");
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, out var texts).RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(
            new Dictionary<string, Dictionary<string, string>>
            {
                [spec.Path] = new()
                {
                    ["build_metadata.AdditionalFiles.ApiforgeSpec"] = "true",
                    ["build_metadata.AdditionalFiles.Namespace"] = "Renamed",
                },
            },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" }));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[TrackingNames.SpecInputs].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.Parsed].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.Types].SelectMany(r => r.Outputs), o => Assert.False(IsReused(o.Reason), $"{TrackingNames.Types}: {o.Reason}"));
        Assert.All(result.GeneratedSources, s => Assert.StartsWith("Renamed.", s.HintName, StringComparison.Ordinal));
        Assert.All(result.GeneratedSources, s => Assert.Contains("namespace Renamed", s.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_one_of_two_specs_reruns_only_its_outputs()
    {
        var seed = GeneratorHarness.Spec("tradovate-seed.yaml", "Seed");
        var partner = GeneratorHarness.Spec("tradovate-partner.json", "Tradovate");
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { seed, partner }, out var texts).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var changed = seed.Text.Replace("Non-empty if the request failed", "Set when the request failed", StringComparison.Ordinal);
        Assert.NotEqual(seed.Text, changed);
        driver = driver.ReplaceAdditionalText(texts.Single(t => t.Path == seed.Path), new SpecText(seed.Path, changed));
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        // Parsing: only the seed ran again.
        var parsed = result.TrackedSteps[TrackingNames.Parsed].SelectMany(r => r.Outputs).ToList();
        Assert.Equal(2, parsed.Count);
        Assert.All(parsed, o =>
        {
            var path = ((ParseResult)o.Value).Path;
            if (path == partner.Path) Assert.True(IsReused(o.Reason), $"partner parse: {o.Reason}");
            else Assert.Equal(IncrementalStepRunReason.Modified, o.Reason);
        });

        // Types: every partner type is reused; of the seed's, only the one whose description changed is modified.
        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(r => r.Outputs).Select(o => ((TypeOutputSpec)o.Value, o.Reason)).ToList();
        Assert.All(types.Where(t => t.Item1.Namespace == "Tradovate"), t => Assert.True(IsReused(t.Reason), $"{t.Item1.Type.Name}: {t.Reason}"));
        var seedModified = types.Where(t => t.Item1.Namespace == "Seed" && !IsReused(t.Reason)).Select(t => t.Item1.Type.Name).ToList();
        Assert.Equal(new[] { "TradingPermissionResponse" }, seedModified);

        // Source outputs: whatever ran again produced a seed file; every partner file is the text it was before.
        var before = first.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
        var rerun = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).Count(o => !IsReused(o.Reason));
        Assert.InRange(rerun, 1, 3);
        foreach (var source in result.GeneratedSources.Where(s => s.HintName.StartsWith("Tradovate.", StringComparison.Ordinal)))
        {
            Assert.Same(before[source.HintName], source.SourceText);
        }
        var edited = result.GeneratedSources.Single(s => s.HintName.StartsWith("Seed.", StringComparison.Ordinal) && s.HintName.EndsWith(".Models.TradingPermissionResponse.g.cs", StringComparison.Ordinal));
        Assert.NotSame(before[edited.HintName], edited.SourceText);
        Assert.Contains("Set when the request failed", edited.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Description_edit_on_a_schema_re_emits_only_that_models_file()
    {
        var (first, result) = EditPartner("\"description\":\"Product Tick Size\"", "\"description\":\"Product tick size (one price step)\"");

        var types = result.TrackedSteps[TrackingNames.Types].SelectMany(r => r.Outputs).Select(o => ((TypeOutputSpec)o.Value, o.Reason)).ToList();
        Assert.Equal(new[] { "Product" }, types.Where(t => !IsReused(t.Reason)).Select(t => t.Item1.Type.Name));
        foreach (var step in new[] { TrackingNames.ClientOutput, TrackingNames.JsonContextOutput, TrackingNames.ValidatorOutput, TrackingNames.DependencyInjection })
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
            Assert.All(result.TrackedSteps[step].SelectMany(r => r.Outputs), o => Assert.True(IsReused(o.Reason), $"{step}: {o.Reason}"));
        }
        AssertOnlyReEmitted(first, result, ".Models.Product.g.cs", "Product tick size (one price step)");
    }

    [Fact]
    public void Description_edit_on_an_operation_re_emits_only_the_client()
    {
        var (first, result) = EditPartner("### Called to accept a given trading permission granted by another party.", "### Accepts a trading permission another party granted.");

        Assert.All(result.TrackedSteps[TrackingNames.Types].SelectMany(r => r.Outputs), o => Assert.True(IsReused(o.Reason), $"{TrackingNames.Types}: {o.Reason}"));
        Assert.All(result.TrackedSteps[TrackingNames.ClientOutput].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        foreach (var step in new[] { TrackingNames.JsonContextOutput, TrackingNames.ValidatorOutput, TrackingNames.DependencyInjection })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(r => r.Outputs), o => Assert.True(IsReused(o.Reason), $"{step}: {o.Reason}"));
        }
        AssertOnlyReEmitted(first, result, ".TradovateClient.g.cs", "Accepts a trading permission another party granted.");
    }

    /// <summary>Runs the generator on the partner document (with services.AddTradovateClient), then again after one edit of its text.</summary>
    private static (GeneratorRunResult First, GeneratorRunResult Edited) EditPartner(string oldText, string newText)
    {
        var partner = GeneratorHarness.Spec("tradovate-partner.json", "Tradovate", "TradovateClient");
        var changed = partner.Text.Replace(oldText, newText, StringComparison.Ordinal);
        Assert.Equal(partner.Text.Length + newText.Length - oldText.Length, changed.Length);
        var compilation = GeneratorHarness.CreateCompilation(
            "namespace Microsoft.Extensions.DependencyInjection { public static class HttpClientFactoryServiceCollectionExtensions { } }",
            "namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { partner }, out var texts).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        driver = driver.ReplaceAdditionalText(texts.Single(), new SpecText(partner.Path, changed)).RunGenerators(compilation);
        return (first, driver.GetRunResult().Results.Single());
    }

    /// <summary>One source output ran again and wrote the file ending in <paramref name="hintSuffix"/>; every other file is the very text it was.</summary>
    private static void AssertOnlyReEmitted(GeneratorRunResult first, GeneratorRunResult result, string hintSuffix, string expectedText)
    {
        Assert.Empty(first.Diagnostics);
        var rerun = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).Count(o => !IsReused(o.Reason));
        Assert.Equal(1, rerun);
        var before = first.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        foreach (var source in result.GeneratedSources)
        {
            if (source.HintName.EndsWith(hintSuffix, StringComparison.Ordinal))
            {
                Assert.NotSame(before[source.HintName], source.SourceText);
                Assert.Contains(expectedText, source.SourceText.ToString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.Same(before[source.HintName], source.SourceText);
            }
        }
        Assert.Single(result.GeneratedSources, s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal));
    }
}
