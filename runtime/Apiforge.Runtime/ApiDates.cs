using System;
using System.Globalization;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>
/// <c>format: date</c> and <c>format: time</c> for consumers without <c>DateOnly</c>/<c>TimeOnly</c> (netstandard2.0,
/// .NET Framework): a date is a <see cref="DateTime"/> at midnight (kind unspecified), a time of day a
/// <see cref="TimeSpan"/> since midnight. The wire form is the same as with the newer types. Used by generated code.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiDates
{
    /// <summary>Reads an ISO 8601 full-date (<c>yyyy-MM-dd</c>); a date-time is cut to its date.</summary>
    public static DateTime ReadDate(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Expected a date, found {reader.TokenType}.");
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime)) return DateTime.SpecifyKind(dateTime.Date, DateTimeKind.Unspecified);
        throw new JsonException($"'{text}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>Writes the date part as an ISO 8601 full-date.</summary>
    public static void WriteDate(Utf8JsonWriter writer, DateTime value)
        => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(FormatDate(value));

    /// <summary>The date part as <c>yyyy-MM-dd</c>.</summary>
    public static string FormatDate(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads an RFC 3339 <c>time</c> (<c>HH:mm:ss[.fraction]</c>) as the time since midnight; an offset after it is ignored.</summary>
    public static TimeSpan ReadTimeOfDay(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Expected a time, found {reader.TokenType}.");
        var end = text.Length;
        for (var i = 8; i < text.Length; i++)
        {
            if (text[i] is 'Z' or 'z' or '+' or '-')
            {
                end = i;
                break;
            }
        }
        if (TimeSpan.TryParseExact(text.Substring(0, end), s_timeFormats, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero && value < TimeSpan.FromDays(1)) return value;
        throw new JsonException($"'{text}' is not a time of day.");
    }

    /// <summary>Writes a time of day as <c>HH:mm:ss[.fraction]</c>.</summary>
    public static void WriteTimeOfDay(Utf8JsonWriter writer, TimeSpan value)
        => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(FormatTimeOfDay(value));

    /// <summary>A time of day as <c>HH:mm:ss</c> with fractions when there are any.</summary>
    public static string FormatTimeOfDay(TimeSpan value)
    {
        if (value < TimeSpan.Zero || value >= TimeSpan.FromDays(1)) throw new ArgumentOutOfRangeException(nameof(value), value, "A time of day is at least zero and less than 24 hours.");
        return value.ToString(@"hh\:mm\:ss\.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
    }

    private static readonly string[] s_timeFormats = { @"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF", @"hh\:mm" };
}
