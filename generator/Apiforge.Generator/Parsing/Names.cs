using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Apiforge.Generator.Parsing;

/// <summary>Turns arbitrary spec text into safe C# identifiers.</summary>
internal static class Names
{
    private const int MaxIdentifierLength = 128;

    /// <summary>PascalCase identifier: words split on anything that is not a letter or digit.</summary>
    public static string Pascal(string? text, string fallback)
    {
        var words = SplitWords(text);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }
        return Finish(builder, fallback);
    }

    /// <summary>camelCase identifier, escaped with <c>@</c> where it is a keyword.</summary>
    public static string Camel(string? text, string fallback)
    {
        var pascal = Pascal(text, fallback);
        var run = 0;
        while (run < pascal.Length && char.IsUpper(pascal[run])) run++;
        if (run > 1 && run < pascal.Length && char.IsLower(pascal[run])) run--;
        var camel = pascal.Substring(0, run).ToLowerInvariant() + pascal.Substring(run);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    public static bool IsValidIdentifier(string? text)
        => !string.IsNullOrEmpty(text) && SyntaxFacts.IsValidIdentifier(text) && SyntaxFacts.GetKeywordKind(text!) == SyntaxKind.None;

    /// <summary>A valid dotted namespace name.</summary>
    public static bool IsValidNamespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var part in text!.Split('.'))
        {
            if (!IsValidIdentifier(part)) return false;
        }
        return true;
    }

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> by appending a number, and takes it.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        if (taken.Add(name)) return name;
        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(candidate)) return candidate;
        }
    }

    private static List<string> SplitWords(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var c in text!)
        {
            if (IsIdentifierPart(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static bool IsIdentifierPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }

    private static string Finish(StringBuilder builder, string fallback)
    {
        if (builder.Length == 0) builder.Append(fallback);
        if (char.IsDigit(builder[0])) builder.Insert(0, '_');
        if (builder.Length > MaxIdentifierLength)
        {
            var full = builder.ToString();
            var hash = StableHash(full).ToString("x8", CultureInfo.InvariantCulture);
            builder.Length = MaxIdentifierLength - 9;
            builder.Append('_').Append(hash);
        }
        var result = builder.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "_" + result : result;
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }
        return hash;
    }
}
