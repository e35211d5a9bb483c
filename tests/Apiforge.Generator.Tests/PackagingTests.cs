using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Apiforge.Generator.Tests;

/// <summary>The tests that share one pack of the two packages.</summary>
[CollectionDefinition(PackedPackages.Collection)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackages>
{
}

/// <summary>Packs the two packages once and shares them between the packaging tests.</summary>
public sealed class PackedPackages : IDisposable
{
    public const string Collection = "Packed packages";

    public PackedPackages()
    {
        Root = Path.Combine(Path.GetTempPath(), "apiforge-pack-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "runtime/Apiforge.Runtime/Apiforge.Runtime.csproj", "generator/Apiforge.Generator/Apiforge.Generator.csproj" })
        {
            Dotnet.Run(GeneratorHarness.RepositoryRoot, $"pack \"{Path.Combine(GeneratorHarness.RepositoryRoot, project)}\" -c Release -o \"{Feed}\"");
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Package(string id) => Directory.GetFiles(Feed, id + ".*.nupkg").Single();

    /// <summary>
    /// Root-level files for consumer projects: a nuget.config with the packed feed (and nuget.org for the runtime's
    /// netstandard2.0 dependencies), one packages folder for all of them, and empty Directory.*.props so that
    /// this repository's settings do not reach them.
    /// </summary>
    public void PrepareConsumerRoot()
    {
        lock (_prepareLock)
        {
            if (_prepared) return;
            File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
                  </config>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="local">
                      <package pattern="Apiforge.*" />
                    </packageSource>
                    <packageSource key="nuget.org">
                      <package pattern="*" />
                    </packageSource>
                  </packageSourceMapping>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
            _prepared = true;
        }
    }

    private readonly object _prepareLock = new();
    private bool _prepared;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Dotnet
{
    public static string Run(string workingDirectory, string arguments, int timeoutSeconds = 600)
        => RunProcess("dotnet", arguments, workingDirectory, timeoutSeconds);

    public static string RunExpectingFailure(string workingDirectory, string arguments, int timeoutSeconds = 600)
        => RunProcess("dotnet", arguments, workingDirectory, timeoutSeconds, expectSuccess: false);

    public static string RunProcess(string fileName, string arguments, string workingDirectory, int timeoutSeconds = 600, bool expectSuccess = true)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} took longer than {timeoutSeconds} s");
        }
        var output = stdout.Result + stderr.Result;
        Assert.True(expectSuccess == (process.ExitCode == 0), $"{fileName} {arguments} exited with {process.ExitCode}:\n{output}");
        return output;
    }
}

[Collection(PackedPackages.Collection)]
public class PackagingTests(PackedPackages packages)
{
    private static readonly string[] s_analyzerAssemblies =
    {
        "Apiforge.Generator.dll", "Apiforge.Internal.Microsoft.OpenApi.dll", "Apiforge.Internal.Microsoft.OpenApi.YamlReader.dll", "Apiforge.Internal.SharpYaml.dll",
        "System.Text.Json.dll", "System.Text.Encodings.Web.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "System.Buffers.dll",
        "System.Memory.dll", "System.Numerics.Vectors.dll", "System.Runtime.CompilerServices.Unsafe.dll", "System.Threading.Tasks.Extensions.dll",
    };

    [Fact]
    public void Generator_package_is_an_analyzer_package_that_depends_on_the_runtime()
    {
        using var zip = ZipFile.OpenRead(packages.Package("Apiforge.Generator"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        var analyzers = entries.Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(s_analyzerAssemblies.Order(StringComparer.Ordinal), analyzers);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        // Direct references only: a project that gets the generator through a library generates nothing.
        Assert.Contains("build/Apiforge.Generator.props", entries);
        Assert.Contains("build/Apiforge.Generator.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("buildTransitive/", StringComparison.Ordinal));

        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var xml = XDocument.Load(nuspec);
        var dependency = Assert.Single(xml.Descendants(), e => e.Name.LocalName == "dependency");
        Assert.Equal("Apiforge.Runtime", dependency.Attribute("id")!.Value);

        using var analyzer = zip.GetEntry("analyzers/dotnet/cs/Apiforge.Generator.dll")!.Open();
        using var copy = new MemoryStream();
        analyzer.CopyTo(copy);
        Assert.True(copy.Length > 10_000);
    }

    [Fact]
    public void Runtime_package_has_its_library()
    {
        using var zip = ZipFile.OpenRead(packages.Package("Apiforge.Runtime"));
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net8.0/Apiforge.Runtime.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "lib/netstandard2.0/Apiforge.Runtime.dll");
    }

    [Fact]
    public void A_fresh_consumer_with_one_package_reference_and_openapi_yaml_builds_and_runs()
    {
        var consumer = Path.Combine(packages.Root, "consumer");
        Directory.CreateDirectory(consumer);
        File.Copy(Path.Combine(GeneratorHarness.SpecsDirectory, "tradovate-seed.yaml"), Path.Combine(consumer, "openapi.yaml"));
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Acme.Consumer</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <AnalysisLevel>latest</AnalysisLevel>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
                <RestorePackagesPath>packages</RestorePackagesPath>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Apiforge.Generator" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System.Net;
            using System.Text;
            using Acme.Consumer;
            using Apiforge.Runtime;

            var handler = new StubHandler();
            using var http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(AccessTokenSource.FromToken("t0k3n")), handler)) { BaseAddress = new Uri("http://127.0.0.1/v1/") };
            IConnectClient client = new ConnectClient(http);
            var response = await client.CreateTradingPermissionAsync(new CreateTradingPermission { AccountId = 1, UserId = 2 });
            Console.WriteLine($"{handler.Seen} -> {response.TradingPermission!.Status}");

            /// <summary>Answers like the API.</summary>
            internal sealed class StubHandler : HttpMessageHandler
            {
                public string Seen { get; private set; } = "";

                protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Seen = $"{request.Method} {request.RequestUri!.AbsolutePath} {request.Headers.Authorization} {await request.Content!.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
                    const string body = "{\"tradingPermission\":{\"userId\":2,\"accountId\":1,\"accountHolderContact\":\"a\",\"accountHolderEmail\":\"b\",\"ctaContact\":\"c\",\"ctaEmail\":\"d\",\"status\":\"Approved\"}}";
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                }
            }
            """);
        // Keep the consumer out of this repository's Directory.Build.props / Directory.Packages.props.
        File.WriteAllText(Path.Combine(packages.Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(packages.Root, "Directory.Packages.props"), "<Project />");

        var output = Dotnet.Run(consumer, "run");

        Assert.Contains("POST /v1/user/createtradingpermission Bearer t0k3n {\"accountId\":1,\"userId\":2} -> Approved", output, StringComparison.Ordinal);
    }
}
