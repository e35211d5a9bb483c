using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Apiforge.Generator.Tests;

public class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
    {
        TrackingNames.SpecInputs, TrackingNames.Parsed, TrackingNames.Clients, TrackingNames.Types,
    };

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Spec("tradovate-partner.json") });
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} did not run");
        }
        // The partner spec has no diagnostics, so that step has nothing to track; every step that ran is cached.
        // "Compilation" is the edited input itself (read for ConsumerFeatures), not a step of the generator.
        foreach (var step in result.TrackedSteps.Keys.Where(k => !k.Contains('_', StringComparison.Ordinal) && k != "Compilation"))
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var output in run.Outputs)
                {
                    Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"{step}: {output.Reason}");
                }
            }
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(r => r.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_spec_reruns_only_what_changed()
    {
        var spec = GeneratorHarness.Spec("tradovate-seed.yaml");
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, out var texts).RunGenerators(compilation);

        var changed = spec.Text.Replace("Non-empty if the request failed", "Set when the request failed", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(texts.Single(), new SpecText(spec.Path, changed));
        driver = driver.RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var typeOutputs = result.TrackedSteps[TrackingNames.Types].SelectMany(r => r.Outputs).ToList();
        Assert.Contains(typeOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(typeOutputs, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        var text = result.GeneratedSources.Single(s => s.HintName.EndsWith("TradingPermissionResponse.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Set when the request failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_features_come_from_the_references_and_from_polyfills_declared_in_source()
    {
        var framework = ConsumerFeaturesReader.ReadCompilation(GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }"));
        var bare = ConsumerFeaturesReader.ReadCompilation(CSharpCompilation.Create("Bare", new[] { CSharpSyntaxTree.ParseText("class A { }", GeneratorHarness.ParseOptions) }));
        Assert.Equal(new Model.ConsumerFeatures(framework.LanguageVersion, HasRequiredMemberAttributes: true, HasDateOnly: true), ConsumerFeaturesReader.Features(framework, default));
        Assert.Equal(new Model.ConsumerFeatures(bare.LanguageVersion, HasRequiredMemberAttributes: false, HasDateOnly: false), ConsumerFeaturesReader.Features(bare, default));

        var polyfills = CSharpSyntaxTree.ParseText("""
            namespace System.Runtime.CompilerServices
            {
                internal sealed class RequiredMemberAttribute : Attribute { }
                internal sealed class CompilerFeatureRequiredAttribute : Attribute { }
                internal static class Outer { internal sealed class DateOnly { } }
            }
            namespace System { namespace Diagnostics.CodeAnalysis { internal sealed class SetsRequiredMembersAttribute : Attribute { } } }
            namespace Elsewhere { internal struct TimeOnly { } }
            namespace System { internal struct DateOnly<T> { } }
            """, GeneratorHarness.ParseOptions);
        var fileScoped = CSharpSyntaxTree.ParseText("namespace Microsoft.Extensions.DependencyInjection;\npublic static class HttpClientFactoryServiceCollectionExtensions { }", GeneratorHarness.ParseOptions);
        var declared = polyfills.GetRoot().DescendantNodes().Concat(fileScoped.GetRoot().DescendantNodes())
            .Where(ConsumerFeaturesReader.MayDeclareProbedType)
            .Aggregate(default(ConsumerFeaturesReader.TypeSet), (all, node) => all.Union(ConsumerFeaturesReader.DeclaredBy(node)));

        // The three required-member attributes in source make up for the framework; a nested, generic or misplaced
        // DateOnly/TimeOnly does not.
        Assert.Equal(new Model.ConsumerFeatures(bare.LanguageVersion, HasRequiredMemberAttributes: true, HasDateOnly: false), ConsumerFeaturesReader.Features(bare, declared));
        Assert.True(ConsumerFeaturesReader.HasHttpClientFactory(bare, declared));
        Assert.False(ConsumerFeaturesReader.HasHttpClientFactory(framework, default));
    }
}
