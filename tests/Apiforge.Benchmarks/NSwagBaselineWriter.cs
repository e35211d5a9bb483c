using NSwag.CodeGeneration.CSharp;

namespace Apiforge.Benchmarks;

/// <summary>Writes Baselines/SeedNSwagClient.cs: NSwag's client for the seed spec, checked in for the runtime benchmark.</summary>
internal static class NSwagBaselineWriter
{
    public static async Task WriteAsync()
    {
        var root = Documents.RepositoryRoot;
        var specPath = Path.Combine(root, "specs", "tradovate-seed.yaml");
        var document = await NSwag.OpenApiYamlDocument.FromYamlAsync(await File.ReadAllTextAsync(specPath).ConfigureAwait(false)).ConfigureAwait(false);
        // Default settings but for the namespace, so it sits beside the Apiforge client in one assembly.
        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings { CSharpGeneratorSettings = { Namespace = "Bench.NSwag" } }).GenerateFile();
        var header =
            "// NSwag 14.8.0 (NSwag.CodeGeneration.CSharp, CSharpClientGenerator default settings but Namespace = \"Bench.NSwag\")\n" +
            "// output for specs/tradovate-seed.yaml, checked in as the runtime benchmark's NSwag baseline.\n" +
            "// Regenerate: dotnet run -c Release --project tests/Apiforge.Benchmarks -- --write-nswag-baseline\n";
        var target = Path.Combine(root, "tests", "Apiforge.Benchmarks", "Baselines", "SeedNSwagClient.cs");
        await File.WriteAllTextAsync(target, header + code).ConfigureAwait(false);
        Console.WriteLine($"wrote {target}");
    }
}
