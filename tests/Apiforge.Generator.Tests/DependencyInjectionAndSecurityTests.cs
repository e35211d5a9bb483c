using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;

namespace Apiforge.Generator.Tests;

/// <summary>services.Add{Client}() (only with Microsoft.Extensions.Http), security tagging and ErrorTextProperty.</summary>
public class DependencyInjectionAndSecurityTests
{
    private const string SecureSpec = """
        openapi: 3.0.3
        info: { title: secure, version: "1" }
        servers: [{ url: "https://secure.example.com/api" }]
        security: [{ bearerAuth: [] }]
        components:
          securitySchemes:
            bearerAuth: { type: http, scheme: bearer }
            queryKey: { type: apiKey, in: query, name: "api\"key" }
            digest: { type: http, scheme: digest }
            unused: { type: apiKey, in: header, name: X-Unused }
        paths:
          /a:
            get:
              operationId: getA
              responses: { "204": { description: done } }
          /b:
            get:
              operationId: getB
              security: [{ queryKey: [] }, { digest: [] }]
              responses: { "200": { description: ok, content: { application/json: { schema: { type: object, properties: { errorText: { type: string } } } } } } }
          /c:
            get:
              operationId: getC
              security: []
              responses: { "204": { description: done } }
        """;

    private static ImmutableArray<MetadataReference> HttpFactoryReferences { get; } = new[]
    {
        typeof(HttpClientFactoryServiceCollectionExtensions).Assembly,
        typeof(IServiceCollection).Assembly,
    }.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToImmutableArray();

    private static GeneratorDriver Driver(string? errorTextProperty = null)
    {
        var path = Path.Combine(GeneratorHarness.SpecsDirectory, "secure.yaml");
        var values = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.ApiforgeSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = "Secure",
        };
        if (errorTextProperty is not null) values["build_metadata.AdditionalFiles.ErrorTextProperty"] = errorTextProperty;
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            new AdditionalText[] { new SpecText(path, SecureSpec) },
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new() { [path] = values }, new()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    private static GenerationResult Run(bool withHttpFactory, string? errorTextProperty = null)
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { /// <summary>A consumer type.</summary>\n public static class Marker { } }");
        if (withHttpFactory) compilation = compilation.AddReferences(HttpFactoryReferences);
        var driver = Driver(errorTextProperty).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GenerationResult(driver.GetRunResult(), output, diagnostics);
    }

    [Fact]
    public void Without_Microsoft_Extensions_Http_nothing_DI_related_is_emitted_and_it_compiles()
    {
        var result = Run(withHttpFactory: false);
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("DependencyInjection", StringComparison.Ordinal));
        Assert.Empty(result.CompileDiagnostics());
    }

    [Fact]
    public void With_Microsoft_Extensions_Http_AddClient_is_emitted_and_compiles()
    {
        var result = Run(withHttpFactory: true);
        var source = result.Source("Secure.SecureClient.DependencyInjection.g.cs");
        Assert.Contains("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddSecureClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<SecureClientOptions>? configure = null)", source, StringComparison.Ordinal);
        Assert.Contains("AddHttpClient<ISecureClient, SecureClient>", source, StringComparison.Ordinal);
        Assert.Contains("ApiAuthenticationHandler", source, StringComparison.Ordinal);
        Assert.Empty(result.CompileDiagnostics());
    }

    [Fact]
    public void Requests_are_tagged_with_the_schemes_their_operation_names()
    {
        var source = Run(withHttpFactory: false).Source("Secure.SecureClient.g.cs");
        // The literal in the key name is escaped; the digest scheme, which a client cannot satisfy, drops out.
        Assert.Contains("new(\"queryKey\", __Rt::ApiSecuritySchemeKind.ApiKey, \"api\\\"key\", __Rt::ApiKeyLocation.Query)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("digest", source, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Unused", source, StringComparison.Ordinal);
        var getA = Method(source, "GetAAsync");
        Assert.Contains("ApiSecurity.Require(__request, __security0)", getA, StringComparison.Ordinal);
        Assert.Contains("ApiSecurity.Require(__request, __security1)", Method(source, "GetBAsync"), StringComparison.Ordinal);
        Assert.Contains("ApiRequest.MarkAnonymous(__request)", Method(source, "GetCAsync"), StringComparison.Ordinal);
        Assert.DoesNotContain("ApiErrorText", source, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorTextProperty_adds_the_check_to_success_answers()
    {
        var result = Run(withHttpFactory: false, errorTextProperty: "errorText");
        var source = result.Source("Secure.SecureClient.g.cs");
        // The check runs in the runtime call that reads the answer (ApiResponse.CallJsonAsync / CallAsync): the property's name is passed to it.
        Assert.Contains("\"errorText\", cancellationToken);", Method(source, "GetBAsync"), StringComparison.Ordinal);
        Assert.Contains("\"errorText\", cancellationToken);", Method(source, "GetAAsync"), StringComparison.Ordinal);
        Assert.Empty(result.CompileDiagnostics());
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_with_the_DI_detection()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }").AddReferences(HttpFactoryReferences);
        var driver = Driver().RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("DependencyInjection.g.cs", StringComparison.Ordinal));

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.TrackedSteps.ContainsKey(TrackingNames.HttpClientFactory));
        Assert.True(result.TrackedSteps.ContainsKey(TrackingNames.DependencyInjection));
        // The detection reruns on the new compilation but finds the same answer; everything after it is cached.
        Assert.All(result.TrackedSteps[TrackingNames.HttpClientFactory].SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.All(result.TrackedSteps[TrackingNames.DependencyInjection].SelectMany(r => r.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        foreach (var step in new[] { TrackingNames.SpecInputs, TrackingNames.Parsed, TrackingNames.Clients, TrackingNames.Types })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(r => r.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{step}: {o.Reason}"));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(o => o.Value).SelectMany(r => r.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Adding_the_reference_later_adds_the_DI_output()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { public static class A { } }");
        var driver = Driver().RunGenerators(compilation);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("DependencyInjection.g.cs", StringComparison.Ordinal));
        driver = driver.RunGenerators(compilation.AddReferences(HttpFactoryReferences));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("DependencyInjection.g.cs", StringComparison.Ordinal));
    }

    private static string Method(string source, string name)
    {
        // The method's body in the class (not its declaration in the interface).
        var start = source.IndexOf(name + "(", source.IndexOf("public partial class", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = source.IndexOf("\n    }", start, StringComparison.Ordinal);
        return source[start..end];
    }
}
