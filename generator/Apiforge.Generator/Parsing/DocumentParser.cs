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

    /// <summary>Load, repair, map: each stage reports into the one collector and stops the parse only when nothing usable is left.</summary>
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticCollector();
        var limits = input.Options.Limits;
        if (limits.InvalidName is { } invalidLimit)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, invalidLimit, limits.InvalidValue ?? "", FileName(input.Path),
                "it must be a positive whole number; the default is used");
        }
        if (!DocumentLoader.CheckSize(input.Path, input.Text, limits, diagnostics)) return Result(input, null, diagnostics);

        var isJson = IsJson(input.Path, WithoutByteOrderMark(input.Text));
        var context = new ParseContext(input.Path, new SpecLocator(input.Path, input.Text, isJson), limits, diagnostics, cancellationToken);
        var loader = new DocumentLoader(context);

        if (Load(input.Text, isJson, context, loader) is not { } loaded) return Result(input, null, diagnostics);
        Repair(loaded, input, context, loader);
        var document = Read(loaded, context);
        var client = document is null ? null : new ClientBuilder(context, input.Options, document).Build();
        return Result(input, client, diagnostics);
    }

    /// <summary>A tree whose top level is an OpenAPI document, and the version it says it is.</summary>
    private readonly record struct LoadedDocument(JsonObject Root, string Version)
    {
        public bool IsSwagger2 => Version.StartsWith("2.0", StringComparison.Ordinal);

        public bool IsJsonSchemaDialect => Version.StartsWith("3.1", StringComparison.Ordinal) || Version.StartsWith("3.2", StringComparison.Ordinal);
    }

    /// <summary>Stage 1: text to a tree within the limits (<see cref="DocumentLoader"/>), and the version check.</summary>
    private static LoadedDocument? Load(string fileText, bool isJson, ParseContext context, DocumentLoader loader)
    {
        var text = WithoutByteOrderMark(fileText);
        var bomOffset = fileText.Length - text.Length;
        var root = isJson ? loader.LoadJson(text, bomOffset) : loader.LoadYaml(text, bomOffset);
        if (root is null) return null;
        context.CancellationToken.ThrowIfCancellationRequested();
        loader.Sanitize(root);
        context.CancellationToken.ThrowIfCancellationRequested();

        if (root is not JsonObject rootObject || (rootObject["openapi"] is null && rootObject["swagger"] is null))
        {
            context.Diagnostics.Report(DiagnosticDescriptors.NotOpenApi, context.Locator.AtOffset(0), context.FileName, "it has no 'openapi' or 'swagger' field at the top level");
            return null;
        }

        var versionNode = rootObject["openapi"] ?? rootObject["swagger"];
        var version = versionNode is JsonValue v && v.TryGetValue<string>(out var s) ? s : versionNode?.ToJsonString() ?? "";
        if (!(version.StartsWith("2.0", StringComparison.Ordinal) || version.StartsWith("3.0", StringComparison.Ordinal) ||
              version.StartsWith("3.1", StringComparison.Ordinal) || version.StartsWith("3.2", StringComparison.Ordinal)))
        {
            var pointer = rootObject["openapi"] is not null ? "#/openapi" : "#/swagger";
            context.Diagnostics.Report(DiagnosticDescriptors.NotOpenApi, context.Locator.Locate(pointer), context.FileName, $"version '{version}' is not supported (2.0, 3.0, 3.1 and 3.2 are)");
            return null;
        }
        return new LoadedDocument(rootObject, version);
    }

    /// <summary>
    /// Stage 2: the tree passes, in order. Each rewrites the tree in place so the OpenAPI reader neither rejects nor
    /// loses what the document means; what it changes or drops it reports.
    /// </summary>
    private static void Repair(LoadedDocument loaded, SpecInput input, ParseContext context, DocumentLoader loader)
    {
        var root = loaded.Root;
        if (ExternalRefBundler.HasExternalRefs(input.Text))
        {
            new ExternalRefBundler(context, root, loaded.IsSwagger2, input.ExternalFiles, loader).Run();
            context.CancellationToken.ThrowIfCancellationRequested();
        }

        DocumentNormalizer.Normalize(root, context);
        DocumentShapes.Repair(root, context);
        if (loaded.IsJsonSchemaDialect) LegacyNullable.Rewrite(root, context.CancellationToken);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (loaded.IsSwagger2) Swagger2Fixups.Apply(root);

        RefCycles.Break(root, context);
    }

    /// <summary>Stage 3, first half: Microsoft.OpenApi reads the repaired tree; its errors become AF diagnostics.</summary>
    private static OpenApiDocument? Read(LoadedDocument loaded, ParseContext context)
    {
        ReadResult read;
        try
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            read = new OpenApiJsonReader().Read(loaded.Root, s_documentUri, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Diagnostics.Report(DiagnosticDescriptors.NotOpenApi, context.Locator.AtOffset(0), context.FileName, "the OpenAPI reader failed: " + ex.Message);
            return null;
        }

        if (read.Diagnostic is { } readerDiagnostic)
        {
            foreach (var error in readerDiagnostic.Errors.Concat(readerDiagnostic.Warnings))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (IsKnownFalsePositive(loaded.Version, error.Message)) continue;
                var pointer = string.IsNullOrEmpty(error.Pointer) ? SpecLocator.PointerFromMessage(error.Message) : error.Pointer;
                var message = string.IsNullOrEmpty(error.Pointer) ? error.Message : $"{error.Message} (at {error.Pointer})";
                context.Diagnostics.Report(DiagnosticDescriptors.ReaderError, context.Locator.Locate(pointer), message);
            }
        }

        if (read.Document is null)
        {
            context.Diagnostics.Report(DiagnosticDescriptors.NotOpenApi, context.Locator.AtOffset(0), context.FileName, "the OpenAPI reader produced no document");
        }
        return read.Document;
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

    private static ParseResult Result(SpecInput input, ClientSpec? client, DiagnosticCollector diagnostics)
        => new(input.Path, client, diagnostics.ToEquatableArray());

    private static string WithoutByteOrderMark(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;

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
