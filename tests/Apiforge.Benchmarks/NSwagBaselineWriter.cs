using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace Apiforge.Benchmarks;

/// <summary>
/// Writes NSwag's clients for the seed spec, checked in for the runtime benchmark: Baselines/SeedNSwagClient.cs
/// (default settings: Newtonsoft.Json) and Baselines/SeedNSwagStjClient.cs (System.Text.Json mode).
/// </summary>
internal static class NSwagBaselineWriter
{
    public static async Task WriteAsync()
    {
        var root = Documents.RepositoryRoot;
        var specPath = Path.Combine(root, "specs", "tradovate-seed.yaml");
        var text = await File.ReadAllTextAsync(specPath).ConfigureAwait(false);
        // Default settings but for the namespace (and the JSON library), so each sits beside the Apiforge client in one assembly.
        await WriteAsync(root, text, "SeedNSwagClient.cs", "Bench.NSwag", CSharpJsonLibrary.NewtonsoftJson, "default settings but Namespace = \"Bench.NSwag\"").ConfigureAwait(false);
        await WriteAsync(root, text, "SeedNSwagStjClient.cs", "Bench.NSwagStj", CSharpJsonLibrary.SystemTextJson, "default settings but JsonLibrary = SystemTextJson, Namespace = \"Bench.NSwagStj\"").ConfigureAwait(false);
    }

    private static async Task WriteAsync(string root, string specText, string fileName, string ns, CSharpJsonLibrary jsonLibrary, string settingsText)
    {
        var document = await NSwag.OpenApiYamlDocument.FromYamlAsync(specText).ConfigureAwait(false);
        var settings = new CSharpClientGeneratorSettings { CSharpGeneratorSettings = { Namespace = ns, JsonLibrary = jsonLibrary } };
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        var header =
            $"// NSwag 14.8.0 (NSwag.CodeGeneration.CSharp, CSharpClientGenerator {settingsText})\n" +
            "// output for specs/tradovate-seed.yaml, checked in as a runtime benchmark baseline.\n" +
            "// Regenerate: dotnet run -c Release --project tests/Apiforge.Benchmarks -- --write-nswag-baseline\n";
        var target = Path.Combine(root, "tests", "Apiforge.Benchmarks", "Baselines", fileName);
        await File.WriteAllTextAsync(target, header + code).ConfigureAwait(false);
        Console.WriteLine($"wrote {target}");
    }
}
