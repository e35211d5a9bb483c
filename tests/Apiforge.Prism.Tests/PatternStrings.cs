using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Apiforge.Runtime;

namespace Apiforge.Prism.Tests;

/// <summary>
/// When the generated client refuses a synthesized argument for its pattern (Twilio's <c>^MG[0-9a-fA-F]{32}$</c>),
/// a string matching the common pattern subset (literals, classes, {n}/{n,m}/+/*/? quantifiers) replaces it.
/// </summary>
internal static partial class PatternStrings
{
    [GeneratedRegex("does not match the pattern '(?<p>.*)'\\.")]
    private static partial Regex PatternInMessage();

    /// <summary>Fixes the argument the exception names; false when it cannot.</summary>
    public static bool TryFix(ApiValidationException exception, System.Reflection.ParameterInfo[] parameters, object?[] arguments)
    {
        var match = PatternInMessage().Match(exception.Message);
        if (!match.Success || Matching(match.Groups["p"].Value) is not { } value) return false;
        var index = Array.FindIndex(parameters, p => p.Name == exception.ParamName);
        if (index < 0) return false;
        if (!exception.Path.StartsWith("$.", StringComparison.Ordinal))
        {
            arguments[index] = value;
            return true;
        }
        // A top-level property of a body model.
        var jsonName = exception.Path[2..];
        var body = arguments[index];
        var property = body?.GetType().GetProperties().FirstOrDefault(p =>
            p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), true) is [JsonPropertyNameAttribute a] && a.Name == jsonName);
        if (property is null || property.PropertyType != typeof(string)) return false;
        property.SetValue(body, value);
        return true;
    }

    public static string? Matching(string pattern)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            char? unit;
            var c = pattern[i];
            if (c is '^' or '$') { i++; continue; }
            if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                if (close < 0) return null;
                unit = pattern[i + 1] == '^' ? null : pattern[i + 1];
                i = close + 1;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                unit = pattern[i + 1] switch { 'd' => '1', 'w' => 'a', 's' => ' ', var other when !char.IsLetterOrDigit(other) => other, _ => null };
                i += 2;
            }
            else if (c is '(' or ')' or '|' or '.' or '+' or '*' or '?' or '{')
            {
                return null;
            }
            else
            {
                unit = c;
                i++;
            }
            if (unit is null) return null;
            var count = 1;
            if (i < pattern.Length && pattern[i] == '{')
            {
                var close = pattern.IndexOf('}', i);
                if (close < 0) return null;
                var bounds = pattern[(i + 1)..close].Split(',');
                if (!int.TryParse(bounds[0], out count) || count > 1000) return null;
                i = close + 1;
            }
            else if (i < pattern.Length && pattern[i] is '+' or '*' or '?')
            {
                count = pattern[i] == '+' ? 1 : 0;
                i++;
            }
            builder.Append(unit.Value, count);
        }
        return builder.ToString();
    }
}
