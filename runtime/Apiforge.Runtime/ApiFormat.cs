using System;
using System.Globalization;

namespace Apiforge.Runtime;

/// <summary>Formats simple values for paths, query strings and headers, in the invariant culture.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiFormat
{
    /// <summary>The value itself.</summary>
    public static string Format(string value) => value;

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>The number in the invariant culture.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number in the invariant culture.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same number.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The number in the invariant culture.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// RFC 3339 date and time as JSON bodies carry it (<c>ApiJson.WriteDateTimeOffset</c>): <c>Z</c> for UTC,
    /// otherwise the offset, and the fraction of a second only as long as it needs to be.
    /// </summary>
    public static string Format(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

#if NET
    /// <summary>ISO 8601 full-date.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
#endif

    /// <summary>The lower-case hyphenated form.</summary>
    public static string Format(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The URI as it was given.</summary>
    public static string Format(Uri value) => (value ?? throw new ArgumentNullException(nameof(value))).OriginalString;

    /// <summary>Base64.</summary>
    public static string Format(byte[] value) => Convert.ToBase64String(value ?? throw new ArgumentNullException(nameof(value)));

#if NET
    /// <summary>ISO 8601 partial-time (<c>HH:mm:ss</c> with fractions when there are any).</summary>
    public static string Format(TimeOnly value) => ApiJson.FormatTimeOnly(value);
#endif

    /// <summary>ISO 8601 duration, such as <c>PT1H30M</c>.</summary>
    public static string Format(TimeSpan value) => System.Xml.XmlConvert.ToString(value);

    /// <summary>A string's value, a number's digits, <c>true</c>/<c>false</c>; JSON text for arrays and objects.</summary>
    public static string Format(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => value.GetString() ?? "",
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}
