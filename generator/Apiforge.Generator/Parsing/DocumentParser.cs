using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Reads one OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0, 3.1) into a <see cref="ClientSpec"/>.
/// Nothing from Microsoft.OpenApi leaves this class: the result is plain equatable data.
/// </summary>
internal static class DocumentParser
{
    private static readonly Uri s_documentUri = new("file:///openapi");

    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var limits = input.Options.Limits;
        if (limits.InvalidName is { } invalidLimit)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, invalidLimit, limits.InvalidValue ?? "", FileName(input.Path),
                "it must be a positive whole number; the default is used"));
        }
        if (!DocumentLoader.CheckSize(input.Path, input.Text, limits, diagnostics)) return Result(input, null, diagnostics);

        var text = input.Text.Length > 0 && input.Text[0] == '\uFEFF' ? input.Text.Substring(1) : input.Text;
        var isJson = IsJson(input.Path, text);
        var locator = new SpecLocator(input.Path, input.Text, isJson);
        var bomOffset = input.Text.Length - text.Length;

        var loader = new DocumentLoader(input.Path, limits, locator, diagnostics, cancellationToken);
        var root = isJson ? loader.LoadJson(text, bomOffset) : loader.LoadYaml(text, bomOffset);
        if (root is null) return Result(input, null, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        loader.Sanitize(root);
        cancellationToken.ThrowIfCancellationRequested();

        if (root is not JsonObject rootObject || (rootObject["openapi"] is null && rootObject["swagger"] is null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.AtOffset(0), FileName(input.Path), "it has no 'openapi' or 'swagger' field at the top level"));
            return Result(input, null, diagnostics);
        }

        var versionNode = rootObject["openapi"] ?? rootObject["swagger"];
        var version = versionNode is JsonValue v && v.TryGetValue<string>(out var s) ? s : versionNode?.ToJsonString() ?? "";
        if (!(version.StartsWith("2.0", StringComparison.Ordinal) || version.StartsWith("3.0", StringComparison.Ordinal) ||
              version.StartsWith("3.1", StringComparison.Ordinal) || version.StartsWith("3.2", StringComparison.Ordinal)))
        {
            var pointer = rootObject["openapi"] is not null ? "#/openapi" : "#/swagger";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.Locate(pointer), FileName(input.Path), $"version '{version}' is not supported (2.0, 3.0, 3.1 and 3.2 are)"));
            return Result(input, null, diagnostics);
        }

        if (ExternalRefBundler.HasExternalRefs(text))
        {
            new ExternalRefBundler(input, rootObject, version.StartsWith("2.0", StringComparison.Ordinal), locator, loader, diagnostics, cancellationToken).Run();
            cancellationToken.ThrowIfCancellationRequested();
        }

        DocumentNormalizer.Normalize(rootObject, locator, diagnostics);
        DocumentShapes.Repair(rootObject, locator, diagnostics, cancellationToken);
        if (version.StartsWith("3.1", StringComparison.Ordinal) || version.StartsWith("3.2", StringComparison.Ordinal)) LegacyNullable.Rewrite(rootObject, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (version.StartsWith("2.0", StringComparison.Ordinal)) Swagger2Fixups.Apply(rootObject);

        RefCycles.Break(rootObject, locator, diagnostics, cancellationToken);

        ReadResult read;
        try
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            read = new OpenApiJsonReader().Read(root, s_documentUri, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.AtOffset(0), FileName(input.Path), "the OpenAPI reader failed: " + ex.Message));
            return Result(input, null, diagnostics);
        }

        if (read.Diagnostic is { } readerDiagnostic)
        {
            foreach (var error in readerDiagnostic.Errors.Concat(readerDiagnostic.Warnings))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (IsKnownFalsePositive(version, error.Message)) continue;
                var pointer = string.IsNullOrEmpty(error.Pointer) ? SpecLocator.PointerFromMessage(error.Message) : error.Pointer;
                var message = string.IsNullOrEmpty(error.Pointer) ? error.Message : $"{error.Message} (at {error.Pointer})";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderError, locator.Locate(pointer), message));
            }
        }

        if (read.Document is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.AtOffset(0), FileName(input.Path), "the OpenAPI reader produced no document"));
            return Result(input, null, diagnostics);
        }

        var builder = new ClientBuilder(input, read.Document, locator, diagnostics, cancellationToken);
        var client = builder.Build();
        return Result(input, client, diagnostics);
    }

    /// <summary>
    /// Swagger 2.0 fields the Microsoft.OpenApi 2.0 reader does not know (an operation's <c>schemes</c>, a parameter's
    /// <c>uniqueItems</c>, ...). Reporting them would flood a valid document with warnings (5,125 on the Kubernetes spec).
    /// </summary>
    private static readonly HashSet<string> s_valid20Fields = new(StringComparer.Ordinal)
    {
        "schemes", "uniqueItems", "collectionFormat", "allowEmptyValue", "maxItems", "minItems", "multipleOf",
        "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
    };

    private static bool IsKnownFalsePositive(string version, string message)
    {
        if (!version.StartsWith("2.0", StringComparison.Ordinal)) return false;
        const string Suffix = " is not a valid property at ";
        var end = message.IndexOf(Suffix, StringComparison.Ordinal);
        return end > 0 && s_valid20Fields.Contains(message.Substring(0, end));
    }

    private static ParseResult Result(SpecInput input, ClientSpec? client, List<DiagnosticInfo> diagnostics)
        => new(input.Path, client, diagnostics.ToEquatableArray());

    internal static string FileName(string path) => Path.GetFileName(path);

    private static bool IsJson(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return true;
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c)) return c == '{';
        }
        return false;
    }
}
