using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.CSharp;

namespace Apiforge.Benchmarks;

/// <summary>
/// Cold generation (a fresh CSharpGeneratorDriver over a one-class consumer: parse, build the model, emit every file)
/// against Microsoft.OpenApi parsing the same text alone (the floor) and NSwag 14 generating from it, in both its modes.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private BenchDocument _doc = null!;
    private CSharpCompilation _consumer = null!;

    [ParamsSource(nameof(DocumentNames))]
    public string Document { get; set; } = Documents.Partner;

    public static IEnumerable<string> DocumentNames => Documents.Names;

    [GlobalSetup]
    public void Setup()
    {
        _doc = Documents.Get(Document);
        _consumer = GeneratorHost.Consumer(GeneratorHost.ConsumerSource);
        // Fail loudly here rather than time an error path.
        var run = GeneratorHost.RunCold(_doc, _consumer);
        if (run.Results.Single().GeneratedSources.Length == 0) throw new InvalidOperationException($"Apiforge generated nothing for {Document}.");
    }

    [Benchmark(Baseline = true, Description = "parse floor (Microsoft.OpenApi)")]
    public object ParseFloor() => Baseline.ParseFloor(_doc);

    [Benchmark(Description = "Apiforge cold generation")]
    public int ApiforgeCold() => GeneratorHost.RunCold(_doc, _consumer).Results[0].GeneratedSources.Length;

    [Benchmark(Description = "NSwag 14 generation (Newtonsoft, its default)")]
    public async Task<int> NSwag() => (await Baseline.NSwagGenerateAsync(_doc).ConfigureAwait(false)).Length;

    [Benchmark(Description = "NSwag 14 generation (System.Text.Json)")]
    public async Task<int> NSwagStj() => (await Baseline.NSwagStjGenerateAsync(_doc).ConfigureAwait(false)).Length;
}
