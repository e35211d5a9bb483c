using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Apiforge.Benchmarks;

/// <summary>Drives the generator the way the compiler does: a consumer compilation, the spec as an AdditionalFile.</summary>
internal static class GeneratorHost
{
    public const string ConsumerSource = "namespace Consumer { public static class Marker { } }";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_frameworkReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The framework (System.*, netstandard), as a net10.0 consumer references it.</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => s_frameworkReferences.Value;

    public static ImmutableArray<MetadataReference> ApiforgeReferences { get; } =
        FrameworkReferences.Add(MetadataReference.CreateFromFile(typeof(Apiforge.Runtime.ApiException).Assembly.Location));

    public static ImmutableArray<MetadataReference> NSwagReferences { get; } =
        FrameworkReferences.Add(MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location));

    public static CSharpCompilation Consumer(params string[] sources)
        => CSharpCompilation.Create("Consumer", sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)), ApiforgeReferences, CompilationOptions);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static GeneratorDriver CreateDriver(params AdditionalText[] specs)
        => CreateDriver(specs, "Bench");

    public static GeneratorDriver CreateDriver(AdditionalText[] specs, string ns, bool trackSteps = true)
    {
        var options = specs.ToDictionary(s => s.Path, _ => new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.ApiforgeSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = ns,
        });
        return CSharpGeneratorDriver.Create(
            new[] { new Apiforge.Generator.OpenApiClientGenerator().AsSourceGenerator() },
            specs,
            ParseOptions,
            new OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>One cold run: a fresh driver over the consumer, everything parsed and emitted.</summary>
    public static GeneratorDriverRunResult RunCold(BenchDocument doc, CSharpCompilation consumer)
        => CreateDriver(new SpecText(doc.Path, doc.Text)).RunGenerators(consumer).GetRunResult();

    public sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, Dictionary<string, string>> files) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new Options(files.TryGetValue(textFile.Path, out var values) ? values : new());

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
