using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using SharpYaml;
using SharpYaml.Events;

namespace Apiforge.Generator.Diagnostics;

/// <summary>
/// Maps JSON pointers (what Microsoft.OpenApi reports) to line and column in the spec text.
/// Runs only when there is something to report, so the happy path pays nothing for it.
/// </summary>
internal sealed class SpecLocator
{
    private static readonly Regex s_pointerInMessage = new(@"#/[^\s'"",]*", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly string _text;
    private readonly bool _isJson;
    private int[]? _lineStarts;

    public SpecLocator(string path, string text, bool isJson)
    {
        _path = path;
        _text = text;
        _isJson = isJson;
    }

    /// <summary>The pointer a reader message names, when the error itself carries none.</summary>
    public static string? PointerFromMessage(string message)
    {
        var match = s_pointerInMessage.Match(message);
        return match.Success ? match.Value : null;
    }

    public SpecLocation AtOffset(int offset, int length = 0)
    {
        offset = Math.Max(0, Math.Min(offset, _text.Length));
        length = Math.Max(0, Math.Min(length, _text.Length - offset));
        var (line, column) = LineColumn(offset);
        var (endLine, endColumn) = LineColumn(offset + length);
        return new SpecLocation(_path, offset, length, line, column, endLine, endColumn);
    }

    /// <summary>0-based line and column to a location.</summary>
    public SpecLocation AtLineColumn(int line, int column)
    {
        var starts = LineStarts();
        line = Math.Max(0, Math.Min(line, starts.Length - 1));
        var offset = Math.Min(starts[line] + Math.Max(0, column), _text.Length);
        return AtOffset(offset);
    }

    /// <summary>The location of the node a JSON pointer names, or of the deepest part of it that exists.</summary>
    public SpecLocation Locate(string? pointer)
    {
        var segments = ParsePointer(pointer);
        try
        {
            var (start, length) = _isJson ? FindInJson(segments) : FindInYaml(segments);
            return AtOffset(start, length);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or IndexOutOfRangeException)
        {
            return AtOffset(0);
        }
    }

    internal static List<string> ParsePointer(string? pointer)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(pointer)) return result;
        var p = pointer!;
        if (p.StartsWith("#", StringComparison.Ordinal)) p = p.Substring(1);
        foreach (var raw in p.Split('/'))
        {
            if (raw.Length == 0) continue;
            result.Add(Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~"));
        }
        return result;
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var starts = LineStarts();
        var index = Array.BinarySearch(starts, offset);
        if (index < 0) index = ~index - 1;
        return (index, offset - starts[index]);
    }

    private int[] LineStarts()
    {
        if (_lineStarts is not null) return _lineStarts;
        var starts = new List<int> { 0 };
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }
        return _lineStarts = starts.ToArray();
    }

    // ---------------- YAML ----------------

    /// <summary>
    /// The document's parse events, read once on the first lookup: a spec with hundreds of diagnostics would
    /// otherwise be parsed again for each (Stripe's 2 MB YAML: 20 s). <see cref="_yamlEnds"/>[i] is the index of the
    /// last event of the node that starts at event i, so skipping a node costs nothing.
    /// </summary>
    private ParsingEvent[]? _yamlEvents;
    private int[]? _yamlEnds;

    /// <summary>Hands over the events the document was loaded from, so the first lookup does not parse it again.</summary>
    public void UseYamlEvents(ParsingEvent[] events)
    {
        var ends = new int[events.Length];
        var open = new Stack<int>();
        for (var i = 0; i < events.Length; i++)
        {
            ends[i] = i;
            var nesting = events[i].NestingIncrease;
            if (nesting > 0) open.Push(i);
            else if (nesting < 0 && open.Count > 0) ends[open.Pop()] = i;
        }
        _yamlEvents = events;
        _yamlEnds = ends;
    }

    private void LoadYamlEvents()
    {
        var events = new List<ParsingEvent>();
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text));
            while (parser.MoveNext())
            {
                if (parser.Current is { } current) events.Add(current);
            }
        }
        catch (YamlException)
        {
            // Locate what was read before the error.
        }
        UseYamlEvents(events.ToArray());
    }

    private (int Start, int Length) FindInYaml(List<string> segments)
    {
        if (_yamlEvents is null) LoadYamlEvents();
        var events = _yamlEvents!;
        var ends = _yamlEnds!;
        var best = (Start: 0, Length: 0);
        // Move to the root node.
        var current = 0;
        while (current < events.Length && events[current] is not NodeEvent) current++;
        if (current >= events.Length) return best;
        best = (events[current].Start.Index, 0);
        foreach (var segment in segments)
        {
            if (events[current] is MappingStart)
            {
                var found = false;
                var i = current + 1;
                while (i < events.Length && events[i] is not MappingEnd)
                {
                    var key = events[i];
                    var keyText = key is Scalar s ? s.Value : null;
                    var value = ends[i] + 1;
                    if (value >= events.Length) return best;
                    if (string.Equals(keyText, segment, StringComparison.Ordinal))
                    {
                        best = (key.Start.Index, Math.Max(0, key.End.Index - key.Start.Index));
                        current = value;
                        found = true;
                        break;
                    }
                    i = ends[value] + 1;
                }
                if (!found) return best;
            }
            else if (events[current] is SequenceStart && int.TryParse(segment, out var wanted))
            {
                var index = 0;
                var found = false;
                var i = current + 1;
                while (i < events.Length && events[i] is not SequenceEnd)
                {
                    if (index == wanted)
                    {
                        current = i;
                        best = (events[i].Start.Index, Math.Max(0, events[i].End.Index - events[i].Start.Index));
                        found = true;
                        break;
                    }
                    i = ends[i] + 1;
                    index++;
                }
                if (!found) return best;
            }
            else
            {
                return best;
            }
        }
        return best;
    }

    // ---------------- JSON ----------------

    /// <summary>
    /// The members of each object and the items of each array, by the offset where it starts; filled as lookups
    /// reach them, so each container is scanned once however many diagnostics point into it (Kubernetes' JSON
    /// has thousands).
    /// </summary>
    private Dictionary<int, Dictionary<string, (int KeyStart, int ValueStart)>>? _jsonObjects;
    private Dictionary<int, List<int>>? _jsonArrays;

    private (int Start, int Length) FindInJson(List<string> segments)
    {
        var i = SkipWhitespace(0);
        var best = (Start: i, Length: 0);
        foreach (var segment in segments)
        {
            if (i >= _text.Length) return best;
            if (_text[i] == '{')
            {
                if (!JsonMembers(i).TryGetValue(segment, out var member)) return best;
                best = (member.KeyStart, member.ValueStart - member.KeyStart);
                i = member.ValueStart;
            }
            else if (_text[i] == '[' && int.TryParse(segment, out var wanted))
            {
                var items = JsonItems(i);
                if (wanted < 0 || wanted >= items.Count) return best;
                i = items[wanted];
                best = (i, SkipJsonValue(i) - i);
            }
            else
            {
                return best;
            }
        }
        return best;
    }

    private Dictionary<string, (int KeyStart, int ValueStart)> JsonMembers(int start)
    {
        _jsonObjects ??= new Dictionary<int, Dictionary<string, (int, int)>>();
        if (_jsonObjects.TryGetValue(start, out var known)) return known;
        var members = new Dictionary<string, (int KeyStart, int ValueStart)>(StringComparer.Ordinal);
        var i = SkipWhitespace(start + 1);
        while (i < _text.Length && _text[i] != '}')
        {
            if (_text[i] == ',') { i = SkipWhitespace(i + 1); continue; }
            var keyStart = i;
            var key = ReadJsonString(ref i);
            i = SkipWhitespace(i);
            if (i < _text.Length && _text[i] == ':') i = SkipWhitespace(i + 1);
            if (key is not null && !members.ContainsKey(key)) members.Add(key, (keyStart, i));
            i = SkipWhitespace(SkipJsonValue(i));
        }
        _jsonObjects.Add(start, members);
        return members;
    }

    private List<int> JsonItems(int start)
    {
        _jsonArrays ??= new Dictionary<int, List<int>>();
        if (_jsonArrays.TryGetValue(start, out var known)) return known;
        var items = new List<int>();
        var i = SkipWhitespace(start + 1);
        while (i < _text.Length && _text[i] != ']')
        {
            if (_text[i] == ',') { i = SkipWhitespace(i + 1); continue; }
            items.Add(i);
            i = SkipWhitespace(SkipJsonValue(i));
        }
        _jsonArrays.Add(start, items);
        return items;
    }

    private int SkipWhitespace(int i)
    {
        while (i < _text.Length && (char.IsWhiteSpace(_text[i]) || _text[i] == '\uFEFF')) i++;
        return i;
    }

    private string? ReadJsonString(ref int i)
    {
        if (i >= _text.Length || _text[i] != '"')
        {
            i = SkipJsonValue(i);
            return null;
        }
        var builder = new System.Text.StringBuilder();
        i++;
        while (i < _text.Length && _text[i] != '"')
        {
            if (_text[i] == '\\' && i + 1 < _text.Length)
            {
                var e = _text[i + 1];
                if (e == 'u' && i + 5 < _text.Length &&
                    int.TryParse(_text.Substring(i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    builder.Append((char)code);
                    i += 6;
                    continue;
                }
                builder.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
                i += 2;
                continue;
            }
            builder.Append(_text[i]);
            i++;
        }
        i++;
        return builder.ToString();
    }

    /// <summary>Returns the index just past the JSON value starting at <paramref name="i"/>, without recursion.</summary>
    private int SkipJsonValue(int i)
    {
        var depth = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '"')
            {
                i++;
                while (i < _text.Length && _text[i] != '"') i += _text[i] == '\\' ? 2 : 1;
                i++;
                if (depth == 0) return i;
                continue;
            }
            if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']')
            {
                if (depth == 0) return i;
                depth--;
                if (depth == 0) return i + 1;
            }
            else if (depth == 0 && (c == ',' || char.IsWhiteSpace(c))) return i;
            i++;
        }
        return i;
    }
}
