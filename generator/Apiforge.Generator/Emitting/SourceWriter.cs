using System;
using System.Text;

namespace Apiforge.Generator.Emitting;

/// <summary>A minimal indented text writer for generated C#.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();

    public int Indentation { get; set; }

    /// <summary>What relative links in the document's descriptions resolve against (externalDocs, else the first server); null leaves them text.</summary>
    public string? DocBaseUri { get; init; }

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }
        _builder.Append(' ', Indentation * IndentSize).Append(text).Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }
        return this;
    }

    public SourceWriter OpenBrace()
    {
        Line("{");
        Indentation++;
        return this;
    }

    public SourceWriter CloseBrace(string suffix = "")
    {
        Indentation--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>The finished text; an emitter that left a brace open (or closed one too many) is a bug, not output.</summary>
    public override string ToString()
    {
        if (Indentation != 0) throw new InvalidOperationException($"The generated text ends at indentation {Indentation}, not 0: an emitter's braces do not balance.");
        return _builder.ToString();
    }
}
