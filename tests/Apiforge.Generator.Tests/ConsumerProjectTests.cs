using System.Runtime.InteropServices;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Real projects built with <c>dotnet build</c> from the packed packages (issue 14): netstandard2.0, .NET Framework
/// 4.8 and multi-targeted libraries, warnings as errors, and what a library passes on to the projects that use it.
/// </summary>
[Collection(PackedPackages.Collection)]
public class ConsumerProjectTests(PackedPackages packages)
{
    private const string StrictProperties = """
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <AnalysisLevel>latest</AnalysisLevel>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
        """;

    private static string ConsumerFile(string name) => Path.Combine(AppContext.BaseDirectory, "consumers", name);

    /// <summary>A project folder under the fixture's root, which has the nuget.config and the isolating Directory.*.props.</summary>
    private string Project(string name, string csproj, bool withDatesSpec = false, bool withProgram = false, bool withOwnSpec = false)
    {
        packages.PrepareConsumerRoot();
        var folder = Path.Combine(packages.Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), csproj);
        if (withDatesSpec) File.Copy(ConsumerFile("dates.yaml"), Path.Combine(folder, "openapi.yaml"), overwrite: true);
        if (withOwnSpec) File.Copy(Path.Combine(GeneratorHarness.SpecsDirectory, "tradovate-seed.yaml"), Path.Combine(folder, "openapi.yaml"), overwrite: true);
        if (withProgram) File.Copy(ConsumerFile("Program.cs.txt"), Path.Combine(folder, "Program.cs"), overwrite: true);
        return folder;
    }

    /// <summary>A net10.0 app with its own openapi.yaml (which must not be generated) that runs the library's client.</summary>
    private string NetAppOn(string name, string library)
        => Project(name, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>App</RootNamespace>
            {StrictProperties}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../{library}/{library}.csproj" />
              </ItemGroup>
            </Project>
            """, withProgram: true, withOwnSpec: true);

    private string Library(string name, string targetFrameworks, string extraReferences = "", string generatorReferenceAttributes = "", string langVersion = "11")
        => Project(name, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
                <LangVersion>{langVersion}</LangVersion>
                <RootNamespace>Dates.Lib</RootNamespace>
            {StrictProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Apiforge.Generator" Version="0.1.0" {generatorReferenceAttributes} />
            {extraReferences}
              </ItemGroup>
            </Project>
            """, withDatesSpec: true);

    private const string NetFrameworkReferenceAssemblies = """<PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />""";

    private static readonly string[] s_roundTrip =
    {
        "sent POST /v1/slots {\"name\":\"standup\",\"day\":\"2026-12-02\",\"at\":\"09:30:15.5\"}",
        "read standup 2026-12-02 09:30:15.5000000",
        "sent GET /v1/slots/2026-12-03?at=17%3A00%3A00",
        "read review 2026-12-03 17:00:00",
        "app generated: False",
    };

    private static void AssertRoundTrip(string output)
    {
        foreach (var line in s_roundTrip) Assert.Contains(line, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_netstandard20_library_builds_without_warnings_and_a_net10_app_runs_its_client_without_generating_its_own()
    {
        Library("DatesStandard", "netstandard2.0");
        var app = NetAppOn("AppOnStandard", "DatesStandard");

        var output = Dotnet.Run(app, "run");

        AssertRoundTrip(output);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_multi_targeted_library_builds_for_netstandard20_and_net80_and_a_private_generator_reference_is_warned_about()
    {
        var library = Library("DatesMulti", "netstandard2.0;net8.0", generatorReferenceAttributes: "PrivateAssets=\"all\"");

        var output = Dotnet.Run(library, "build -p:TreatWarningsAsErrors=false");

        // The one warning: users of this library would not get Apiforge.Runtime.
        var warnings = output.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Contains("warning AF0103", w, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(library, "bin", "Debug", "netstandard2.0", "DatesMulti.dll")));
        Assert.True(File.Exists(Path.Combine(library, "bin", "Debug", "net8.0", "DatesMulti.dll")));
    }

    [Fact]
    public void A_net48_library_and_exe_build_without_warnings_and_the_exe_runs_under_mono_when_a_complete_mono_is_installed()
    {
        Library("DatesFramework", "net48", NetFrameworkReferenceAssemblies);
        var exe = Project("AppOnFramework", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net48</TargetFramework>
                <LangVersion>11</LangVersion>
                <RootNamespace>App</RootNamespace>
            """ + StrictProperties + """
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../DatesFramework/DatesFramework.csproj" />
                <Reference Include="System.Net.Http" />
            """ + NetFrameworkReferenceAssemblies + """
              </ItemGroup>
            </Project>
            """, withProgram: true, withOwnSpec: true);

        var output = Dotnet.Run(exe, "build");
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);

        var program = Path.Combine(exe, "bin", "Debug", "net48", "AppOnFramework.exe");
        Assert.True(File.Exists(program));
        if (Mono() is { } mono)
        {
            AssertRoundTrip(Dotnet.RunProcess(mono, $"\"{program}\"", exe));
        }
    }

    [Fact]
    public void A_library_with_a_private_generator_reference_and_a_direct_runtime_reference_gives_its_app_the_runtime()
    {
        Library("DatesPrivate", "netstandard2.0", extraReferences: """<PackageReference Include="Apiforge.Runtime" Version="0.1.0" />""", generatorReferenceAttributes: "PrivateAssets=\"all\"");
        var app = NetAppOn("AppOnPrivate", "DatesPrivate");

        var output = Dotnet.Run(app, "run");

        AssertRoundTrip(output);
        Assert.DoesNotContain("AF0103", output, StringComparison.Ordinal);
    }

    private static string? Mono()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return null;
        // Debian's mono-runtime alone lacks the netstandard.dll facade a netstandard2.0 dependency needs (mono-devel has it).
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "mono"))
            .FirstOrDefault(mono => File.Exists(mono) &&
                File.Exists(Path.Combine(Path.GetDirectoryName(mono)!, "..", "lib", "mono", "4.5", "Facades", "netstandard.dll")));
    }
}
