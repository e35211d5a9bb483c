using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>What the dependency injection output of one client needs.</summary>
/// <param name="SecretHeaders">Headers that carry credentials, redacted in IHttpClientFactory's logs.</param>
internal sealed record DependencyInjectionSpec(string Namespace, string ClientName, bool HasDefaultBaseAddress, EquatableArray<string> SecretHeaders);

/// <summary>
/// Emits <c>{Client}Options</c> and <c>services.Add{Client}()</c>, a typed client through IHttpClientFactory with
/// the authentication handler wired in. Only emitted when the consumer references Microsoft.Extensions.Http.
/// </summary>
internal static class DependencyInjectionEmitter
{
    /// <summary>A type of Microsoft.Extensions.Http whose presence turns this output on.</summary>
    public const string MarkerType = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";

    private const string DI = "global::Microsoft.Extensions.DependencyInjection";

    public static DependencyInjectionSpec Describe(ClientSpec client)
        => new(client.Namespace, client.ClientName, client.DefaultBaseAddress is not null,
            new[] { "Authorization", "Cookie" }
                .Concat(client.SecuritySchemes.Where(s => s.Kind == ApiSecuritySchemeKind.ApiKey && s.Location == ApiKeyLocation.Header).Select(s => s.ParameterName!))
                .Distinct(System.StringComparer.OrdinalIgnoreCase)
                .ToEquatableArray());

    public static string Emit(DependencyInjectionSpec spec)
    {
        var client = spec.ClientName;
        var w = new SourceWriter();
        w.Lines(CSharp.Header);
        w.Line($"namespace {spec.Namespace};");
        w.Line();
        foreach (var alias in RuntimeNames.Aliases) w.Line(alias);
        w.Line();
        w.Line($"/// <summary>Settings of the <see cref=\"{client}\"/> that <c>services.Add{client}()</c> registers.</summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public sealed partial class {client}Options");
        w.OpenBrace();
        w.Line("/// <summary>The API's root. Default: the first server of the API description.</summary>");
        w.Line("public global::System.Uri? BaseAddress { get; set; }");
        w.Line();
        w.Line("/// <summary>The credentials the authentication handler applies, as each operation's security requirement names them.</summary>");
        w.Line($"public {RuntimeNames.ApiCredentials} Credentials {{ get; }} = new {RuntimeNames.ApiCredentials}();");
        w.Line();
        w.Line("/// <summary>Adds credentials that need services (a token source from the container, say); runs once, before the first request.</summary>");
        w.Line($"public global::System.Action<global::System.IServiceProvider, {RuntimeNames.ApiCredentials}>? ConfigureCredentials {{ get; set; }}");
        w.CloseBrace();
        w.Line();
        w.Line($"/// <summary>Registers <see cref=\"I{client}\"/> with IHttpClientFactory.</summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public static partial class {client}ServiceCollectionExtensions");
        w.OpenBrace();
        w.Line("/// <summary>");
        w.Line($"/// Registers <see cref=\"I{client}\"/> as a typed client: its base address from <paramref name=\"configure\"/> or the API");
        w.Line("/// description, and an <see cref=\"global::Apiforge.Runtime.ApiAuthenticationHandler\"/> applying the configured credentials.");
        w.Line("/// Chain further handlers (<c>AddStandardResilienceHandler()</c>, say) on the result.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configure\">Sets the base address and credentials.</param>");
        w.Line("/// <returns>The builder of the typed client's HttpClient.</returns>");
        w.Line($"public static {DI}.IHttpClientBuilder Add{client}(this {DI}.IServiceCollection services, global::System.Action<{client}Options>? configure = null)");
        w.OpenBrace();
        w.Line("if (services is null) throw new global::System.ArgumentNullException(nameof(services));");
        w.Line($"var options = new {client}Options();");
        w.Line("configure?.Invoke(options);");
        w.Line($"var credentials = new {RuntimeNames.ApiCredentialsResolver}(options.Credentials, options.ConfigureCredentials);");
        w.Line($"var builder = {DI}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<I{client}, {client}>(services, httpClient =>");
        w.OpenBrace();
        w.Line("if (options.BaseAddress is not null)");
        w.OpenBrace();
        w.Line("httpClient.BaseAddress = options.BaseAddress;");
        w.CloseBrace();
        if (spec.HasDefaultBaseAddress)
        {
            w.Line($"else if (global::System.Uri.TryCreate({client}.DefaultBaseAddress.TrimEnd('/') + \"/\", global::System.UriKind.Absolute, out var defaultBaseAddress))");
            w.OpenBrace();
            w.Line("httpClient.BaseAddress = defaultBaseAddress;");
            w.CloseBrace();
        }
        w.CloseBrace(");");
        w.Line($"{DI}.HttpClientBuilderExtensions.AddHttpMessageHandler(builder, serviceProvider => new {RuntimeNames.ApiAuthenticationHandler}(credentials.Resolve(serviceProvider)));");
        w.Line("// Credentials stay out of IHttpClientFactory's request logs.");
        w.Line($"{DI}.HttpClientBuilderExtensions.RedactLoggedHeaders(builder, new string[] {{ {string.Join(", ", spec.SecretHeaders.Select(CSharp.Literal))} }});");
        w.Line("return builder;");
        w.CloseBrace();
        w.CloseBrace();
        return w.ToString();
    }
}
