using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using SharpYaml.Events;
using YamlParser = SharpYaml.Parser;

namespace Apiforge.Generator.Diagnostics;

/// <summary>
/// One node of a document's position index: where it is reported (the key of a mapping member, the value of a
/// sequence item) and its children. Built once per document, without recursion, by <see cref="SpecIndex"/>.
/// </summary>
internal sealed class IndexNode
{
    private const int LinearLookupLimit = 8;

    private List<KeyValuePair<string, IndexNode>>? _members;
    private Dictionary<string, IndexNode>? _lookup;
    private List<IndexNode>? _items;

    public IndexNode(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; set; }

    /// <summary>Whether the span is the node's value (so its end is set when the value closes) rather than its key.</summary>
    public bool SpansValue { get; set; }

    public void AddMember(string key, IndexNode node) => (_members ??= new()).Add(new(key, node));

    public void AddItem(IndexNode node) => (_items ??= new()).Add(node);

    public IndexNode? Child(string segment)
    {
        if (_members is { } members)
        {
            if (members.Count <= LinearLookupLimit)
            {
                foreach (var pair in members)
                {
                    if (string.Equals(pair.Key, segment, StringComparison.Ordinal)) return pair.Value;
                }
                return null;
            }
            if (_lookup is null)
            {
                _lookup = new Dictionary<string, IndexNode>(members.Count, StringComparer.Ordinal);
                // The first of duplicated keys wins, as it does for a reader that keeps the first.
                foreach (var pair in members)
                {
                    if (!_lookup.ContainsKey(pair.Key)) _lookup.Add(pair.Key, pair.Value);
                }
            }
            return _lookup.TryGetValue(segment, out var found) ? found : null;
        }
        if (_items is { } items &&
            int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < items.Count)
        {
            return items[index];
        }
        return null;
    }
}

/// <summary>Builds the position index of a JSON or YAML text in one pass, with an explicit stack.</summary>
internal static class SpecIndex
{
    /// <summary>SharpYaml's own nesting limit (64 by default) is lifted: its parser does not recurse. Documents deeper than
    /// twice MaxNestingDepth never get here (the loader rejects them first).</summary>
    private const int YamlParserMaxDepth = 1_000_000;
    private sealed class Frame(IndexNode node, bool isMapping)
    {
        public IndexNode Node { get; } = node;
        public bool IsMapping { get; } = isMapping;
        public bool HaveKey { get; set; }
        public string? Key { get; set; }
        public int KeyStart { get; set; }
        public int KeyLength { get; set; }
        public int SkipDepth { get; set; }
    }

    // ---------------------------------------------------------------- JSON

    public static IndexNode BuildJson(string text)
    {
        IndexNode? root = null;
        var stack = new Stack<Frame>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length) break;
            var c = text[i];
            var top = stack.Count > 0 ? stack.Peek() : null;
            switch (c)
            {
                case '{':
                case '[':
                    {
                        var node = Attach(ref root, top, i, 1);
                        if (node is null) return root ?? new IndexNode(0, 0);
                        stack.Push(new Frame(node, c == '{'));
                        i++;
                        break;
                    }
                case '}':
                case ']':
                    if (top is null) return root ?? new IndexNode(0, 0);
                    stack.Pop();
                    if (top.Node.SpansValue) top.Node.Length = i + 1 - top.Node.Start;
                    i++;
                    if (stack.Count == 0) return root ?? new IndexNode(0, 0);
                    break;
                case ':':
                    i++;
                    break;
                case ',':
                    if (top is not null) top.HaveKey = false;
                    i++;
                    break;
                case '"':
                    {
                        var start = i;
                        var value = ReadJsonString(text, ref i);
                        if (top is { IsMapping: true, HaveKey: false })
                        {
                            top.Key = value;
                            top.KeyStart = start;
                            top.KeyLength = i - start;
                            top.HaveKey = true;
                        }
                        else if (Attach(ref root, top, start, i - start) is null)
                        {
                            return root ?? new IndexNode(0, 0);
                        }
                        break;
                    }
                default:
                    {
                        var start = i;
                        while (i < text.Length && text[i] is not (',' or ':' or ']' or '}' or '{' or '[' or '"') && !char.IsWhiteSpace(text[i])) i++;
                        if (i == start) i++;
                        if (Attach(ref root, top, start, i - start) is null) return root ?? new IndexNode(0, 0);
                        break;
                    }
            }
        }
        return root ?? new IndexNode(0, 0);
    }

    /// <summary>Adds a value's node under the current container; null when a second top-level value starts.</summary>
    private static IndexNode? Attach(ref IndexNode? root, Frame? top, int start, int length)
    {
        if (top is null)
        {
            if (root is not null) return null;
            root = new IndexNode(start, length) { SpansValue = true };
            return root;
        }
        if (top.IsMapping)
        {
            if (!top.HaveKey || top.Key is null)
            {
                // A value without a key (malformed input, or a complex YAML key): kept out of the index.
                top.HaveKey = false;
                return new IndexNode(start, length) { SpansValue = true };
            }
            var member = new IndexNode(top.KeyStart, top.KeyLength);
            top.Node.AddMember(top.Key, member);
            top.HaveKey = false;
            top.Key = null;
            return member;
        }
        var item = new IndexNode(start, length) { SpansValue = true };
        top.Node.AddItem(item);
        return item;
    }

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static string ReadJsonString(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                var e = text[i + 1];
                if (e == 'u' && i + 5 < text.Length &&
                    int.TryParse(text.Substring(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    builder.Append((char)code);
                    i += 6;
                    continue;
                }
                builder.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
                i += 2;
                continue;
            }
            builder.Append(text[i]);
            i++;
        }
        if (i < text.Length) i++;
        return builder.ToString();
    }

    // ---------------------------------------------------------------- YAML

    /// <summary>Indexes the first document of a YAML stream from parser events (aliases are not expanded).</summary>
    public static IndexNode BuildYaml(string text)
    {
        var offset = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            offset = 1;
        }
        var parser = YamlParser.CreateParser(new StringReader(text), YamlParserMaxDepth);
        IndexNode? root = null;
        var stack = new Stack<Frame>();
        while (parser.MoveNext())
        {
            var ev = parser.Current;
            if (ev is null) break;
            if (ev is DocumentEnd) break;
            if (ev is not (Scalar or AnchorAlias or MappingStart or MappingEnd or SequenceStart or SequenceEnd)) continue;
            var top = stack.Count > 0 ? stack.Peek() : null;

            if (top is { SkipDepth: > 0 })
            {
                // Inside a mapping key that is itself a mapping or a sequence: not addressable by a pointer.
                top.SkipDepth += ev.NestingIncrease;
                if (top.SkipDepth == 0)
                {
                    top.HaveKey = true;
                    top.Key = null;
                }
                continue;
            }

            if (ev is MappingEnd or SequenceEnd)
            {
                if (top is null) break;
                stack.Pop();
                if (top.Node.SpansValue) top.Node.Length = ev.End.Index + offset - top.Node.Start;
                if (stack.Count == 0) break;
                continue;
            }

            if (top is { IsMapping: true, HaveKey: false })
            {
                if (ev is Scalar key)
                {
                    top.Key = key.Value;
                    top.KeyStart = key.Start.Index + offset;
                    top.KeyLength = Math.Max(0, key.End.Index - key.Start.Index);
                    top.HaveKey = true;
                }
                else if (ev is AnchorAlias)
                {
                    top.Key = null;
                    top.HaveKey = true;
                }
                else
                {
                    top.SkipDepth = 1;
                }
                continue;
            }

            var start = ev.Start.Index + offset;
            var length = ev is Scalar or AnchorAlias ? Math.Max(0, ev.End.Index - ev.Start.Index) : 0;
            var node = Attach(ref root, top, start, length);
            if (node is null) break;
            if (ev is MappingStart or SequenceStart) stack.Push(new Frame(node, ev is MappingStart));
            if (stack.Count == 0) break;
        }
        return root ?? new IndexNode(0, 0);
    }
}
