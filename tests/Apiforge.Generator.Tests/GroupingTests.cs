using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Apiforge.Generator.Tests;

/// <summary>GroupBy="Tag": the grouped client's snapshot and clean compiles, the option's validation, names that clash.</summary>
public class GroupingTests
{
    private static readonly Dictionary<string, string> s_groupByTag = new() { ["GroupBy"] = "Tag" };

    private static SpecFile Grouped(IReadOnlyDictionary<string, string>? metadata = null)
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Apiforge.Client.Tests", "specs", "grouped.yaml");
        return new SpecFile(path, File.ReadAllText(path), "Grouped", "GroupedClient", Metadata: metadata ?? s_groupByTag);
    }

    [Fact]
    public void The_grouped_document_compiles_and_matches_the_client_snapshot()
    {
        var result = GeneratorHarness.Run(Grouped());
        // The one deliberate clash: a tag named like the client's DefaultBaseAddress, numbered and located at the tag.
        var renamed = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("AF0013", renamed.Id);
        Assert.Contains("DefaultBaseAddress2", renamed.GetMessage(), StringComparison.Ordinal);
        Assert.NotEqual(Location.None, renamed.Location);
        CompileTests.AssertCompilesCleanly(result);
        Snapshots.Verify("Operations.Grouped.GroupedClient", result.Source("Grouped.GroupedClient.g.cs"));
    }

    [Fact]
    public void Without_the_option_or_with_None_the_client_stays_flat()
    {
        foreach (var metadata in new[] { new Dictionary<string, string>(), new Dictionary<string, string> { ["GroupBy"] = "none" } })
        {
            var result = GeneratorHarness.Run(Grouped(metadata));
            CompileTests.AssertCompilesCleanly(result);
            var client = result.Source("Grouped.GroupedClient.g.cs");
            Assert.Contains("AccountListAsync(", client, StringComparison.Ordinal);
            Assert.DoesNotContain("IGroupedClientAccount", client, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_GroupBy_value_is_AF0005()
    {
        var result = GeneratorHarness.Run(Grouped(new Dictionary<string, string> { ["GroupBy"] = "Path" }));
        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AF0005");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("GroupBy", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Tag' or 'None'", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_named_like_types_members_or_each_other_get_unique_names()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: Clash, version: "1" }
            paths:
              /a:
                get:
                  operationId: itemGet
                  tags: [item]
                  responses: { "204": { description: none } }
              /b:
                get:
                  operationId: get
                  tags: [Item]
                  responses: { "204": { description: none } }
              /c:
                get:
                  operationId: itemGetWithResponse
                  tags: [item-get]
                  responses: { "204": { description: none } }
              /d:
                get:
                  operationId: other
                  tags: [_httpClient]
                  responses: { "204": { description: none } }
            components:
              schemas:
                IClashClientItem: { type: object, properties: { n: { type: integer } } }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/clash.yaml", yaml, Metadata: s_groupByTag));
        CompileTests.AssertCompilesCleanly(result);
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("AF0013", d.Id));
        Assert.All(result.GeneratorDiagnostics, d => Assert.NotEqual(Location.None, d.Location));
        var client = result.Source("Acme.ClashClient.g.cs");
        // 'item' and 'Item' are two tags with one C# name: the second is numbered, so is the interface the schema took.
        Assert.Contains("public partial interface IClashClientItem2", client, StringComparison.Ordinal);
        Assert.Contains("IClashClientItem22 Item2 { get; }", client, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependency_injection_registers_the_grouped_client()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { /// <summary>A consumer type.</summary>\n public static class Marker { } }")
            .AddReferences(new[] { typeof(HttpClientFactoryServiceCollectionExtensions).Assembly, typeof(IServiceCollection).Assembly }
                .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)));
        var driver = GeneratorHarness.CreateDriver(new[] { Grouped() }).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = new GenerationResult(driver.GetRunResult(), output, diagnostics);
        CompileTests.AssertCompilesCleanly(result);
        Assert.Contains("AddHttpClient<IGroupedClient, GroupedClient>", result.Sources.Single(s => s.HintName.Contains("DependencyInjection", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Tradovate_partner_document_grouped_by_tag_compiles_cleanly()
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "specs", "tradovate-partner.json");
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path), "Tradovate", "TradovateClient", Metadata: s_groupByTag));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error || d.Id == "AF9999");
        CompileTests.AssertCompilesCleanly(result);
        var client = result.Source("Tradovate.TradovateClient.g.cs");
        Assert.Contains("ITradovateClientAccounting Accounting { get; }", client, StringComparison.Ordinal);
        // Users → user-find: the singular of the tag is dropped too; Accounting does not start account-list.
        Assert.Contains("FindAsync(string name", client, StringComparison.Ordinal);
        Assert.Contains(" AccountListAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain(" UserFindAsync(", client, StringComparison.Ordinal);
    }
}
