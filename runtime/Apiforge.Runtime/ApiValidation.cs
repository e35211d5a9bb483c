using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Apiforge.Runtime;

/// <summary>
/// The checks generated clients make before sending: one call per constrained value, so generated code stays small.
/// Each throws <see cref="ApiValidationException"/> naming the method parameter and the path of the value; the path
/// of a member (the <c>member</c> argument, such as <c>.capacity</c>, appended to <c>path</c>) is only composed
/// when a check fails, so valid calls allocate nothing.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiValidation
{
    /// <summary>A pattern match longer than this fails the check instead of running on (a hostile value or pattern).</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex> s_patterns = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks a string's length in Unicode code points (as JSON Schema counts) and, when <paramref name="pattern"/> is
    /// given, that the pattern matches somewhere in it (JSON Schema patterns are not anchored). Null passes.
    /// </summary>
    public static void String(string? value, int minLength, int maxLength, string? pattern, string parameter, string path, string? member = null)
    {
        if (value is null) return;
        if (minLength > 0 || maxLength >= 0)
        {
            var length = CodePoints(value);
            if (length < minLength)
            {
                throw Fail($"must be at least {minLength} characters long; it has {length}", parameter, path, member);
            }
            if (maxLength >= 0 && length > maxLength)
            {
                throw Fail($"must be at most {maxLength} characters long; it has {length}", parameter, path, member);
            }
        }
        if (pattern is null) return;
        bool matched;
        try
        {
            matched = Pattern(pattern).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Fail($"could not be matched against the pattern '{pattern}' in time", parameter, path, member);
        }
        if (!matched) throw Fail($"does not match the pattern '{pattern}'", parameter, path, member);
    }

    /// <summary>Checks an integer against its bounds (NaN: none) and <paramref name="multipleOf"/> (0: none). Null passes.</summary>
    public static void Number(long? value, double minimum, bool exclusiveMinimum, double maximum, bool exclusiveMaximum, double multipleOf,
        string parameter, string path, string? member = null)
    {
        if (value is not { } number) return;
        CheckBounds(number, minimum, exclusiveMinimum, maximum, exclusiveMaximum, parameter, path, member);
        if (multipleOf > 0 && !IsMultiple(number, multipleOf)) throw NotMultiple(multipleOf, parameter, path, member);
    }

    /// <summary>Checks a floating-point number against its bounds (NaN: none) and <paramref name="multipleOf"/> (0: none). Null passes.</summary>
    public static void Number(double? value, double minimum, bool exclusiveMinimum, double maximum, bool exclusiveMaximum, double multipleOf,
        string parameter, string path, string? member = null)
    {
        if (value is not { } number) return;
        CheckBounds(number, minimum, exclusiveMinimum, maximum, exclusiveMaximum, parameter, path, member);
        if (multipleOf > 0 && !IsMultiple(number, multipleOf)) throw NotMultiple(multipleOf, parameter, path, member);
    }

    /// <summary>Checks a decimal against its bounds (NaN: none) and <paramref name="multipleOf"/> (0: none). Null passes.</summary>
    public static void Number(decimal? value, double minimum, bool exclusiveMinimum, double maximum, bool exclusiveMaximum, double multipleOf,
        string parameter, string path, string? member = null)
    {
        if (value is not { } number) return;
        CheckBounds((double)number, minimum, exclusiveMinimum, maximum, exclusiveMaximum, parameter, path, member);
        if (multipleOf > 0 && !IsMultiple(number, multipleOf)) throw NotMultiple(multipleOf, parameter, path, member);
    }

    /// <summary>
    /// Checks the number of items of an array or entries of a map (negative <paramref name="maxCount"/>: no maximum) and,
    /// when <paramref name="unique"/>, that no two items are equal (by <see cref="EqualityComparer{T}.Default"/>). Null passes.
    /// </summary>
    public static void Count<T>(ICollection<T>? value, int minCount, int maxCount, bool unique, string parameter, string path, string? member = null)
    {
        if (value is null) return;
        if (value.Count < minCount) throw Fail($"must have at least {minCount} items; it has {value.Count}", parameter, path, member);
        if (maxCount >= 0 && value.Count > maxCount) throw Fail($"must have at most {maxCount} items; it has {value.Count}", parameter, path, member);
        if (!unique || value.Count < 2) return;
        var seen = new HashSet<T>(EqualityComparer<T>.Default);
        var index = 0;
        foreach (var item in value)
        {
            if (!seen.Add(item)) throw Fail($"must not repeat an item; item {index} repeats an earlier one", parameter, path, member);
            index++;
        }
    }

    /// <summary>The path of an array item: <c>path[index]</c>.</summary>
    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The path of a map entry: <c>path['key']</c>.</summary>
    public static string Entry(string path, string key) => path + "['" + key.Replace("'", "\\'") + "']";

    private static void CheckBounds(double number, double minimum, bool exclusiveMinimum, double maximum, bool exclusiveMaximum,
        string parameter, string path, string? member)
    {
        if (!double.IsNaN(minimum) && (exclusiveMinimum ? number <= minimum : number < minimum))
        {
            throw Fail($"must be {(exclusiveMinimum ? "greater than" : "at least")} {Text(minimum)}; it is {Text(number)}", parameter, path, member);
        }
        if (!double.IsNaN(maximum) && (exclusiveMaximum ? number >= maximum : number > maximum))
        {
            throw Fail($"must be {(exclusiveMaximum ? "less than" : "at most")} {Text(maximum)}; it is {Text(number)}", parameter, path, member);
        }
    }

    private static bool IsMultiple(long value, double multipleOf)
    {
        if (multipleOf == Math.Floor(multipleOf) && multipleOf <= long.MaxValue) return value % (long)multipleOf == 0;
        return IsMultiple((double)value, multipleOf);
    }

    private static bool IsMultiple(double value, double multipleOf)
    {
        // In decimal where it fits, so that 0.3 is a multiple of 0.1; beyond decimal's range, within a relative epsilon.
        if (Math.Abs(value) < 7.9e27 && multipleOf < 7.9e27 && multipleOf >= 1e-28)
        {
            return IsMultiple((decimal)value, multipleOf);
        }
        var quotient = value / multipleOf;
        return Math.Abs(quotient - Math.Round(quotient)) <= 1e-9 * Math.Max(1, Math.Abs(quotient));
    }

    private static bool IsMultiple(decimal value, double multipleOf)
    {
        if (multipleOf >= 7.9e27 || multipleOf < 1e-28) return IsMultiple((double)value, multipleOf);
        return value % (decimal)multipleOf == 0;
    }

    private static ApiValidationException NotMultiple(double multipleOf, string parameter, string path, string? member)
        => Fail($"must be a multiple of {Text(multipleOf)}", parameter, path, member);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsLowSurrogate(value[i]) || i == 0 || !char.IsHighSurrogate(value[i - 1])) count++;
        }
        return count;
    }

    /// <summary>One compiled Regex per pattern: ECMAScript semantics where .NET supports them, its own otherwise.</summary>
    private static Regex Pattern(string pattern) => s_patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.ECMAScript, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return new Regex(p, RegexOptions.CultureInvariant, PatternTimeout);
        }
    });

    private static ApiValidationException Fail(string problem, string parameter, string path, string? member)
    {
        var where = member is null ? path : path + member;
        // The value itself is left out: it may be a secret (a password with a minLength).
        return new ApiValidationException($"'{where}' {problem}.", parameter, where);
    }
}
