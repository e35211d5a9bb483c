using System.Text.Json;

namespace Apiforge.Generator.Tests;

/// <summary>
/// What auto-discovery (no OpenApiSpec item, openapi.yaml in the project folder) makes an AdditionalFile: every
/// AdditionalFile that changes recompiles the project, so only the spec and what it can $ref belong there.
/// </summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "apiforge-discovery-" + Guid.NewGuid().ToString("N"));

    public DiscoveryTests()
    {
        Directory.CreateDirectory(_project);
        var buildLogic = Path.Combine(GeneratorHarness.RepositoryRoot, "generator", "Apiforge.Generator", "buildTransitive");
        File.WriteAllText(Path.Combine(_project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_project, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(_project, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Import Project="{buildLogic}/Apiforge.Generator.props" />
              <Import Project="{buildLogic}/Apiforge.Generator.targets" />
            </Project>
            """);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_project, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private List<string> AdditionalFiles()
    {
        var output = Dotnet.Run(_project, "msbuild App.csproj -nologo -t:ApiforgeCollectSpecs -getItem:AdditionalFiles");
        using var json = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(i => Path.GetRelativePath(_project, i.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void A_root_level_spec_brings_the_files_it_can_ref_and_nothing_else_of_the_project()
    {
        Write("openapi.yaml", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents: { schemas: { Pet: { $ref: 'schemas/pet.yaml' } } }\n");
        Write("schemas/pet.yaml", "type: object\n");
        Write("schemas/common/error.json", "{}");
        foreach (var unrelated in new[]
        {
            "appsettings.json", "appsettings.Development.json", "package.json", "global.json", "other.yaml",
            "Properties/launchSettings.json", "schemas/appsettings.json", "bin/Debug/app.deps.json", "obj/project.assets.json",
            "node_modules/x/package.json", ".vscode/settings.json", "schemas/.cache/x.json",
        })
        {
            Write(unrelated, "{}");
        }

        Assert.Equal(new[] { "openapi.yaml", "schemas/common/error.json", "schemas/pet.yaml" }, AdditionalFiles());
    }

    [Fact]
    public void A_spec_in_a_subfolder_brings_its_siblings_but_not_appsettings()
    {
        Write("api/openapi.yaml", "openapi: 3.0.3\n");
        Write("api/common.yaml", "a: 1\n");
        Write("api/appsettings.json", "{}");
        Write("appsettings.json", "{}");
        File.WriteAllText(Path.Combine(_project, "App.csproj"), File.ReadAllText(Path.Combine(_project, "App.csproj"))
            .Replace("</Project>", "  <ItemGroup><OpenApiSpec Include=\"api/openapi.yaml\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));

        Assert.Equal(new[] { "api/common.yaml", "api/openapi.yaml" }, AdditionalFiles());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_project, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
