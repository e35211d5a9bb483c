using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Diagnostics;

/// <summary>The catalogue of Apiforge diagnostics. IDs are stable: never reuse or renumber one.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "Apiforge";

    public static readonly DiagnosticDescriptor UnreadableDocument = new(
        "AF0001",
        "The OpenAPI document cannot be read",
        "'{0}' is not valid YAML or JSON: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Fix the syntax error at the reported line; no client is generated from this file until it parses.");

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "AF0002",
        "The file is not a supported OpenAPI document",
        "'{0}' is not a supported OpenAPI document: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Apiforge reads Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 documents, in YAML or JSON.");

    public static readonly DiagnosticDescriptor ReaderError = new(
        "AF0003",
        "The OpenAPI document has an error",
        "The OpenAPI reader reports: {0}; fix the document there (what can be read is still generated)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The OpenAPI reader found an error in the document; the parts it could read are still generated.");

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "AF0004",
        "Schema shape not supported: JsonElement used instead",
        "The schema at '{0}' uses {1}, which Apiforge does not map to a C# type yet; it is generated as System.Text.Json.JsonElement",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "AF0005",
        "Invalid Apiforge option",
        "The {0} value '{1}' of '{2}' is not valid: {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Fix the metadata of the OpenApiSpec item in the project file.");

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "AF0006",
        "Unresolved $ref",
        "The reference '{0}' cannot be resolved; JsonElement is used in its place",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Point the $ref at a schema that exists in this document or in a file that is an AdditionalFile.");

    public static readonly DiagnosticDescriptor DuplicateClient = new(
        "AF0007",
        "Two specs produce the same client",
        "'{0}' and '{1}' both generate '{2}'; give one of them another Namespace or ClientName",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedOperation = new(
        "AF0008",
        "Operation not generated",
        "The operation {0} {1} is skipped: {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExternalFileMissing = new(
        "AF0009",
        "A $ref points to a file that is not an AdditionalFile",
        "The $ref '{0}' points to '{1}', which is not an AdditionalFile of this project; add it with <AdditionalFiles Include=\"{1}\" /> (JsonElement or nothing is generated in its place)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A generator cannot read files itself: every file a spec refers to must be an AdditionalFile. The buildTransitive targets add the .yaml, .yml and .json files beside and below a spec; add others by hand.");

    public static readonly DiagnosticDescriptor DocumentLimitExceeded = new(
        "AF0010",
        "The OpenAPI document exceeds a limit",
        "No client is generated from '{0}': {1} exceeds the limit of {2}; if the document is trusted, raise the {3} metadata of its OpenApiSpec item",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Limits keep a hostile or broken document from hanging the build or exhausting its memory. They are documented in docs/diagnostics.md.");

    public static readonly DiagnosticDescriptor PartLimitExceeded = new(
        "AF0011",
        "Part of the OpenAPI document exceeds a limit",
        "{0} exceeds the limit of {1}; {2}. If the document is trusted, raise the {3} metadata of its OpenApiSpec item.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Only the part over the limit is cut back; the rest of the client is generated.");

    public static readonly DiagnosticDescriptor ReferenceCycle = new(
        "AF0012",
        "$ref cycle",
        "The $ref at '{0}' is part of a reference cycle that never reaches a definition; it is left out (a schema becomes JsonElement)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Break the cycle: one of the schemas in it must define a type (an object with properties, an enum or a primitive) instead of only pointing at the next one.");

    public static readonly DiagnosticDescriptor NameCollision = new(
        "AF0013",
        "Name collision resolved by renaming",
        "'{0}' is generated as '{1}' because its name is already taken in the client",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Two names in the document map to the same C# name; the later one gets a number. Rename one of them in the document (or set x-enum-varnames / operationId) to choose the name yourself.");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "AF0014",
        "Duplicate key",
        "The key '{0}' appears more than once in the same mapping; {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "YAML and JSON mappings must not repeat a key. Remove or rename one of them.");

    public static readonly DiagnosticDescriptor UnsupportedPattern = new(
        "AF0020",
        "A pattern .NET cannot use",
        "The pattern '{0}' is not a regular expression .NET can parse ({1}); the client does not check it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Client-side validation compiles each 'pattern' as an ECMAScript-compatible .NET Regex. Rewrite the pattern in the common subset of ECMA 262 and .NET, or accept that the server alone checks it.");

    public static readonly DiagnosticDescriptor InternalError = new(
        "AF9999",
        "Apiforge failed",
        "Apiforge failed on '{0}': {1}. Please report this as a bug.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Index(
        UnreadableDocument, NotOpenApi, ReaderError, UnsupportedSchema, InvalidOption, UnresolvedReference,
        DuplicateClient, UnsupportedOperation, ExternalFileMissing, DocumentLimitExceeded, PartLimitExceeded, ReferenceCycle,
        NameCollision, DuplicateKey, UnsupportedPattern, InternalError,
        LanguageVersionTooLow, DateTypeFallback);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var d in descriptors) map.Add(d.Id, d);
        return map;
    }
}
