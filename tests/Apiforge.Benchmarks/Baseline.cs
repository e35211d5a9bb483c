using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using NSwag.CodeGeneration.CSharp;

namespace Apiforge.Benchmarks;

/// <summary>The two baselines for generation: Microsoft.OpenApi parsing alone (the floor), and NSwag 14.</summary>
internal static class Baseline
{
    /// <summary>Microsoft.OpenApi reading the text into its object model, nothing more.</summary>
    public static OpenApiDocument ParseFloor(BenchDocument doc)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        settings.TryAddReader(OpenApiConstants.Yml, new OpenApiYamlReader());
        var result = OpenApiDocument.Parse(doc.Text, doc.IsYaml ? OpenApiConstants.Yaml : OpenApiConstants.Json, settings);
        return result.Document ?? throw new InvalidOperationException($"Microsoft.OpenApi read no document from {doc.Name}.");
    }

    /// <summary>NSwag's document model from the text (NSwag.Core for JSON, NSwag.Core.Yaml for YAML).</summary>
    public static Task<NSwag.OpenApiDocument> NSwagDocumentAsync(BenchDocument doc)
        => doc.IsYaml ? NSwag.OpenApiYamlDocument.FromYamlAsync(doc.Text) : NSwag.OpenApiDocument.FromJsonAsync(doc.Text);

    /// <summary>NSwag: parse, then CSharpClientGenerator with its default settings (Newtonsoft.Json); one file of C#.</summary>
    public static async Task<string> NSwagGenerateAsync(BenchDocument doc)
    {
        var document = await NSwagDocumentAsync(doc).ConfigureAwait(false);
        return new CSharpClientGenerator(document, new CSharpClientGeneratorSettings()).GenerateFile();
    }

    /// <summary>NSwag in System.Text.Json mode, the fair baseline for a System.Text.Json client; otherwise default settings.</summary>
    public static async Task<string> NSwagStjGenerateAsync(BenchDocument doc)
    {
        var document = await NSwagDocumentAsync(doc).ConfigureAwait(false);
        var settings = new CSharpClientGeneratorSettings();
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
