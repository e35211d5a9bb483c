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

    /// <summary>0-based line and column to a location.</summary>
    public SpecLocation AtLineColumn(int line, int column)
    {
        var starts = LineStarts();
        line = Math.Max(0, Math.Min(line, starts.Length - 1));
        var offset = Math.Min(starts[line] + Math.Max(0, column), _text.Length);
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
}
