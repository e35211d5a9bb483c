using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Resolves relative <c>$ref</c>s to other files from the spec's AdditionalFiles (never from disk) before the OpenAPI
/// reader sees the document: a schema is copied into <c>components/schemas</c> (<c>definitions</c> in 2.0) under the
/// name of its file or fragment, so it keeps a name of its own; anything else (path items, parameters, responses) is
/// copied in place. A file that is not an AdditionalFile is reported (AF0009) and its $ref left alone. Values of
/// <c>x-</c> extensions, examples, defaults and enums are not looked into.
/// </summary>
internal sealed class ExternalRefBundler
{
    private const int CheckEvery = 1024;
    private const int MaxInlineChain = 32;

    private static readonly Regex s_refInText = new(@"[""']?\$ref[""']?\s*:\s*[""']?([^""'#\s,]*)", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_opaqueKeys = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };
    private static readonly HashSet<string> s_schemaKeys = new(StringComparer.Ordinal)
    {
        "schema", "items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties",
    };
    private static readonly HashSet<string> s_schemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas",
    };
    private static readonly HashSet<string> s_schemaLists = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    private readonly ParseContext _context;
    private readonly JsonObject _root;
    private readonly bool _swagger2;
    private readonly SpecLimits _limits;
    private readonly DocumentLoader _budget;
    private readonly DiagnosticCollector _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, ExternalFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JsonNode? Root, SpecLocator Locator)> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hoisted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SpecLocator> _locators = new(StringComparer.Ordinal);
    private JsonObject? _schemas;
    private readonly List<Visit> _unresolved = new();

    private sealed record Work(JsonNode Node, string File, string PointerPrefix, ImmutableChain Chain, bool IsSchemaRoot);

    private sealed class Visit(JsonNode node, Visit? parent, string segment, Work work)
    {
        public JsonNode Node { get; } = node;
        public Visit? Parent { get; } = parent;
        public string Segment { get; } = segment;
        public Work Work { get; } = work;

        public string Pointer()
        {
            var segments = new List<string>();
            for (var v = this; v.Parent is not null; v = v.Parent) segments.Add(ClientBuilder.EscapePointer(v.Segment));
            segments.Reverse();
            var prefix = Work.PointerPrefix.TrimEnd('/');
            return segments.Count == 0 ? (prefix.Length == 0 ? "#" : prefix) : (prefix.Length == 0 ? "#" : prefix) + "/" + string.Join("/", segments);
        }
    }

    private sealed class ImmutableChain(string? head, ImmutableChain? tail)
    {
        public static readonly ImmutableChain Empty = new(null, null);

        public int Count { get; } = head is null ? 0 : (tail?.Count ?? 0) + 1;

        public bool Contains(string key)
        {
            for (var c = this; c?.Head is not null; c = c.Tail)
            {
                if (c.Head == key) return true;
            }
            return false;
        }

        public string? Head { get; } = head;

        public ImmutableChain? Tail { get; } = tail;

        public ImmutableChain Push(string key) => new(key, this);
    }

    /// <param name="context">The spec's parse: its path and locator; external files are read in the same parse.</param>
    /// <param name="budget">The spec's loader, whose expanded-node count external files add to.</param>
    public ExternalRefBundler(ParseContext context, JsonObject root, bool swagger2, EquatableArray<ExternalFile> externalFiles, DocumentLoader budget)
    {
        _context = context;
        _root = root;
        _swagger2 = swagger2;
        _limits = context.Limits;
        _budget = budget;
        _diagnostics = context.Diagnostics;
        _cancellationToken = context.CancellationToken;
        foreach (var file in externalFiles) _files[NormalizePath(file.Path)] = file;
        _locators[NormalizePath(context.Path)] = context.Locator;
    }

    /// <summary>The AdditionalFiles a spec text refers to, followed transitively; by a cheap scan of the texts.</summary>
    public static EquatableArray<ExternalFile> Referenced(string specPath, string specText, IReadOnlyList<ExternalFile> candidates)
    {
        if (candidates.Count == 0 || specText.IndexOf("$ref", StringComparison.Ordinal) < 0) return EquatableArray<ExternalFile>.Empty;
        var byPath = new Dictionary<string, ExternalFile>(StringComparer.Ordinal);
        foreach (var file in candidates) byPath[NormalizePath(file.Path)] = file;
        var result = new List<ExternalFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { NormalizePath(specPath) };
        var queue = new Queue<(string Path, string Text)>();
        queue.Enqueue((specPath, specText));
        while (queue.Count > 0)
        {
            var (path, text) = queue.Dequeue();
            foreach (Match match in s_refInText.Matches(text))
            {
                var target = match.Groups[1].Value;
                if (target.Length == 0 || HasScheme(target)) continue;
                var full = Resolve(path, target);
                if (!byPath.ContainsKey(full))
                {
                    // "{$ref: x.yaml}" in a flow mapping: the brace is not part of the name.
                    full = Resolve(path, target.TrimEnd('}', ']'));
                }
                if (!seen.Add(full) || !byPath.TryGetValue(full, out var file)) continue;
                result.Add(file);
                queue.Enqueue((file.Path, file.Text));
            }
        }
        result.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return result.ToEquatableArray();
    }

    /// <summary>Whether the text has a $ref to something other than a place in the same document.</summary>
    /// <remarks>
    /// Every parse asks, and a large document has thousands of internal <c>$ref</c>s, so this is a scan rather than
    /// <see cref="s_refInText"/> (4% of parsing the partner document): the same answer, a <c>$ref</c> key whose value
    /// does not start with <c>#</c>, a quote, a comma or white space.
    /// </remarks>
    public static bool HasExternalRefs(string text)
    {
        for (var at = text.IndexOf("$ref", StringComparison.Ordinal); at >= 0; at = text.IndexOf("$ref", at + 4, StringComparison.Ordinal))
        {
            var i = at + 4;
            if (i < text.Length && text[i] is '"' or '\'') i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != ':') continue;
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i < text.Length && text[i] is '"' or '\'') i++;
            if (i < text.Length && !(text[i] is '"' or '\'' or '#' or ',' || char.IsWhiteSpace(text[i]))) return true;
        }
        return false;
    }

    public void Run()
    {
        var entry = NormalizePath(_context.Path);
        var queue = new Queue<Work>();
        queue.Enqueue(new Work(_root, entry, "", ImmutableChain.Empty, false));
        var visits = 0;
        while (queue.Count > 0)
        {
            var work = queue.Dequeue();
            var stack = new Stack<Visit>();
            stack.Push(new Visit(work.Node, null, "", work));
            while (stack.Count > 0)
            {
                if (++visits % CheckEvery == 0) _cancellationToken.ThrowIfCancellationRequested();
                var visit = stack.Pop();
                if (visit.Node is JsonObject obj)
                {
                    if (obj.TryGetPropertyValue("$ref", out var refNode) && refNode is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
                    {
                        if (HandleReference(visit, obj, reference, queue, out var unresolved)) continue;
                        if (unresolved)
                        {
                            _unresolved.Add(visit);
                            continue;
                        }
                    }
                    if (visit.Segment == "discriminator" && obj["mapping"] is JsonObject mapping) RewriteMapping(visit, mapping, queue);
                    foreach (var member in obj.ToList())
                    {
                        if (member.Key.StartsWith("x-", StringComparison.Ordinal)) continue;
                        if (s_opaqueKeys.Contains(member.Key) && !(member.Key == "default" && visit.Segment == "responses")) continue;
                        if (member.Value is JsonObject or JsonArray) stack.Push(new Visit(member.Value, visit, member.Key, work));
                    }
                }
                else if (visit.Node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject or JsonArray) stack.Push(new Visit(array[i]!, visit, i.ToString(CultureInfo.InvariantCulture), work));
                    }
                }
            }
        }
        RemoveUnresolved();
    }

    /// <summary>
    /// An external $ref that cannot be resolved is taken out, after the walk, so the reader never sees it (it fails
    /// on some of them): a schema becomes {} (JsonElement), anything else is removed from its parent.
    /// </summary>
    private void RemoveUnresolved()
    {
        foreach (var visit in _unresolved.OrderByDescending(v => v.Parent?.Node is JsonArray ? int.Parse(v.Segment, CultureInfo.InvariantCulture) : 0))
        {
            if (IsSchemaPosition(visit))
            {
                Replace(visit, new JsonObject());
                continue;
            }
            switch (visit.Parent?.Node)
            {
                case JsonObject parent:
                    parent.Remove(visit.Segment);
                    break;
                case JsonArray parent:
                    parent.RemoveAt(int.Parse(visit.Segment, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private bool HandleReference(Visit visit, JsonObject obj, string reference, Queue<Work> queue, out bool unresolved)
    {
        unresolved = false;
        var handled = HandleReference(visit, obj, reference, queue);
        if (!handled && IsDocumentPath(reference) && (!reference.StartsWith("#", StringComparison.Ordinal) || visit.Work.File != NormalizePath(_context.Path)))
        {
            unresolved = true;
        }
        return handled;
    }

    /// <summary>True when the object was replaced (its children are then visited as new work).</summary>
    private bool HandleReference(Visit visit, JsonObject obj, string reference, Queue<Work> queue)
    {
        var work = visit.Work;
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? "" : reference.Substring(hash);
        string targetFile;
        if (filePart.Length == 0)
        {
            // A local $ref inside the spec itself is the reader's business; inside another file it means that file.
            if (work.File == NormalizePath(_context.Path)) return false;
            targetFile = work.File;
        }
        else
        {
            if (HasScheme(filePart))
            {
                Report(visit, DiagnosticDescriptors.ExternalFileMissing, reference, filePart);
                return false;
            }
            // Only documents are bundled; a $ref to a .md or .cs file (misplaced in a description, say) is the reader's to report.
            if (!IsDocumentPath(filePart)) return false;
            targetFile = Resolve(work.File, Uri.UnescapeDataString(filePart));
        }

        var targetKey = targetFile + fragment;
        var schemaPosition = IsSchemaPosition(visit);
        var componentName = ComponentNameAt(visit);

        if (schemaPosition && _hoisted.TryGetValue(targetKey, out var knownName) && knownName != componentName)
        {
            obj["$ref"] = SchemaPointer(knownName);
            return true;
        }

        var target = Load(visit, reference, targetFile);
        if (target is null) return false;
        var node = SpecLocator.Navigate(target, fragment);
        if (node is null)
        {
            Report(visit, DiagnosticDescriptors.UnresolvedReference, reference);
            return false;
        }
        if (work.Chain.Contains(targetKey) || work.Chain.Count >= MaxInlineChain)
        {
            Report(visit, DiagnosticDescriptors.ReferenceCycle, reference);
            return false;
        }

        var cost = CountNodes(node);
        _budget.ExpandedNodes += cost;
        if (_budget.ExpandedNodes > _limits.MaxExpandedNodes)
        {
            Report(visit, DiagnosticDescriptors.PartLimitExceeded, $"Copying the external $ref '{reference}'",
                $"{_limits.MaxExpandedNodes.ToString(CultureInfo.InvariantCulture)} expanded nodes", "it is left unresolved", "MaxExpandedNodes");
            return false;
        }

        var prefix = fragment.Length == 0 ? "#" : fragment;
        if (schemaPosition && node is JsonObject && componentName is null)
        {
            var name = HoistName(targetFile, fragment);
            _hoisted[targetKey] = name;
            var copy = node.DeepClone();
            Schemas()[name] = copy;
            obj["$ref"] = SchemaPointer(name);
            queue.Enqueue(new Work(copy, targetFile, prefix, work.Chain.Push(targetKey), true));
            return true;
        }

        if (componentName is not null) _hoisted[targetKey] = componentName;
        var clone = node.DeepClone();
        if (!Replace(visit, clone)) return false;
        queue.Enqueue(new Work(clone, targetFile, prefix, work.Chain.Push(targetKey), schemaPosition));
        return true;
    }

    /// <summary>Discriminator mapping values may name schema files too ("./Beverage.yaml"): point them at the copies.</summary>
    private void RewriteMapping(Visit visit, JsonObject mapping, Queue<Work> queue)
    {
        foreach (var entry in mapping.ToList())
        {
            if (entry.Value is not JsonValue value || !value.TryGetValue<string>(out var reference)) continue;
            if (reference.StartsWith("#", StringComparison.Ordinal) || (reference.IndexOf('/') < 0 && reference.IndexOf('.') < 0)) continue;
            var hash = reference.IndexOf('#');
            var filePart = hash < 0 ? reference : reference.Substring(0, hash);
            var fragment = hash < 0 ? "" : reference.Substring(hash);
            var entryVisit = new Visit(value, new Visit(mapping, visit, "mapping", visit.Work), entry.Key, visit.Work);
            if (HasScheme(filePart))
            {
                mapping.Remove(entry.Key);
                continue;
            }
            var targetFile = Resolve(visit.Work.File, Uri.UnescapeDataString(filePart));
            var targetKey = targetFile + fragment;
            if (!_hoisted.TryGetValue(targetKey, out var name))
            {
                var target = Load(entryVisit, reference, targetFile);
                var node = target is null ? null : SpecLocator.Navigate(target, fragment);
                if (node is not JsonObject)
                {
                    mapping.Remove(entry.Key);
                    continue;
                }
                name = HoistName(targetFile, fragment);
                _hoisted[targetKey] = name;
                var copy = node.DeepClone();
                Schemas()[name] = copy;
                queue.Enqueue(new Work(copy, targetFile, fragment.Length == 0 ? "#" : fragment, visit.Work.Chain.Push(targetKey), true));
            }
            mapping[entry.Key] = SchemaPointer(name);
        }
    }

    /// <summary>The component name when the $ref object is itself the value of components/schemas/{name} (definitions/{name}).</summary>
    private string? ComponentNameAt(Visit visit)
    {
        if (visit.Parent is not { } container || visit.Work.File != NormalizePath(_context.Path)) return null;
        if (_swagger2 && container.Segment == "definitions" && container.Parent is { Parent: null }) return visit.Segment;
        if (!_swagger2 && container.Segment == "schemas" && container.Parent is { Segment: "components", Parent.Parent: null }) return visit.Segment;
        return null;
    }

    private static bool IsSchemaPosition(Visit visit)
    {
        if (visit.Parent is null) return visit.Work.IsSchemaRoot;
        if (s_schemaKeys.Contains(visit.Segment)) return true;
        var grand = visit.Parent;
        if (s_schemaMaps.Contains(grand.Segment) && grand.Node is JsonObject) return true;
        if (s_schemaLists.Contains(grand.Segment) && grand.Node is JsonArray) return true;
        if (grand.Segment == "schemas" && grand.Parent is { Segment: "components" }) return true;
        return false;
    }

    private JsonNode? Load(Visit visit, string reference, string targetFile)
    {
        if (_loaded.TryGetValue(targetFile, out var cached)) return cached.Root;
        if (!_files.TryGetValue(targetFile, out var file))
        {
            Report(visit, DiagnosticDescriptors.ExternalFileMissing, reference, DisplayPath(visit.Work.File, targetFile));
            return null;
        }
        var diagnostics = _diagnostics;
        if (!DocumentLoader.CheckSize(file.Path, file.Text, _limits, diagnostics))
        {
            _loaded[targetFile] = (null, new SpecLocator(file.Path, "", false));
            return null;
        }
        var text = file.Text.Length > 0 && file.Text[0] == '\uFEFF' ? file.Text.Substring(1) : file.Text;
        var isJson = file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var locator = new SpecLocator(file.Path, file.Text, isJson);
        _locators[targetFile] = locator;
        var loader = new DocumentLoader(_context.ForFile(file.Path, locator)) { ExpandedNodes = _budget.ExpandedNodes };
        var root = isJson ? loader.LoadJson(text, file.Text.Length - text.Length) : loader.LoadYaml(text, file.Text.Length - text.Length);
        _budget.ExpandedNodes = loader.ExpandedNodes;
        if (root is not null) loader.Sanitize(root);
        _loaded[targetFile] = (root, locator);
        return root;
    }


    private static bool Replace(Visit visit, JsonNode replacement)
    {
        switch (visit.Parent?.Node)
        {
            case JsonObject parent:
                parent[visit.Segment] = replacement;
                return true;
            case JsonArray parent:
                parent[int.Parse(visit.Segment, CultureInfo.InvariantCulture)] = replacement;
                return true;
            default:
                return false;
        }
    }

    private JsonObject Schemas()
    {
        if (_schemas is not null) return _schemas;
        JsonObject container = _root;
        if (!_swagger2)
        {
            if (_root["components"] is not JsonObject components)
            {
                components = new JsonObject();
                _root["components"] = components;
            }
            container = components;
        }
        var key = _swagger2 ? "definitions" : "schemas";
        if (container[key] is not JsonObject schemas)
        {
            schemas = new JsonObject();
            container[key] = schemas;
        }
        return _schemas = schemas;
    }

    private string SchemaPointer(string name) => (_swagger2 ? "#/definitions/" : "#/components/schemas/") + ClientBuilder.EscapePointer(name);

    private string HoistName(string file, string fragment)
    {
        var segments = SpecLocator.ParsePointer(fragment);
        var baseName = segments.Count > 0 ? segments[segments.Count - 1] : FileStem(file);
        if (baseName.Length == 0) baseName = "Schema";
        var schemas = Schemas();
        var name = baseName;
        for (var i = 2; schemas.ContainsKey(name); i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }
        return name;
    }

    private static int CountNodes(JsonNode node)
    {
        var count = 0;
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            count++;
            if (current is JsonObject obj)
            {
                foreach (var member in obj) if (member.Value is not null) stack.Push(member.Value);
            }
            else if (current is JsonArray array)
            {
                foreach (var item in array) if (item is not null) stack.Push(item);
            }
        }
        return count;
    }

    private void Report(Visit visit, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] args)
    {
        var pointer = visit.Pointer() + "/$ref";
        var locator = _locators.TryGetValue(visit.Work.File, out var l) ? l : _locators[NormalizePath(_context.Path)];
        _diagnostics.ReportOnce(visit.Work.File + pointer, descriptor, locator, pointer, args);
    }

    private static bool IsDocumentPath(string reference)
    {
        var hash = reference.IndexOf('#');
        var file = hash < 0 ? reference : reference.Substring(0, hash);
        var slash = file.LastIndexOf('/');
        var name = slash >= 0 ? file.Substring(slash + 1) : file;
        var dot = name.LastIndexOf('.');
        if (dot < 0) return true;
        var extension = name.Substring(dot);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase) ||
               extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':');
        // "C:/x" (a drive letter) is a path, "https://x" or "urn:x" a URI.
        return colon > 1 && reference.Substring(0, colon).All(c => char.IsLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    private static string FileStem(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = slash >= 0 ? path.Substring(slash + 1) : path;
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static string DisplayPath(string fromFile, string targetFile)
    {
        var slash = fromFile.LastIndexOf('/');
        var dir = slash >= 0 ? fromFile.Substring(0, slash + 1) : "";
        return targetFile.StartsWith(dir, StringComparison.Ordinal) ? targetFile.Substring(dir.Length) : targetFile;
    }

    /// <summary>The path of <paramref name="relative"/> seen from the folder of <paramref name="fromFile"/>, normalized.</summary>
    internal static string Resolve(string fromFile, string relative)
    {
        var from = NormalizePath(fromFile);
        var slash = from.LastIndexOf('/');
        var dir = slash >= 0 ? from.Substring(0, slash) : "";
        var rel = relative.Replace('\\', '/');
        return NormalizePath(rel.StartsWith("/", StringComparison.Ordinal) || (rel.Length > 1 && rel[1] == ':') ? rel : dir + "/" + rel);
    }

    /// <summary>Forward slashes, no "." or ".." segments; no file system access.</summary>
    internal static string NormalizePath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var result = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0 && i < parts.Length)) continue;
            if (part == ".." && result.Count > 0 && result[result.Count - 1] is not (".." or ""))
            {
                result.RemoveAt(result.Count - 1);
                continue;
            }
            result.Add(part);
        }
        return string.Join("/", result);
    }
}
