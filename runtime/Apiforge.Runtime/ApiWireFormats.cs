using System;
using System.Globalization;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>
/// The string formats AutoRest and Azure documents use besides RFC 3339: <c>date-time-rfc1123</c> (HTTP dates),
/// <c>base64url</c> (unpadded URL-safe base64) and <c>unixtime</c> (whole seconds since 1970 as a JSON integer).
/// A value that is not in its format fails the read instead of being kept as text. Used by generated code.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiWireFormats
{
    private const string Rfc1123Pattern = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
    private static readonly string[] s_rfc1123Patterns = { Rfc1123Pattern, "ddd, d MMM yyyy HH':'mm':'ss 'GMT'" };

    /// <summary>Reads an RFC 1123 date (<c>Mon, 18 May 2015 11:38:00 GMT</c>, letters in any case) as UTC.</summary>
    public static DateTimeOffset ReadRfc1123(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected an RFC 1123 date, found {reader.TokenType}.");
        var text = reader.GetString()!;
        if (TryParseRfc1123(text, out var value)) return value;
        throw new JsonException($"\"{text}\" is not an RFC 1123 date.");
    }

    /// <summary>Parses an RFC 1123 date; false for any other text, or a date outside years 1 to 9999.</summary>
    public static bool TryParseRfc1123(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || text.Length > 40) return false;
        return DateTimeOffset.TryParseExact(CanonicalCase(text.Trim()), s_rfc1123Patterns, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Writes the instant as an RFC 1123 date in GMT.</summary>
    public static void WriteRfc1123(Utf8JsonWriter writer, DateTimeOffset value)
        => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(FormatRfc1123(value));

    /// <summary>The instant as an RFC 1123 date in GMT, as HTTP headers carry it.</summary>
    public static string FormatRfc1123(DateTimeOffset value) => value.UtcDateTime.ToString(Rfc1123Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads unpadded URL-safe base64 (RFC 4648 section 5); padded or standard base64 is accepted too.</summary>
    public static byte[] ReadBase64Url(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected base64url text, found {reader.TokenType}.");
        var text = reader.GetString()!;
        if (TryParseBase64Url(text, out var bytes)) return bytes;
        throw new JsonException("The value is not base64url text.");
    }

    /// <summary>Decodes base64url text; false when it is not base64 in either alphabet.</summary>
    public static bool TryParseBase64Url(string? text, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (text is null) return false;
        var trimmed = text.TrimEnd('=');
        if (trimmed.Length % 4 == 1) return false;
        var standard = trimmed.Replace('-', '+').Replace('_', '/');
        standard += new string('=', (4 - standard.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(standard);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Writes the bytes as unpadded URL-safe base64.</summary>
    public static void WriteBase64Url(Utf8JsonWriter writer, byte[] value)
        => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(FormatBase64Url(value));

    /// <summary>The bytes as unpadded URL-safe base64.</summary>
    public static string FormatBase64Url(byte[] value)
        => Convert.ToBase64String(value ?? throw new ArgumentNullException(nameof(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads whole seconds since 1970-01-01T00:00:00Z (a JSON integer) as a UTC instant.</summary>
    public static DateTimeOffset ReadUnixTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var seconds))
        {
            throw new JsonException($"Expected Unix time in whole seconds, found {reader.TokenType}.");
        }
        if (seconds < MinUnixSeconds || seconds > MaxUnixSeconds) throw new JsonException($"Unix time {seconds} is outside the years 1 to 9999.");
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>Writes the instant as whole seconds since 1970 (fractions of a second are cut).</summary>
    public static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value)
        => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteNumberValue(value.ToUnixTimeSeconds());

    /// <summary>The instant as whole seconds since 1970, for paths, query strings and headers.</summary>
    public static string FormatUnixTime(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private const long MinUnixSeconds = -62135596800;
    private const long MaxUnixSeconds = 253402300799;

    /// <summary>Day and month names as the invariant culture spells them (<c>Fri</c>, <c>Dec</c>), <c>GMT</c> upper case.</summary>
    private static string CanonicalCase(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!IsAsciiLetter(chars[i])) continue;
            var wordStart = i == 0 || !IsAsciiLetter(chars[i - 1]);
            chars[i] = wordStart ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
        }
        var canonical = new string(chars);
        return canonical.EndsWith(" Gmt", StringComparison.Ordinal) ? canonical.Substring(0, canonical.Length - 3) + "GMT" : canonical;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
