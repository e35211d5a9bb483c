using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>Specs split over several files: relative $refs resolve from the other AdditionalFiles, never from disk.</summary>
public class MultiFileTests
{
    internal static (SpecFile Spec, List<OtherFile> Others) Load(string folder, string entry)
    {
        var root = Path.Combine(GeneratorHarness.SharedDirectory, "corpus", folder);
        var entryPath = Path.GetFullPath(Path.Combine(root, entry));
        var others = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .Where(p => p != entryPath)
            .Select(p => new OtherFile(p, File.ReadAllText(p)))
            .ToList();
        return (new SpecFile(entryPath, File.ReadAllText(entryPath)), others);
    }

    [SharedTheory]
    [InlineData("oai-v2-petstore-separate", "spec/swagger.yaml", "Pet")]
    [InlineData("redocly-cafe", "openapi.yaml", "OrderList")]
    public void Multi_file_corpus_documents_generate_and_compile(string folder, string entry, string expectedModel)
    {
        var (spec, others) = Load(folder, entry);
        var result = GeneratorHarness.Run(new[] { spec }, others);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "AF9999" or "AF0009" or "AF0006" or "AF0012");
        Assert.True(result.Sources.Any(s => s.HintName.EndsWith(".Models." + expectedModel + ".g.cs", StringComparison.Ordinal)),
            string.Join(", ", result.Sources.Select(s => s.HintName)) + " / " + string.Join("\n", result.GeneratorDiagnostics));
        CompileTests.AssertCompilesCleanly(result);
    }

    [SharedFact]
    public void A_ref_to_a_file_that_is_not_an_AdditionalFile_is_AF0009_at_the_ref_and_the_rest_generates()
    {
        var (spec, others) = Load("oai-v2-petstore-separate", "spec/swagger.yaml");
        var withoutError = others.Where(o => !o.Path.EndsWith("Error.yaml", StringComparison.Ordinal)).ToList();
        var result = GeneratorHarness.Run(new[] { spec }, withoutError);

        var missing = result.GeneratorDiagnostics.Where(d => d.Id == "AF0009").ToList();
        Assert.NotEmpty(missing);
        var first = missing.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).First();
        Assert.Equal(DiagnosticSeverity.Warning, first.DefaultSeverity);
        Assert.Equal(spec.Path, first.Location.GetLineSpan().Path);
        // swagger.yaml line 44 (1-based): "            $ref: '../common/Error.yaml'"
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(43, 12), first.Location.GetLineSpan().StartLinePosition);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Models.Pet.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        CompileTests.AssertCompilesCleanly(result);
    }

    [SharedFact]
    public void Only_specs_whose_referenced_files_change_are_parsed_again()
    {
        var (spec, others) = Load("oai-v2-petstore-separate", "spec/swagger.yaml");
        var unrelated = new OtherFile(Path.Combine(Path.GetDirectoryName(spec.Path)!, "unrelated.yaml"), "a: 1\n");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, others.Append(unrelated), out var texts);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { }");
        driver = driver.RunGenerators(compilation);

        var changed = new SpecText(unrelated.Path, "a: 2\n");
        driver = driver.ReplaceAdditionalText(texts.Single(t => t.Path == unrelated.Path), changed).RunGenerators(compilation);
        var steps = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Parsed];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var pet = texts.Single(t => t.Path.EndsWith("Pet.yaml", StringComparison.Ordinal) && !t.Path.EndsWith("NewPet.yaml", StringComparison.Ordinal));
        var petText = pet.GetText()!.ToString().Replace("format: int64", "format: int32", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(pet, new SpecText(pet.Path, petText)).RunGenerators(compilation);
        steps = driver.GetRunResult().Results[0].TrackedSteps[TrackingNames.Parsed];
        Assert.Contains(steps.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Theory]
    [InlineData("{\"$ref\": \"common.yaml#/components/schemas/Money\"}", true)]
    [InlineData("$ref: './common.yaml#/Money'", true)]
    [InlineData("- $ref : common.yaml", true)]
    [InlineData("{\"$ref\":\"#/components/schemas/Money\"}", false)]
    [InlineData("$ref: '#/components/schemas/Money'\n  $ref:  \"#/x\"", false)]
    [InlineData("description: use $ref to point elsewhere, $refs: common.yaml", false)]
    [InlineData("{\"$ref\": \"\"}", false)]
    [InlineData("no references", false)]
    public void A_document_has_external_refs_when_a_ref_value_does_not_start_with_a_fragment(string text, bool expected)
        => Assert.Equal(expected, Apiforge.Generator.Parsing.ExternalRefBundler.HasExternalRefs(text));
}
