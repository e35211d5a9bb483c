using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Every document in ../shared/corpus and ../shared/specs-found generates code that compiles with nullable on, every
/// warning an error and nothing suppressed; what a document gets wrong is a located diagnostic, never a crash.
/// Set APIFORGE_CORPUS_REPORT to a file path to append one table row per document.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    /// <summary>Multi-file documents: the entry file, with every other file of the folder passed as a referenced AdditionalFile.</summary>
    private static readonly Dictionary<string, string> s_entryFiles = new(StringComparer.Ordinal)
    {
        ["oai-v2-petstore-separate"] = Path.Combine("spec", "swagger.yaml"),
        ["redocly-cafe"] = "openapi.yaml",
    };

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        var corpus = Path.Combine(GeneratorHarness.SharedDirectory, "corpus");
        foreach (var file in Directory.GetFiles(corpus).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".md", StringComparison.Ordinal)) data.Add("corpus/" + Path.GetFileName(file));
        }
        foreach (var folder in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
        {
            if (s_entryFiles.ContainsKey(Path.GetFileName(folder))) data.Add("corpus/" + Path.GetFileName(folder) + "/");
        }
        foreach (var file in Directory.GetFiles(Path.Combine(GeneratorHarness.SharedDirectory, "specs-found")).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".md", StringComparison.Ordinal)) data.Add("specs-found/" + Path.GetFileName(file));
        }
        return data;
    }

    [SharedTheory]
    [MemberData(nameof(Documents))]
    public void Document_generates_code_that_compiles_cleanly(string document)
    {
        var result = Generate(document);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        Assert.All(result.GeneratorDiagnostics, d => Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, $"{d.Id} has no location: {d}"));
        Assert.NotEmpty(result.Sources);
        var compile = result.CompileDiagnostics();
        Report(document, result, compile.Count);
        CompileTests.AssertCompilesCleanly(result);

        if (document.EndsWith('/')) return;
        var path = Path.Combine(GeneratorHarness.SharedDirectory, document);
        var examples = ExampleRoundTrips.Run(path, File.ReadAllText(path), result);
        var line = $"examples {document}: tried {examples.Tried}, round-tripped {examples.RoundTripped}, rejected as invalid {examples.Invalid.Count}";
        output.WriteLine(line);
        foreach (var invalid in examples.Invalid) output.WriteLine("  invalid " + invalid);
        if (Environment.GetEnvironmentVariable("APIFORGE_CORPUS_REPORT") is { Length: > 0 } reportPath)
        {
            lock (s_reportLock) File.AppendAllText(reportPath, line + Environment.NewLine + string.Concat(examples.Invalid.Select(i => "  invalid " + i + Environment.NewLine)));
        }
        Assert.True(examples.Failures.Count == 0, "examples that did not round-trip:\n" + string.Join("\n", examples.Failures.Take(10)));
    }

    internal static GenerationResult Generate(string document)
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, document.Replace('/', Path.DirectorySeparatorChar));
        if (!document.EndsWith('/')) return GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));

        var folder = path.TrimEnd(Path.DirectorySeparatorChar);
        var entry = Path.Combine(folder, s_entryFiles[Path.GetFileName(folder)]);
        var referenced = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f != entry && (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => new OtherFile(f, File.ReadAllText(f)));
        return GeneratorHarness.Run(new[] { new SpecFile(entry, File.ReadAllText(entry)) }, referenced);
    }

    private void Report(string document, GenerationResult result, int compileDiagnostics)
    {
        var client = result.Sources.Where(s => !s.HintName.Contains(".Models.", StringComparison.Ordinal) && !s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal)).ToList();
        var operations = client.Sum(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Count(m => m.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax && !m.Identifier.Text.EndsWith("WithResponseAsync", StringComparison.Ordinal)));
        var types = result.Sources.Count(s => s.HintName.Contains(".Models.", StringComparison.Ordinal));
        var lines = result.Sources.Sum(s => s.SourceText.Lines.Count);
        var skipped = result.GeneratorDiagnostics.Count(d => d.Id == "AF0008");
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {document} | {operations} | {types} | {lines:N0} | {(compileDiagnostics == 0 ? "clean" : compileDiagnostics + " errors")} | {skipped} | {string.Join(", ", result.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))} |");
        output.WriteLine(row);
        if (Environment.GetEnvironmentVariable("APIFORGE_CORPUS_REPORT") is { Length: > 0 } reportPath)
        {
            lock (s_reportLock) File.AppendAllText(reportPath, row + Environment.NewLine);
        }
    }

    private static readonly object s_reportLock = new();
}
