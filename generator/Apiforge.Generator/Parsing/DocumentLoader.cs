using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Options;
using Microsoft.OpenApi;
using SharpYaml;
using SharpYaml.Events;
using YamlParser = SharpYaml.Parser;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Turns YAML or JSON text into a <see cref="JsonNode"/> tree within the <see cref="SpecLimits"/>: no recursion over
/// the input's depth, YAML aliases expanded against a node budget, over-deep parts and over-long enums cut back with
/// a located diagnostic, duplicate keys reported, the cancellation token checked as it goes.
/// </summary>
internal sealed class DocumentLoader
{
    private const int CheckEvery = 1024;
    internal static int YamlParserDepth(SpecLimits limits) => limits.MaxNestingDepth > 500_000 ? 1_000_000 : limits.MaxNestingDepth * 2;
    private static readonly Regex s_jsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> s_yamlNulls = new(StringComparer.Ordinal) { "~", "null", "Null", "NULL" };

    private readonly ParseContext _context;
    private readonly SpecLimits _limits;
    private readonly SpecLocator _locator;
    private readonly DiagnosticCollector _diagnostics;
    private readonly CancellationToken _cancellationToken;

    public DocumentLoader(ParseContext context)
    {
        _context = context;
        _limits = context.Limits;
        _locator = context.Locator;
        _diagnostics = context.Diagnostics;
        _cancellationToken = context.CancellationToken;
    }

    /// <summary>Nodes created so far by alias expansion and external $ref copies (shared with the bundler).</summary>
    public int ExpandedNodes { get; set; }

    private string FileName => _context.FileName;

    /// <summary>The size check, before anything reads the text.</summary>
    public static bool CheckSize(string path, string text, SpecLimits limits, DiagnosticCollector diagnostics)
    {
        if (text.Length <= limits.MaxDocumentSize) return true;
        // Located at the start of the file without indexing its lines: the text may be huge.
        var location = new SpecLocation(path, 0, 0, 0, 0, 0, 0);
        diagnostics.Report(DiagnosticDescriptors.DocumentLimitExceeded, location, DocumentParser.FileName(path),
            $"its size ({text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)",
            limits.MaxDocumentSize.ToString("N0", CultureInfo.InvariantCulture) + " characters", "MaxDocumentSize");
        return false;
    }

    // ---------------------------------------------------------------- JSON

    /// <param name="text">The document without its byte order mark.</param>
    /// <param name="bomOffset">Characters removed before <paramref name="text"/> (a BOM), for locations in the file.</param>
    public JsonNode? LoadJson(string text, int bomOffset = 0)
    {
        try
        {
            var root = BuildJson(text);
            if (root is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.NotOpenApi, _locator.AtOffset(0), FileName, "the document is empty");
            }
            return root;
        }
        catch (JsonException ex)
        {
            var location = _locator.AtJsonReaderPosition(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0, bomOffset);
            _diagnostics.Report(DiagnosticDescriptors.UnreadableDocument, location, FileName, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Builds the tree from a <see cref="Utf8JsonReader"/> with an explicit stack: eagerly (so nothing fails later on
    /// first access, as a lazily read JsonObject with a repeated key does), the first of repeated keys kept (AF0014),
    /// parts nested deeper than the limit replaced by an empty object (AF0011).
    /// </summary>
    private JsonNode? BuildJson(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = int.MaxValue,
        });
        var stack = new Stack<(JsonNode Container, string? Key)>();
        JsonNode? root = null;
        string? pendingKey = null;
        var pendingKeyOffset = 0L;
        var skipDepth = -1;
        var tokens = 0;
        while (reader.Read())
        {
            if (++tokens % CheckEvery == 0) _cancellationToken.ThrowIfCancellationRequested();
            if (skipDepth >= 0)
            {
                if ((reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) && reader.CurrentDepth == skipDepth) skipDepth = -1;
                continue;
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString();
                    pendingKeyOffset = reader.TokenStartIndex;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    continue;
            }

            JsonNode? value;
            var startsContainer = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
            if (startsContainer && reader.CurrentDepth >= _limits.MaxNestingDepth)
            {
                ReportDepth(CharOffset(bytes, reader.TokenStartIndex));
                skipDepth = reader.CurrentDepth;
                value = new JsonObject();
                startsContainer = false;
            }
            else
            {
                value = reader.TokenType switch
                {
                    JsonTokenType.StartObject => new JsonObject(),
                    JsonTokenType.StartArray => new JsonArray(),
                    JsonTokenType.String => JsonValue.Create(reader.GetString()),
                    JsonTokenType.Number => reader.TryGetInt64(out var l) ? JsonValue.Create(l)
                        : reader.TryGetDecimal(out var m) ? JsonValue.Create(m)
                        : JsonValue.Create(reader.GetDouble()),
                    JsonTokenType.True => JsonValue.Create(true),
                    JsonTokenType.False => JsonValue.Create(false),
                    _ => null,
                };
            }

            var attached = true;
            if (stack.Count == 0)
            {
                root = value;
            }
            else if (stack.Peek().Container is JsonObject obj)
            {
                var key = pendingKey ?? "";
                if (obj.ContainsKey(key))
                {
                    Report("duplicate-key", DiagnosticDescriptors.DuplicateKey, _locator.AtOffset(CharOffset(bytes, pendingKeyOffset)), key, "the first one is used");
                    attached = false;
                }
                else
                {
                    obj[key] = value;
                }
            }
            else if (stack.Peek().Container is JsonArray array)
            {
                array.Add(value);
            }

            if (startsContainer)
            {
                if (attached)
                {
                    stack.Push((value!, pendingKey));
                }
                else
                {
                    // A repeated key's value is skipped whole.
                    skipDepth = reader.CurrentDepth;
                }
            }
        }
        return root;
    }

    private static int CharOffset(byte[] bytes, long byteOffset)
        => System.Text.Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(byteOffset, bytes.Length));

    // ---------------------------------------------------------------- YAML

    private sealed class Frame(JsonNode container, int depth, int nodesAtStart, string? anchor)
    {
        public JsonNode Container { get; } = container;
        public int Depth { get; } = depth;
        public int NodesAtStart { get; } = nodesAtStart;
        public string? Anchor { get; } = anchor;
        public bool HaveKey { get; set; }
        public string? Key { get; set; }
        public int KeyStart { get; set; }
        public bool DropValue { get; set; }
    }

    public JsonNode? LoadYaml(string text, int bomOffset)
    {
        try
        {
            return BuildYaml(text, bomOffset);
        }
        catch (YamlException ex)
        {
            var location = ex.Start.Index >= 0 ? _locator.AtOffset(ex.Start.Index + bomOffset) : _locator.AtOffset(0);
            if (ex.Message.IndexOf("maximum nesting depth", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.DocumentLimitExceeded, location, FileName,
                    "its nesting", $"{YamlParserDepth(_limits).ToString(CultureInfo.InvariantCulture)} levels (twice MaxNestingDepth)", "MaxNestingDepth");
                return null;
            }
            _diagnostics.Report(DiagnosticDescriptors.UnreadableDocument, location, FileName, ex.Message);
            return null;
        }
    }

    private JsonNode? BuildYaml(string text, int bomOffset)
    {
        // SharpYaml's scanner slows down quadratically with flow nesting: it stops at twice the limit (reported as
        // AF0010); between the limit and that, the loader cuts deep parts back itself (AF0011).
        var parser = YamlParser.CreateParser(new StringReader(text), YamlParserDepth(_limits));
        var anchors = new Dictionary<string, (JsonNode? Node, int Count)>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        JsonNode? root = null;
        var rootSet = false;
        var nodes = 0;
        var events = 0;
        var skipping = 0;

        while (parser.MoveNext())
        {
            if (++events % CheckEvery == 0) _cancellationToken.ThrowIfCancellationRequested();
            var ev = parser.Current;
            if (ev is null) break;

            if (skipping > 0)
            {
                skipping += ev.NestingIncrease;
                continue;
            }
            if (ev is DocumentEnd) break;
            if (ev is not (Scalar or AnchorAlias or MappingStart or MappingEnd or SequenceStart or SequenceEnd)) continue;

            var top = stack.Count > 0 ? stack.Peek() : null;
            if (ev is MappingEnd or SequenceEnd)
            {
                if (top is null) break;
                stack.Pop();
                if (top.Anchor is not null) anchors[top.Anchor] = (top.Container, nodes - top.NodesAtStart + 1);
                if (stack.Count == 0) break;
                continue;
            }

            // A key of the mapping on top.
            if (top is { Container: JsonObject, HaveKey: false })
            {
                top.HaveKey = true;
                top.KeyStart = ev.Start.Index + bomOffset;
                top.DropValue = false;
                switch (ev)
                {
                    case Scalar keyScalar:
                        top.Key = keyScalar.Value;
                        break;
                    case AnchorAlias keyAlias when anchors.TryGetValue(keyAlias.Value, out var anchored) && anchored.Node is JsonValue v && v.TryGetValue<string>(out var s):
                        top.Key = s;
                        break;
                    default:
                        // A key that is a mapping or a sequence has no JSON equivalent: the member is left out.
                        top.Key = null;
                        top.DropValue = true;
                        if (ev.NestingIncrease > 0) skipping = 1;
                        break;
                }
                continue;
            }

            // A value.
            var depth = (top?.Depth ?? 0) + 1;
            var start = ev.Start.Index + bomOffset;
            JsonNode? value;
            var anchor = (ev as NodeEvent)?.Anchor;
            if (top is { DropValue: true })
            {
                top.HaveKey = false;
                if (ev.NestingIncrease > 0) skipping = 1;
                continue;
            }

            switch (ev)
            {
                case Scalar scalar:
                    value = ToJsonValue(scalar);
                    nodes++;
                    if (!string.IsNullOrEmpty(anchor)) anchors[anchor!] = (value, 1);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value, out var target))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.UnreadableDocument, _locator.AtOffset(start), FileName,
                            $"the alias '*{alias.Value}' names no anchor before it");
                        return null;
                    }
                    ExpandedNodes += target.Count;
                    if (ExpandedNodes > _limits.MaxExpandedNodes)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.DocumentLimitExceeded, _locator.AtOffset(start), FileName,
                            $"expanding the YAML alias '*{alias.Value}' (more than {_limits.MaxExpandedNodes.ToString(CultureInfo.InvariantCulture)} nodes in all)",
                            _limits.MaxExpandedNodes.ToString(CultureInfo.InvariantCulture) + " expanded nodes", "MaxExpandedNodes");
                        return null;
                    }
                    value = target.Node?.DeepClone();
                    nodes += target.Count;
                    break;
                default:
                    if (depth > _limits.MaxNestingDepth)
                    {
                        ReportDepth(start);
                        value = new JsonObject();
                        skipping = 1;
                        break;
                    }
                    value = ev is MappingStart ? new JsonObject() : new JsonArray();
                    nodes++;
                    break;
            }

            if (top is null)
            {
                if (rootSet) break;
                root = value;
                rootSet = true;
            }
            else if (top.Container is JsonObject obj)
            {
                var key = top.Key ?? "";
                if (obj.ContainsKey(key))
                {
                    Report("duplicate-key", DiagnosticDescriptors.DuplicateKey, _locator.AtOffset(top.KeyStart), key, "the first one is used");
                    if (ev.NestingIncrease > 0 && skipping == 0) skipping = 1;
                    top.HaveKey = false;
                    continue;
                }
                obj[key] = value;
                top.HaveKey = false;
            }
            else if (top.Container is JsonArray array)
            {
                array.Add(value);
            }

            if (ev is MappingStart or SequenceStart && skipping == 0)
            {
                stack.Push(new Frame(value!, depth, nodes, string.IsNullOrEmpty(anchor) ? null : anchor));
            }
            else if (top is null)
            {
                break;
            }
        }

        if (!rootSet || root is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.NotOpenApi, _locator.AtOffset(0), FileName, "the document is empty");
            return null;
        }
        return root;
    }

    private static JsonValue? ToJsonValue(Scalar scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(text);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // A JSON-spelled number becomes what JsonNode.Parse makes of it, so TryGetValue<long> works as for JSON.
            if (s_jsonNumber.IsMatch(text))
            {
                using var document = JsonDocument.Parse(text);
                return JsonValue.Create(document.RootElement.Clone());
            }
            return JsonValue.Create(number);
        }
        if (bool.TryParse(text, out var boolean)) return JsonValue.Create(boolean);
        // An empty plain scalar ("closed_at:") is null in YAML, not "".
        if (text.Length == 0 || s_yamlNulls.Contains(text)) return (JsonValue)JsonNullSentinel.JsonNull.DeepClone();
        return JsonValue.Create(text);
    }

    private void ReportDepth(int offset)
        => Report("depth", DiagnosticDescriptors.PartLimitExceeded, _locator.AtOffset(offset),
            "The nesting here", $"{_limits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture)} levels", "what is nested deeper is left out", "MaxNestingDepth");

    private void Report(string rule, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] args)
        => _context.ReportCapped(rule, descriptor, location, args);

    // ---------------------------------------------------------------- limits on the tree

    private sealed class Visit(JsonNode node, int depth, Visit? parent, string segment)
    {
        public JsonNode Node { get; } = node;
        public int Depth { get; } = depth;
        public Visit? Parent { get; } = parent;
        public string Segment { get; } = segment;

        public string Pointer()
        {
            var segments = new List<string>();
            for (var v = this; v?.Parent is not null; v = v.Parent) segments.Add(ClientBuilder.EscapePointer(v.Segment));
            segments.Reverse();
            return "#/" + string.Join("/", segments);
        }
    }

    /// <summary>
    /// Walks the tree once without recursion: cuts back what is nested deeper than the limit and enums longer than
    /// the limit, and turns mappings that cannot be read (duplicate keys in JSON) into empty ones, each reported.
    /// </summary>
    public void Sanitize(JsonNode root)
    {
        var stack = new Stack<Visit>();
        stack.Push(new Visit(root, 0, null, ""));
        var visits = 0;
        while (stack.Count > 0)
        {
            if (++visits % CheckEvery == 0) _cancellationToken.ThrowIfCancellationRequested();
            var visit = stack.Pop();
            switch (visit.Node)
            {
                case JsonObject obj:
                    {
                        if (visit.Depth >= _limits.MaxNestingDepth && TryReplace(visit, "depth"))
                        {
                            continue;
                        }
                        List<KeyValuePair<string, JsonNode?>> members;
                        try
                        {
                            members = new List<KeyValuePair<string, JsonNode?>>(obj);
                        }
                        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                        {
                            // System.Text.Json 8 rejects a JSON object with a repeated key when it is first read.
                            Report("duplicate-key", DiagnosticDescriptors.DuplicateKey, _locator.Locate(visit.Pointer()),
                                "(in this object)", "the object is left out");
                            TryReplace(visit, null);
                            continue;
                        }
                        foreach (var member in members)
                        {
                            if (member.Key == "enum" && member.Value is JsonArray values && values.Count > _limits.MaxEnumMembers)
                            {
                                var enumVisit = new Visit(values, visit.Depth + 1, visit, "enum");
                                Report("enum", DiagnosticDescriptors.PartLimitExceeded, _locator.Locate(enumVisit.Pointer()),
                                    $"The enum at '{enumVisit.Pointer()}' ({values.Count.ToString(CultureInfo.InvariantCulture)} members)",
                                    $"{_limits.MaxEnumMembers.ToString(CultureInfo.InvariantCulture)} members",
                                    "it is generated as its base type without the enum", "MaxEnumMembers");
                                obj.Remove("enum");
                                continue;
                            }
                            if (member.Value is JsonObject or JsonArray) stack.Push(new Visit(member.Value, visit.Depth + 1, visit, member.Key));
                        }
                        break;
                    }
                case JsonArray array:
                    {
                        if (visit.Depth >= _limits.MaxNestingDepth && TryReplace(visit, "depth"))
                        {
                            continue;
                        }
                        for (var i = 0; i < array.Count; i++)
                        {
                            if (array[i] is JsonObject or JsonArray) stack.Push(new Visit(array[i]!, visit.Depth + 1, visit, i.ToString(CultureInfo.InvariantCulture)));
                        }
                        break;
                    }
            }
        }
    }

    /// <summary>Replaces the visited container with an empty object in its parent; false for the root.</summary>
    private bool TryReplace(Visit visit, string? reportRule)
    {
        if (visit.Parent is null) return false;
        if (reportRule is not null) ReportDepth(_locator.Locate(visit.Pointer()).Start);
        switch (visit.Parent.Node)
        {
            case JsonObject parent:
                parent[visit.Segment] = new JsonObject();
                return true;
            case JsonArray parent:
                parent[int.Parse(visit.Segment, CultureInfo.InvariantCulture)] = new JsonObject();
                return true;
            default:
                return false;
        }
    }
}
