using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit.Abstractions;

namespace Apiforge.Generator.Tests;

/// <summary>
/// The generator's bundled libraries cannot collide with another analyzer's copy (issue 14): the packed analyzer
/// folder has them only under Apiforge's own assembly names, and a project that also runs generators built on
/// Microsoft.OpenApi 1.6 and on System.Text.Json 8, 9 and 10 builds without warnings and runs all of their output.
/// </summary>
[Collection(PackedPackages.Collection)]
public class AnalyzerIsolationTests(PackedPackages packages, ITestOutputHelper output)
{
    private const string Prefix = "Apiforge.Internal.";

    [Fact]
    public void The_packed_analyzer_folder_has_no_assembly_named_like_a_library_other_analyzers_bundle()
    {
        using var zip = ZipFile.OpenRead(packages.Package("Apiforge.Generator"));
        var identities = zip.Entries
            .Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => Path.GetFileName(e.FullName), ReadIdentity);

        foreach (var (file, identity) in identities)
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(file), identity.Name);
            Assert.False(IsBundledLibraryName(identity.Name), $"{file} is the assembly {identity.Name}");
            Assert.DoesNotContain(identity.References, r => IsBundledLibraryName(r.Name));
        }
        foreach (var library in new[] { "Microsoft.OpenApi", "Microsoft.OpenApi.YamlReader", "SharpYaml" })
        {
            var renamed = identities[Prefix + library + ".dll"];
            Assert.False(renamed.HasPublicKey, $"{renamed.Name} still claims a strong name it no longer has");
        }
        var generator = identities["Apiforge.Generator.dll"];
        var openApi = Assert.Single(generator.References, r => r.Name == Prefix + "Microsoft.OpenApi");
        Assert.Empty(openApi.PublicKeyOrToken);
        Assert.Contains(identities["Apiforge.Internal.Microsoft.OpenApi.YamlReader.dll"].References, r => r.Name == Prefix + "SharpYaml");
    }

    [Fact]
    public void A_project_with_generators_on_microsoft_openapi_16_and_system_text_json_8_9_10_beside_apiforge_builds_without_warnings_and_runs_them_all()
    {
        packages.PrepareConsumerRoot();
        var root = Path.Combine(packages.Root, "isolation");
        var sources = Path.Combine(AppContext.BaseDirectory, "consumers", "isolation");
        var otherGenerators = new (string Name, string Library, string Source)[]
        {
            ("OpenApi16Generator", """<PackageReference Include="Microsoft.OpenApi.Readers" Version="1.6.31" />""", File.ReadAllText(Path.Combine(sources, "OpenApi16Generator.cs.txt"))),
            ("Stj8Generator", """<PackageReference Include="System.Text.Json" Version="8.0.5" />""", StjGeneratorSource(sources, "8")),
            ("Stj9Generator", """<PackageReference Include="System.Text.Json" Version="9.0.23" />""", StjGeneratorSource(sources, "9")),
            ("Stj10Generator", """<PackageReference Include="System.Text.Json" Version="10.0.15" />""", StjGeneratorSource(sources, "10")),
        };
        foreach (var (name, library, source) in otherGenerators)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            File.WriteAllText(Path.Combine(folder, name + ".cs"), source);
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <LangVersion>latest</LangVersion>
                    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
                    <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
                    {library}
                  </ItemGroup>
                </Project>
                """);
        }

        var consumer = Directory.CreateDirectory(Path.Combine(root, "Isolation")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "consumers", "dates.yaml"), Path.Combine(consumer, "openapi.yaml"));
        File.Copy(Path.Combine(sources, "other-openapi.json"), Path.Combine(consumer, "other-openapi.json"));
        File.Copy(Path.Combine(sources, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        // Each generator loads from its own folder with the libraries it depends on, as it would from its own package
        // (the compiler's own assemblies left out, as a generator package leaves them out).
        var analyzers = string.Join("\n", otherGenerators.Select(g => $"""
                  <ProjectReference Include="../{g.Name}/{g.Name}.csproj" ReferenceOutputAssembly="false" />
            """));
        var analyzerFiles = string.Join("\n", otherGenerators.Select(g => $"""
                    <Analyzer Include="../{g.Name}/bin/$(Configuration)/netstandard2.0/*.dll" Exclude="../{g.Name}/bin/$(Configuration)/netstandard2.0/Microsoft.CodeAnalysis*.dll;../{g.Name}/bin/$(Configuration)/netstandard2.0/System.Collections.Immutable.dll;../{g.Name}/bin/$(Configuration)/netstandard2.0/System.Reflection.Metadata.dll;../{g.Name}/bin/$(Configuration)/netstandard2.0/System.Text.Encoding.CodePages.dll" />
            """));
        File.WriteAllText(Path.Combine(consumer, "Isolation.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Isolation</RootNamespace>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest</AnalysisLevel>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Apiforge.Generator" Version="0.1.0" />
                <AdditionalFiles Include="other-openapi.json" />
            {analyzers}
              </ItemGroup>
              <Target Name="AddOtherGenerators" AfterTargets="ResolveProjectReferences">
                <ItemGroup>
            {analyzerFiles}
                </ItemGroup>
              </Target>
            </Project>
            """);

        var clock = Stopwatch.StartNew();
        var build = Dotnet.Run(consumer, "build");
        var built = clock.Elapsed;
        var run = Dotnet.Run(consumer, "run --no-build");
        output.WriteLine($"build (4 other generators + consumer) {built.TotalSeconds:F0} s, run {(clock.Elapsed - built).TotalSeconds:F0} s");
        output.WriteLine(run);

        Assert.Contains("0 Warning(s)", build, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", build, StringComparison.Ordinal);
        Assert.Contains("apiforge: read standup 2026-12-02", run, StringComparison.Ordinal);
        Assert.Contains("openapi16: openapi.yaml: OpenApi3_0 dates /slots,/slots/{day}; other-openapi.json: OpenApi2_0 pets /pets,/pets/{id} | Microsoft.OpenApi 1.6.", run, StringComparison.Ordinal);
        foreach (var version in new[] { "8", "9", "10" })
        {
            Assert.Contains($"stj{version}: other-openapi.json: 2.0 pets /pets,/pets/{{id}} | built on System.Text.Json {version}, ran on System.Text.Json ", run, StringComparison.Ordinal);
        }
    }

    private static string StjGeneratorSource(string sources, string version)
        => File.ReadAllText(Path.Combine(sources, "StjGenerator.cs.txt")).Replace("VERSION", version, StringComparison.Ordinal);

    private static bool IsBundledLibraryName(string name)
        => name.StartsWith("Microsoft.OpenApi", StringComparison.OrdinalIgnoreCase) || name.StartsWith("SharpYaml", StringComparison.OrdinalIgnoreCase);

    private static AssemblyIdentity ReadIdentity(ZipArchiveEntry entry)
    {
        using var copy = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        var metadata = pe.GetMetadataReader();
        var definition = metadata.GetAssemblyDefinition();
        var references = metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Select(r => new AssemblyReferenceIdentity(metadata.GetString(r.Name), metadata.GetBlobBytes(r.PublicKeyOrToken)))
            .ToList();
        return new AssemblyIdentity(metadata.GetString(definition.Name), !definition.PublicKey.IsNil && metadata.GetBlobBytes(definition.PublicKey).Length > 0, references);
    }

    private sealed record AssemblyIdentity(string Name, bool HasPublicKey, IReadOnlyList<AssemblyReferenceIdentity> References);

    private sealed record AssemblyReferenceIdentity(string Name, byte[] PublicKeyOrToken);
}
