using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// CommonMark in the document's descriptions as XML documentation markup: <c>code</c> → &lt;c&gt;, links →
/// &lt;see href&gt;, emphasis → &lt;b&gt;/&lt;i&gt;, paragraphs → &lt;para&gt;, lists → &lt;list&gt;, code blocks →
/// &lt;code&gt;. Hand-written for the subset descriptions use; whatever it does not recognise stays text. The output is
/// always well-formed XML (CS1570 would be an error in a warnings-as-errors build): every tag it opens it closes, in
/// order, and all text is escaped.
/// </summary>
internal static class MarkdownDoc
{
    private const int MaxNesting = 4;
    // Bounds on forward and backward scans, so hostile text costs linear time.
    private const int MaxScan = 1000;
    private const int MaxOpenerLookback = 64;

    /// <summary>The XML lines (without <c>///</c>) for <paramref name="markdown"/>; relative links resolve against <paramref name="baseUri"/>.</summary>
    public static List<string> ToXmlLines(string markdown, string? baseUri)
    {
        // Most descriptions are one plain sentence: nothing to render or escape, so they skip both parsers (a fifth of
        // the client's emit time for the partner document went into this method).
        if (IsPlainSentence(markdown)) return new List<string>(1) { markdown.TrimEnd(' ') };
        return Render(markdown, baseUri);
    }

    /// <summary>The full rendering, without the plain-sentence shortcut (tests compare the two).</summary>
    internal static List<string> Render(string markdown, string? baseUri)
    {
        var lines = new List<string>(Sanitize(markdown).Split('\n'));
        var output = new StringBuilder();
        RenderBlocks(lines, output, baseUri, 0, topLevel: true);
        var result = new List<string>();
        foreach (var line in output.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length == 0 && (result.Count == 0 || result[result.Count - 1].Length == 0)) continue;
            result.Add(trimmed);
        }
        while (result.Count > 0 && result[result.Count - 1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    /// <summary>
    /// One line that starts with a letter and holds only ASCII letters, digits, single spaces and punctuation that means
    /// nothing in CommonMark or XML where it stands: what the renderer would give back unchanged.
    /// </summary>
    internal static bool IsPlainSentence(string text)
    {
        if (text.Length == 0 || text.Length > MaxScan || !IsAsciiLetter(text[0])) return false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (IsAsciiLetter(c) || c is >= '0' and <= '9' || c is '.' or ',' or ';' or ':' or '\'' or '"' or '?' or '(' or ')' or '/' or '%' or '$' or '@' or '=' or '+' or '-') continue;
            if (c == ' ' && text[i - 1] != ' ') continue;
            return false;
        }
        return true;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>Text that must show as it is (a wire value, a path) in markdown: every ASCII punctuation character escaped.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsAsciiPunctuation(c)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>One line end ('\n'); characters XML or a C# comment line cannot hold become spaces.</summary>
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') continue;
                builder.Append('\n');
            }
            else if (c is '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append('\n');
            }
            else if (c == '\t')
            {
                builder.Append("    ");
            }
            else if (c is '\uFFFE' or '\uFFFF' || char.IsControl(c) || IsBidiControl(c) ||
                (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))) ||
                (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool IsBidiControl(char c)
        => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u061C';

    // ------------------------------------------------------------ blocks

    private enum BlockKind
    {
        Paragraph,
        Heading,
        Code,
        List,
    }

    private sealed class Block
    {
        public Block(BlockKind kind) => Kind = kind;

        public BlockKind Kind { get; }
        public List<string> Lines { get; } = new();
        public bool Ordered { get; set; }
        public List<List<string>> Items { get; } = new();
    }

    private static void RenderBlocks(List<string> lines, StringBuilder output, string? baseUri, int depth, bool topLevel)
    {
        var blocks = ParseBlocks(lines, depth);
        var wrap = blocks.Count > 1 || !topLevel;
        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Code:
                    output.Append("<code>\n");
                    foreach (var line in block.Lines) output.Append(EscapeText(line)).Append('\n');
                    output.Append("</code>\n");
                    break;
                case BlockKind.List:
                    output.Append(block.Ordered ? "<list type=\"number\">\n" : "<list type=\"bullet\">\n");
                    foreach (var item in block.Items)
                    {
                        output.Append("<item><description>");
                        var content = new StringBuilder();
                        if (depth + 1 < MaxNesting) RenderBlocks(item, content, baseUri, depth + 1, topLevel: true);
                        else content.Append(RenderInline(string.Join("\n", item), baseUri, allowLinks: true));
                        output.Append(content.ToString().TrimEnd('\n'));
                        output.Append("</description></item>\n");
                    }
                    output.Append("</list>\n");
                    break;
                default:
                    var text = RenderInline(string.Join("\n", block.Lines), baseUri, allowLinks: true);
                    if (block.Kind == BlockKind.Heading) text = "<b>" + text + "</b>";
                    output.Append(wrap ? "<para>" + text + "</para>\n" : text + "\n");
                    break;
            }
        }
    }

    private static List<Block> ParseBlocks(List<string> lines, int depth)
    {
        var blocks = new List<Block>();
        Block? paragraph = null;
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            var indent = Indent(line);
            if (indent == line.Length)
            {
                paragraph = null;
                i++;
                continue;
            }
            var content = line.Substring(indent);
            if (indent <= 3 && IsFence(content, out var fenceChar, out var fenceLength))
            {
                paragraph = null;
                var code = new Block(BlockKind.Code);
                i++;
                while (i < lines.Count)
                {
                    var inner = lines[i];
                    var innerIndent = Indent(inner);
                    if (innerIndent <= 3 && IsClosingFence(inner.Substring(innerIndent), fenceChar, fenceLength))
                    {
                        i++;
                        break;
                    }
                    code.Lines.Add(inner.Substring(Math.Min(indent, innerIndent)));
                    i++;
                }
                blocks.Add(code);
                continue;
            }
            if (indent >= 4 && paragraph is null)
            {
                var code = new Block(BlockKind.Code);
                while (i < lines.Count && (Indent(lines[i]) >= 4 || Indent(lines[i]) == lines[i].Length))
                {
                    code.Lines.Add(lines[i].Length >= 4 ? lines[i].Substring(4) : "");
                    i++;
                }
                while (code.Lines.Count > 0 && code.Lines[code.Lines.Count - 1].Trim().Length == 0) code.Lines.RemoveAt(code.Lines.Count - 1);
                blocks.Add(code);
                continue;
            }
            if (indent <= 3 && IsThematicBreak(content))
            {
                paragraph = null;
                i++;
                continue;
            }
            if (indent <= 3 && Heading(content) is { } heading)
            {
                paragraph = null;
                var block = new Block(BlockKind.Heading);
                block.Lines.Add(heading);
                blocks.Add(block);
                i++;
                continue;
            }
            // Only a list starting at 1 may interrupt a paragraph ("2020. was a year" on a new line is text).
            if (indent <= 3 && depth < MaxNesting && ListMarker(content, out var ordered, out _) &&
                (paragraph is null || !ordered || content.StartsWith("1.", StringComparison.Ordinal) || content.StartsWith("1)", StringComparison.Ordinal)))
            {
                paragraph = null;
                var list = new Block(BlockKind.List) { Ordered = ordered };
                i = ReadList(lines, i, list);
                blocks.Add(list);
                continue;
            }
            if (indent <= 3 && content[0] == '>')
            {
                content = content.Length > 1 && content[1] == ' ' ? content.Substring(2) : content.Substring(1);
                if (content.Trim().Length == 0)
                {
                    paragraph = null;
                    i++;
                    continue;
                }
            }
            if (paragraph is null)
            {
                paragraph = new Block(BlockKind.Paragraph);
                blocks.Add(paragraph);
            }
            paragraph.Lines.Add(content.Trim());
            i++;
        }
        return blocks;
    }

    /// <summary>Reads list items of one kind from <paramref name="start"/>; returns the index after the list.</summary>
    private static int ReadList(List<string> lines, int start, Block list)
    {
        var i = start;
        List<string>? item = null;
        var contentIndent = 0;
        var blankBefore = false;
        while (i < lines.Count)
        {
            var line = lines[i];
            var indent = Indent(line);
            if (indent == line.Length)
            {
                blankBefore = true;
                item?.Add("");
                i++;
                continue;
            }
            var content = line.Substring(indent);
            if (item is not null && indent >= contentIndent)
            {
                // Deeper than the item's text: its continuation, nested lists and code included.
                item.Add(line.Substring(contentIndent));
            }
            else if (indent <= 3 && ListMarker(content, out var ordered, out var markerWidth))
            {
                if (ordered != list.Ordered) break;
                item = new List<string>();
                list.Items.Add(item);
                contentIndent = indent + markerWidth;
                item.Add(content.Substring(Math.Min(markerWidth, content.Length)));
                blankBefore = false;
                i++;
                continue;
            }
            else if (!blankBefore && !IsThematicBreak(content) && !IsFence(content, out _, out _) && Heading(content) is null)
            {
                // A lazy continuation line of the item's paragraph.
                item!.Add(content);
            }
            else
            {
                break;
            }
            blankBefore = false;
            i++;
        }
        return i;
    }

    private static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }

    private static bool IsFence(string content, out char fenceChar, out int length)
    {
        fenceChar = content.Length > 0 ? content[0] : '\0';
        length = 0;
        if (fenceChar is not ('`' or '~')) return false;
        while (length < content.Length && content[length] == fenceChar) length++;
        if (length < 3) return false;
        return fenceChar == '~' || content.IndexOf('`', length) < 0;
    }

    private static bool IsClosingFence(string content, char fenceChar, int openingLength)
    {
        var length = 0;
        while (length < content.Length && content[length] == fenceChar) length++;
        return length >= openingLength && content.Substring(length).Trim().Length == 0;
    }

    private static bool IsThematicBreak(string content)
    {
        var marker = content[0];
        if (marker is not ('-' or '*' or '_')) return false;
        var count = 0;
        foreach (var c in content)
        {
            if (c == marker) count++;
            else if (c != ' ') return false;
        }
        return count >= 3;
    }

    private static string? Heading(string content)
    {
        var level = 0;
        while (level < content.Length && content[level] == '#') level++;
        if (level is 0 or > 6 || (level < content.Length && content[level] != ' ')) return null;
        var text = content.Substring(level).Trim();
        var end = text.Length;
        while (end > 0 && text[end - 1] == '#') end--;
        if (end < text.Length && (end == 0 || text[end - 1] == ' ')) text = text.Substring(0, end).TrimEnd();
        return text;
    }

    private static bool ListMarker(string content, out bool ordered, out int width)
    {
        ordered = false;
        width = 0;
        if (content[0] is '-' or '*' or '+')
        {
            if (content.Length > 1 && content[1] != ' ') return false;
            width = content.Length > 1 ? 2 : 1;
            return true;
        }
        var digits = 0;
        while (digits < content.Length && digits < 9 && content[digits] is >= '0' and <= '9') digits++;
        if (digits == 0 || digits >= content.Length || content[digits] is not ('.' or ')')) return false;
        if (digits + 1 < content.Length && content[digits + 1] != ' ') return false;
        ordered = true;
        width = digits + 1 < content.Length ? digits + 2 : digits + 1;
        return true;
    }

    // ------------------------------------------------------------ inlines

    /// <summary>A piece of inline output: escaped XML, or a run of <c>*</c>/<c>_</c> that may become emphasis.</summary>
    private sealed class Node
    {
        public string Xml = "";
        public char Delimiter;
        public int Count;
        public int OriginalCount;
        public bool CanOpen;
        public bool CanClose;
        public bool Active;
        public readonly List<string> OpenTags = new();
        public readonly List<string> CloseTags = new();
    }

    private static string RenderInline(string text, string? baseUri, bool allowLinks)
    {
        var nodes = new List<Node>();
        var literal = new StringBuilder();

        void Flush()
        {
            if (literal.Length == 0) return;
            nodes.Add(new Node { Xml = literal.ToString() });
            literal.Clear();
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]):
                    AppendEscaped(literal, text[i + 1]);
                    i += 2;
                    continue;
                case '`':
                {
                    var run = RunLength(text, i, '`');
                    var close = FindCodeSpanEnd(text, i + run, run);
                    if (close < 0)
                    {
                        literal.Append('`', run);
                        i += run;
                        continue;
                    }
                    var code = text.Substring(i + run, close - i - run).Replace('\n', ' ');
                    if (code.Length >= 2 && code[0] == ' ' && code[code.Length - 1] == ' ' && code.Trim().Length > 0) code = code.Substring(1, code.Length - 2);
                    literal.Append("<c>").Append(EscapeText(code)).Append("</c>");
                    i = close + run;
                    continue;
                }
                case '!' when i + 1 < text.Length && text[i + 1] == '[' && TryLink(text, i + 1, out var imageText, out _, out var imageEnd):
                    // An image shows as its alternative text.
                    literal.Append(EscapeText(imageText));
                    i = imageEnd;
                    continue;
                case '[' when TryLink(text, i, out var linkText, out var destination, out var linkEnd):
                {
                    var inner = allowLinks ? RenderInline(linkText, baseUri, allowLinks: false) : EscapeText(linkText);
                    var href = allowLinks ? Resolve(destination, baseUri) : null;
                    literal.Append(href is null ? inner : "<see href=\"" + EscapeAttribute(href) + "\">" + inner + "</see>");
                    i = linkEnd;
                    continue;
                }
                case '<':
                {
                    var end = text.IndexOf('>', i + 1, Math.Min(MaxScan, text.Length - i - 1));
                    if (end > 0)
                    {
                        var inside = text.Substring(i + 1, end - i - 1);
                        if (allowLinks && inside.IndexOf(' ') < 0 && inside.IndexOf('<') < 0 && Resolve(inside, null) is { } autolink && HasScheme(inside))
                        {
                            literal.Append("<see href=\"").Append(EscapeAttribute(autolink)).Append("\">").Append(EscapeText(inside)).Append("</see>");
                            i = end + 1;
                            continue;
                        }
                        var tag = inside.Replace(" ", "").ToLowerInvariant();
                        if (tag is "br" or "br/")
                        {
                            literal.Append('\n');
                            i = end + 1;
                            continue;
                        }
                    }
                    literal.Append("&lt;");
                    i++;
                    continue;
                }
                case '&':
                {
                    var decoded = DecodeEntity(text, i, out var length);
                    if (decoded is not null)
                    {
                        literal.Append(EscapeText(decoded));
                        i += length;
                        continue;
                    }
                    literal.Append("&amp;");
                    i++;
                    continue;
                }
                case '*':
                case '_':
                {
                    var run = RunLength(text, i, c);
                    var before = i == 0 ? '\n' : text[i - 1];
                    var after = i + run >= text.Length ? '\n' : text[i + run];
                    var leftFlanking = !IsWhite(after) && (!IsPunctuation(after) || IsWhite(before) || IsPunctuation(before));
                    var rightFlanking = !IsWhite(before) && (!IsPunctuation(before) || IsWhite(after) || IsPunctuation(after));
                    Flush();
                    nodes.Add(new Node
                    {
                        Delimiter = c,
                        Count = run,
                        OriginalCount = run,
                        CanOpen = c == '*' ? leftFlanking : leftFlanking && (!rightFlanking || IsPunctuation(before)),
                        CanClose = c == '*' ? rightFlanking : rightFlanking && (!leftFlanking || IsPunctuation(after)),
                        Active = true,
                    });
                    i += run;
                    continue;
                }
            }
            AppendEscaped(literal, c);
            i++;
        }
        Flush();
        MatchEmphasis(nodes);

        var output = new StringBuilder();
        foreach (var node in nodes)
        {
            if (node.Delimiter == '\0')
            {
                output.Append(node.Xml);
                continue;
            }
            // An opener keeps its unused characters outside the tags, a closer after them.
            foreach (var tag in node.CloseTags) output.Append(tag);
            output.Append(node.Delimiter, node.Count);
            foreach (var tag in node.OpenTags) output.Append(tag);
        }
        return output.ToString();
    }

    /// <summary>CommonMark's delimiter matching: closers left to right, each with the nearest fitting opener.</summary>
    private static void MatchEmphasis(List<Node> nodes)
    {
        for (var closer = 0; closer < nodes.Count; closer++)
        {
            var close = nodes[closer];
            if (close.Delimiter == '\0' || !close.CanClose) continue;
            while (close.Count > 0)
            {
                var opener = -1;
                var looked = 0;
                for (var k = closer - 1; k >= 0 && looked < MaxOpenerLookback; k--)
                {
                    var open = nodes[k];
                    if (open.Delimiter == '\0') continue;
                    looked++;
                    if (!open.Active || open.Delimiter != close.Delimiter || !open.CanOpen || open.Count == 0) continue;
                    // The rule of three: a run that can both open and close matches only when the sum is no multiple of 3.
                    if ((open.CanClose || close.CanOpen) && (open.OriginalCount + close.OriginalCount) % 3 == 0 &&
                        !(open.OriginalCount % 3 == 0 && close.OriginalCount % 3 == 0))
                    {
                        continue;
                    }
                    opener = k;
                    break;
                }
                if (opener < 0) break;
                var from = nodes[opener];
                var used = from.Count >= 2 && close.Count >= 2 ? 2 : 1;
                from.Count -= used;
                close.Count -= used;
                from.OpenTags.Insert(0, used == 2 ? "<b>" : "<i>");
                close.CloseTags.Add(used == 2 ? "</b>" : "</i>");
                // Delimiters between the two can no longer match: tags always nest.
                for (var k = opener + 1; k < closer; k++) nodes[k].Active = false;
            }
            // What is left of it may still open emphasis that a later run closes.
            if (close.Count == 0 || !close.CanOpen) close.Active = false;
        }
    }

    private static int RunLength(string text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c) end++;
        return end - start;
    }

    private static int FindCodeSpanEnd(string text, int from, int run)
    {
        var limit = Math.Min(text.Length, from + MaxScan);
        for (var i = from; i < limit; i++)
        {
            if (text[i] != '`') continue;
            var length = RunLength(text, i, '`');
            if (length == run) return i;
            i += length - 1;
        }
        return -1;
    }

    /// <summary>An inline link <c>[text](destination "title")</c> starting at the bracket.</summary>
    private static bool TryLink(string text, int start, out string linkText, out string destination, out int end)
    {
        linkText = destination = "";
        end = start;
        var depth = 0;
        var close = -1;
        var limit = Math.Min(text.Length, start + MaxScan);
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0)
            {
                close = i;
                break;
            }
        }
        if (close < 0 || close + 1 >= text.Length || text[close + 1] != '(') return false;
        var p = close + 2;
        while (p < text.Length && text[p] == ' ') p++;
        var destinationStart = p;
        if (p < text.Length && text[p] == '<')
        {
            var gt = text.IndexOf('>', p, Math.Min(MaxScan, text.Length - p));
            if (gt < 0 || text.IndexOf('\n', p, gt - p) >= 0) return false;
            destination = text.Substring(p + 1, gt - p - 1);
            p = gt + 1;
        }
        else
        {
            var parens = 0;
            while (p < text.Length && !IsWhite(text[p]) && p - destinationStart < MaxScan)
            {
                if (text[p] == '\\' && p + 1 < text.Length) p++;
                else if (text[p] == '(') parens++;
                else if (text[p] == ')' && parens-- == 0) break;
                p++;
            }
            destination = text.Substring(destinationStart, p - destinationStart);
        }
        while (p < text.Length && IsWhite(text[p])) p++;
        if (p < text.Length && text[p] is '"' or '\'')
        {
            var quote = text[p];
            var titleEnd = text.IndexOf(quote, p + 1, Math.Min(MaxScan, text.Length - p - 1));
            if (titleEnd < 0) return false;
            p = titleEnd + 1;
            while (p < text.Length && IsWhite(text[p])) p++;
        }
        if (p >= text.Length || text[p] != ')') return false;
        linkText = text.Substring(start + 1, close - start - 1);
        end = p + 1;
        return true;
    }

    /// <summary>An absolute http(s) or mailto URL for a link destination, or null: then the link stays text.</summary>
    private static string? Resolve(string destination, string? baseUri)
    {
        if (destination.Length == 0) return null;
        if (HasScheme(destination))
        {
            return Uri.TryCreate(destination, UriKind.Absolute, out var absolute) && IsAllowedScheme(absolute) ? absolute.AbsoluteUri : null;
        }
        // A path without a scheme is resolved as relative on every OS (on Unix, "/api" alone would read as a file path).
        if (baseUri is null || !Uri.TryCreate(baseUri, UriKind.Absolute, out var root) || !Uri.TryCreate(destination, UriKind.Relative, out var relative)) return null;
        return Uri.TryCreate(root, relative, out var resolved) && IsAllowedScheme(resolved) && resolved.Scheme != "mailto" ? resolved.AbsoluteUri : null;
    }

    private static bool IsAllowedScheme(Uri uri) => uri.Scheme is "http" or "https" or "mailto";

    private static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 2) return false;
        for (var i = 0; i < colon; i++)
        {
            var c = text[i];
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' || (i > 0 && (c is >= '0' and <= '9' or '+' or '.' or '-')))) return false;
        }
        return true;
    }

    private static string? DecodeEntity(string text, int start, out int length)
    {
        length = 0;
        var semicolon = text.IndexOf(';', start, Math.Min(12, text.Length - start));
        if (semicolon < 0) return null;
        var name = text.Substring(start + 1, semicolon - start - 1);
        length = semicolon - start + 1;
        switch (name)
        {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return "\u00A0";
        }
        if (name.Length > 1 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            var digits = name.Substring(hex ? 2 : 1);
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code) &&
                code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF) &&
                !(code < 0x10000 && (char.IsControl((char)code) || IsBidiControl((char)code))))
            {
                return code is 0x9 or 0xA or 0xD ? " " : char.ConvertFromUtf32(code);
            }
        }
        return null;
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '&': builder.Append("&amp;"); break;
            case '<': builder.Append("&lt;"); break;
            case '>': builder.Append("&gt;"); break;
            default: builder.Append(c); break;
        }
    }

    private static string EscapeText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string EscapeAttribute(string text) => EscapeText(text).Replace("\"", "&quot;");

    private static bool IsWhite(char c) => c is ' ' or '\n' or '\u00A0' || char.IsWhiteSpace(c);

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    private static bool IsPunctuation(char c) => IsAsciiPunctuation(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
