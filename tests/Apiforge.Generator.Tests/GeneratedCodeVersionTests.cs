using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Apiforge.Generator.Tests;

/// <summary>Generated code names the package that wrote it: <c>[GeneratedCode("Apiforge", "{package version}")]</c>.</summary>
public class GeneratedCodeVersionTests
{
    [Fact]
    public void Every_generated_type_carries_the_package_version()
    {
        var props = XDocument.Load(Path.Combine(GeneratorHarness.RepositoryRoot, "Directory.Build.props"));
        var packageVersion = props.Descendants("Version").Single().Value;

        var result = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("tradovate-seed.yaml", "Seed") },
            "namespace Microsoft.Extensions.DependencyInjection { public static class HttpClientFactoryServiceCollectionExtensions { } }");

        var versions = result.Sources
            .SelectMany(s => Regex.Matches(s.SourceText.ToString(), @"GeneratedCode\(""Apiforge"", ""([^""]*)""\)").Select(m => m.Groups[1].Value))
            .ToList();
        Assert.True(versions.Count > 5, $"{versions.Count} [GeneratedCode] attributes");
        Assert.All(versions, v => Assert.Equal(packageVersion, v));
    }
}
