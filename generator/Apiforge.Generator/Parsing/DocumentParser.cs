using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SharpYaml;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Reads one OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0, 3.1) into a <see cref="ClientSpec"/>.
/// Nothing from Microsoft.OpenApi leaves this class: the result is plain equatable data.
/// </summary>
internal static class DocumentParser
{
    private const int MaxJsonDepth = 512;
    private static readonly Uri s_documentUri = new("file:///openapi");

    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var text = input.Text.Length > 0 && input.Text[0] == '\uFEFF' ? input.Text.Substring(1) : input.Text;
        var isJson = IsJson(input.Path, text);
        var locator = new SpecLocator(input.Path, input.Text, isJson);
        var diagnostics = new List<DiagnosticInfo>();
        var bomOffset = input.Text.Length - text.Length;

        var root = isJson ? LoadJson(text, input.Path, locator, diagnostics) : LoadYaml(text, input.Path, locator, bomOffset, diagnostics);
        if (root is null) return Result(input, null, diagnostics);
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

    private static JsonNode? LoadJson(string text, string path, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = MaxJsonDepth,
            });
            if (node is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.AtOffset(0), FileName(path), "the document is empty"));
            }
            return node;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, locator.AtLineColumn(line, column), FileName(path), ex.Message));
            return null;
        }
    }

    private static JsonNode? LoadYaml(string text, string path, SpecLocator locator, int bomOffset, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            // One pass of the event parser: the events build the JsonNode and later locate diagnostics.
            var events = YamlJsonLoader.ReadEvents(text);
            var root = YamlJsonLoader.FirstDocument(events);
            if (root is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.AtOffset(0), FileName(path), "the document is empty"));
                return null;
            }
            if (bomOffset == 0) locator.UseYamlEvents(events);
            return root;
        }
        catch (YamlException ex)
        {
            var location = ex.Start.Index >= 0 && ex.Start.Line >= 0
                ? locator.AtOffset(ex.Start.Index + bomOffset)
                : locator.AtOffset(0);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, location, FileName(path), ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, locator.AtOffset(0), FileName(path), ex.Message));
            return null;
        }
    }
}
