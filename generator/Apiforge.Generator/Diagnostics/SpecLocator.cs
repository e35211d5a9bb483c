using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using SharpYaml;

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
    private IndexNode? _index;

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

    /// <summary>
    /// A position as <see cref="System.Text.Json.Utf8JsonReader"/> reports it: lines counted by LF alone (a lone CR,
    /// U+2028, U+0085 start no line for it) and the column in UTF-8 bytes. Mapped to a character offset, so the
    /// location has Roslyn's line numbering.
    /// </summary>
    public SpecLocation AtJsonReaderPosition(long line, long bytePositionInLine, int textOffset)
    {
        var offset = textOffset;
        for (long seen = 0; seen < line && offset < _text.Length; offset++)
        {
            if (_text[offset] == '\n') seen++;
        }
        for (long bytes = 0; offset < _text.Length && _text[offset] != '\n'; offset++)
        {
            var c = _text[offset];
            var width = c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsHighSurrogate(c) ? 4 : char.IsLowSurrogate(c) ? 0 : 3;
            if (bytes + width > bytePositionInLine) break;
            bytes += width;
        }
        return AtOffset(offset);
    }

    /// <summary>The location of the node a JSON pointer names, or of the deepest part of it that exists.</summary>
    /// <remarks>
    /// The first call indexes the whole document once (O(document)); every call after that walks the index
    /// (O(pointer)), so locating N pointers costs O(document + N) and nothing is paid when nothing is reported.
    /// </remarks>
    public SpecLocation Locate(string? pointer)
    {
        var segments = ParsePointer(pointer);
        var node = Index();
        var best = (node.Start, Length: 0);
        foreach (var segment in segments)
        {
            var child = node.Child(segment);
            if (child is null) break;
            node = child;
            best = (node.Start, node.Length);
        }
        return AtOffset(best.Start, best.Length);
    }

    /// <summary>Whether the pointer names a node that exists in this document.</summary>
    public bool Exists(string? pointer)
    {
        var node = Index();
        foreach (var segment in ParsePointer(pointer))
        {
            node = node.Child(segment);
            if (node is null) return false;
        }
        return true;
    }

    private IndexNode Index()
    {
        if (_index is not null) return _index;
        try
        {
            _index = _isJson ? SpecIndex.BuildJson(_text) : SpecIndex.BuildYaml(_text);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            _index = new IndexNode(0, 0);
        }
        return _index;
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

    /// <summary>The node a JSON pointer (<c>#/components/schemas/Pet</c>) names in a tree; null when a segment is missing.</summary>
    internal static System.Text.Json.Nodes.JsonNode? Navigate(System.Text.Json.Nodes.JsonNode root, string? pointer)
    {
        var node = root;
        foreach (var segment in ParsePointer(pointer))
        {
            node = node switch
            {
                System.Text.Json.Nodes.JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                System.Text.Json.Nodes.JsonArray array => int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var starts = LineStarts();
        var index = Array.BinarySearch(starts, offset);
        if (index < 0) index = ~index - 1;
        return (index, offset - starts[index]);
    }

    /// <summary>
    /// Where each line starts, with the line breaks Roslyn counts (<see cref="Microsoft.CodeAnalysis.Text.SourceText.Lines"/>):
    /// CR LF, CR, LF, U+0085, U+2028 and U+2029. A diagnostic's line must be Roslyn's, whatever the YAML or JSON
    /// reader counted, or the IDE shows it on another line.
    /// </summary>
    private int[] LineStarts()
    {
        if (_lineStarts is not null) return _lineStarts;
        var starts = new List<int> { 0 };
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c is '\n' or '\u0085' or '\u2028' or '\u2029' || (c == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }
        return _lineStarts = starts.ToArray();
    }
}
