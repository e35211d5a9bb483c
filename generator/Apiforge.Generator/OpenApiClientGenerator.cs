using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Emitting;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Apiforge.Generator;

/// <summary>Generates a typed client, its models and their JSON metadata from each OpenAPI spec in AdditionalFiles.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
            {
                var (file, options) = pair;
                var fileOptions = options.GetOptions(file);
                if (!SpecOptionsReader.IsSpec(fileOptions)) return null;
                var text = file.GetText(cancellationToken)?.ToString() ?? "";
                return new SpecInput(file.Path, text, SpecOptionsReader.Read(fileOptions, options.GlobalOptions));
            })
            .Where(static input => input is not null)
            .Select(static (input, _) => input!);

        // Every other .yaml/.yml/.json AdditionalFile may be the target of a relative $ref. Each spec keeps only the
        // files it refers to (transitively), so editing an unrelated file does not parse the spec again.
        var externalFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
            {
                var (file, options) = pair;
                if (!IsDocumentFile(file.Path) || SpecOptionsReader.IsSpec(options.GetOptions(file))) return null;
                return new ExternalFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? "");
            })
            .Where(static file => file is not null)
            .Collect();

        // The target framework and C# version shape the code (DateOnly or DateTime, LangVersion); an equatable value,
        // so an edit that changes neither leaves everything below cached. Read on every C# edit, so in time that does
        // not grow with the project: the C# version and the types the references declare from the compilation, a
        // polyfill declared in source by a syntax provider, which looks again only at edited trees.
        var compilationFacts = context.CompilationProvider
            .Select(static (compilation, _) => ConsumerFeaturesReader.ReadCompilation(compilation))
            .WithTrackingName(TrackingNames.ConsumerFeatures);
        var declaredInSource = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => ConsumerFeaturesReader.MayDeclareProbedType(node), static (syntax, _) => ConsumerFeaturesReader.DeclaredBy(syntax.Node))
            .Collect()
            .Select(static (types, _) => types.Aggregate(default(ConsumerFeaturesReader.TypeSet), static (all, type) => all.Union(type)));
        var probedTypes = compilationFacts.Combine(declaredInSource);
        var features = probedTypes.Select(static (pair, _) => ConsumerFeaturesReader.Features(pair.Left, pair.Right));

        inputs = inputs
            .Combine(externalFiles)
            .Select(static (pair, _) => pair.Left with { ExternalFiles = ExternalRefBundler.Referenced(pair.Left.Path, pair.Left.Text, pair.Right!) })
            .Combine(features)
            .Select(static (pair, _) => pair.Left with { Options = pair.Left.Options with { Features = pair.Right } })
            .WithTrackingName(TrackingNames.SpecInputs);

        var parsed = inputs
            .Select(static (input, cancellationToken) => ConsumerFeaturesReader.Unsupported(input) ?? SafeParse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        // Two specs that would generate the same client are reported, and only the first is emitted.
        var clients = parsed.Collect()
            .Select(static (results, _) => ResolveDuplicates(results))
            .WithTrackingName(TrackingNames.Clients);

        context.RegisterSourceOutput(
            clients.SelectMany(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics),
            static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var clientSpecs = clients.SelectMany(static (r, _) => r.Clients);

        // C# 11 required members on a framework without their attributes (netstandard2.0, .NET Framework).
        var needsRequiredAttributes = clients
            .Select(static (r, _) => r.Clients.Count > 0)
            .Combine(features)
            .Select(static (pair, _) => pair.Left && pair.Right.NeedsRequiredMemberAttributes);
        context.RegisterSourceOutput(needsRequiredAttributes, static (spc, needed) =>
        {
            if (needed) AddSource(spc, PolyfillEmitter.HintName, PolyfillEmitter.EmitRequiredMemberAttributes, "RequiredMemberAttribute");
        });

        var types = clientSpecs
            .SelectMany(static (client, _) => client.Types.Select(t => new TypeOutputSpec(client.Namespace, client.ClientName, t) { DocBaseUri = client.DocBaseUri }))
            .WithTrackingName(TrackingNames.Types);

        context.RegisterSourceOutput(types, static (spc, output) =>
            AddSource(spc, $"{output.Namespace}.{output.ClientName}.Models.{output.Type.Name}.g.cs", () => ModelEmitter.Emit(output), output.Namespace + "." + output.Type.Name));

        // Each client-level output sees only what it reads (OutputProjections), so a description edit on one schema
        // re-emits that type's file and leaves these cached. The JSON context and validator projections are narrower
        // than the client's and taken from it: when the client projection is unchanged (any schema documentation edit)
        // the driver does not build or compare them at all, which saves a walk over every type on each keystroke.
        var clientOutputs = clientSpecs.Select(static (client, _) => OutputProjections.ForClient(client)).WithTrackingName(TrackingNames.ClientOutput);
        context.RegisterSourceOutput(clientOutputs, static (spc, client) =>
            AddSource(spc, $"{client.Namespace}.{client.ClientName}.g.cs", () => ClientEmitter.Emit(client), client.ClientName));
        var jsonContexts = clientOutputs.Select(static (client, _) => OutputProjections.ForJsonContext(client)).WithTrackingName(TrackingNames.JsonContextOutput);
        context.RegisterSourceOutput(jsonContexts, static (spc, client) =>
            AddSource(spc, $"{client.Namespace}.{client.ContextName}.g.cs", () => JsonEmitter.EmitContext(client), client.ContextName));
        var validators = clientOutputs.Select(static (client, _) => OutputProjections.ForValidator(client)).WithTrackingName(TrackingNames.ValidatorOutput);
        context.RegisterSourceOutput(validators, static (spc, client) =>
            AddSource(spc, $"{client.Namespace}.{client.ClientName}Validator.g.cs", () => ValidationEmitter.Emit(client), client.ClientName + "Validator"));

        // services.Add{Client}() only when the consumer references Microsoft.Extensions.Http. The compilation changes on
        // every edit, but this bool rarely does, so the output below stays cached.
        var hasHttpClientFactory = probedTypes
            .Select(static (pair, _) => ConsumerFeaturesReader.HasHttpClientFactory(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.HttpClientFactory);
        var dependencyInjection = clientSpecs
            .Select(static (client, _) => DependencyInjectionEmitter.Describe(client))
            .Combine(hasHttpClientFactory)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.DependencyInjection);
        context.RegisterSourceOutput(dependencyInjection, static (spc, spec) =>
            AddSource(spc, $"{spec.Namespace}.{spec.ClientName}.DependencyInjection.g.cs", () => DependencyInjectionEmitter.Emit(spec), spec.ClientName + "Options"));
    }

    private static bool IsDocumentFile(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ||
           path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static ParseResult SafeParse(SpecInput input, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return DocumentParser.Parse(input, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, input.Path, ex.GetType().Name + ": " + ex.Message + WhereThrown(ex));
            return new ParseResult(input.Path, null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }
    }

    /// <summary>The frames where an exception was thrown, for the bug report (" at Type.Method" ...).</summary>
    private static string WhereThrown(Exception ex)
    {
        var frames = (ex.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).Take(3)
            .Select(l => l.IndexOf(" in ", StringComparison.Ordinal) is var i and > 0 ? l.Substring(0, i) : l);
        var text = string.Join("; ", frames);
        return text.Length == 0 ? "" : " (" + text + ")";
    }

    private static ClientSet ResolveDuplicates(System.Collections.Immutable.ImmutableArray<ParseResult> results)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var clients = new List<ClientSpec>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in results.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Client is not { } client) continue;
            var key = client.Namespace + "." + client.ClientName;
            if (seen.TryGetValue(key, out var firstPath))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClient, null, firstPath, result.Path, key));
                continue;
            }
            seen.Add(key, result.Path);
            clients.Add(client);
        }
        return new ClientSet(clients.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Adds what <paramref name="emit"/> writes; null: nothing to add.</summary>
    private static void AddSource(SourceProductionContext context, string hintName, Func<string?> emit, string what)
    {
        string? source;
        try
        {
            source = emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, what, ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
            return;
        }
        if (source is null) return;
        context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
    }

    private sealed record ClientSet(EquatableArray<ClientSpec> Clients, EquatableArray<DiagnosticInfo> Diagnostics);
}
