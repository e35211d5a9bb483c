using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Apiforge.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Apiforge.Generator.Tests;

/// <summary>A spec handed to the generator as an AdditionalFile with OpenApiSpec metadata.</summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace = "Acme", string? ClientName = null, string? NumberType = null,
    IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>An AdditionalFile without OpenApiSpec metadata: a file a spec may refer to with $ref.</summary>
internal sealed record OtherFile(string Path, string Text);

internal sealed class SpecText : AdditionalText
{
    private readonly SourceText _text;

    public SpecText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, Dictionary<string, string>> _files;

    public TestOptionsProvider(Dictionary<string, Dictionary<string, string>> files, Dictionary<string, string> global)
    {
        _files = files;
        GlobalOptions = new Options(global);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => new Options(_files.TryGetValue(textFile.Path, out var values) ? values : new());

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs the generator the way the compiler does and compiles what it produced.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static string SpecsDirectory => Path.Combine(AppContext.BaseDirectory, "specs");

    /// <summary>
    /// The shared documents (corpus/, specs-found/): $APIFORGE_SHARED, or a shared/ folder beside the repository or
    /// above it. Tests that need them are [SharedFact]/[SharedTheory] and are skipped, saying how to get them, when
    /// the folder is not there; .ci/run fails instead.
    /// </summary>
    public static string SharedDirectory => SharedFiles.Directory ?? throw new DirectoryNotFoundException(SharedFiles.HowToGet);

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("Generator.sln not found above the test output.");
        }
    }

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999,
                // What the SDK suppresses too: unification of the runtime's net8.0 references with net10.0.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, string? rootNamespace = "Consumer")
        => CreateDriver(specs, out _, rootNamespace);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, out IReadOnlyList<AdditionalText> texts, string? rootNamespace = "Consumer")
        => CreateDriver(specs, Array.Empty<OtherFile>(), out texts, rootNamespace);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, IEnumerable<OtherFile> otherFiles, out IReadOnlyList<AdditionalText> texts, string? rootNamespace = "Consumer")
    {
        var list = specs.ToList();
        var others = otherFiles.ToList();
        var fileOptions = list.ToDictionary(s => s.Path, s =>
        {
            var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ApiforgeSpec"] = "true" };
            if (s.Namespace is not null) values["build_metadata.AdditionalFiles.Namespace"] = s.Namespace;
            if (s.ClientName is not null) values["build_metadata.AdditionalFiles.ClientName"] = s.ClientName;
            if (s.NumberType is not null) values["build_metadata.AdditionalFiles.NumberType"] = s.NumberType;
            foreach (var pair in s.Metadata ?? new Dictionary<string, string>()) values["build_metadata.AdditionalFiles." + pair.Key] = pair.Value;
            return values;
        });
        var global = new Dictionary<string, string>();
        if (rootNamespace is not null) global["build_property.RootNamespace"] = rootNamespace;
        texts = list.Select(s => (AdditionalText)new SpecText(s.Path, s.Text))
            .Concat(others.Select(o => (AdditionalText)new SpecText(o.Path, o.Text)))
            .ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(fileOptions, global),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GenerationResult Run(params SpecFile[] specs) => Run(specs, "namespace Consumer { /// <summary>A consumer type.</summary>\n public static class Marker { } }");

    public static GenerationResult Run(IEnumerable<SpecFile> specs, string consumerSource)
    {
        var compilation = CreateCompilation(consumerSource);
        var driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GenerationResult(driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Runs the generator over specs and other (non-spec) AdditionalFiles, with a cancellation token.</summary>
    public static GenerationResult Run(IEnumerable<SpecFile> specs, IEnumerable<OtherFile> otherFiles, CancellationToken cancellationToken = default)
    {
        var compilation = CreateCompilation("namespace Consumer { /// <summary>A consumer type.</summary>\n public static class Marker { } }");
        var driver = CreateDriver(specs, otherFiles, out _).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellationToken);
        return new GenerationResult(driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static SpecFile Spec(string fileName, string? ns = "Acme", string? clientName = null)
        => new(Path.Combine(SpecsDirectory, fileName), File.ReadAllText(Path.Combine(SpecsDirectory, fileName)), ns, clientName);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(Apiforge.Runtime.ApiException).Assembly.Location));
        return references.ToImmutableArray();
    }
}

internal sealed record GenerationResult(GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources);

    public string Source(string hintNameSuffix) => Sources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Errors and warnings of compiling the generated code together with the consumer.</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics()
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
