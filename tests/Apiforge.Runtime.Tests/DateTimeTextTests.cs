using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>A date-time is the same text in a query string or header as in a JSON body: <c>Z</c> for UTC.</summary>
public class DateTimeTextTests
{
    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T03:04:05.5Z", "2024-01-02T03:04:05.5Z")]
    [InlineData("2024-01-02T03:04:05.1234567+00:00", "2024-01-02T03:04:05.1234567Z")]
    [InlineData("2024-01-02T03:04:05.120+05:30", "2024-01-02T03:04:05.12+05:30")]
    [InlineData("2024-01-02T03:04:05-08:00", "2024-01-02T03:04:05-08:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z")]
    public void Query_and_header_text_is_the_json_text(string value, string expected)
    {
        var dateTime = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) ApiJson.WriteDateTimeOffset(writer, dateTime);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(expected, ApiFormat.Format(dateTime));
        Assert.Equal("\"" + expected + "\"", json);
    }
}
