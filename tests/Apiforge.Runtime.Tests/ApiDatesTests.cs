using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>format: date/time as DateTime/TimeSpan, for consumers without DateOnly/TimeOnly: the same wire form.</summary>
public class ApiDatesTests
{
    [Theory]
    [InlineData("\"2026-12-02\"", "2026-12-02")]
    [InlineData("\"2026-12-02T23:30:00+05:00\"", "2026-12-02")]
    public void A_date_reads_as_midnight_of_that_day_and_writes_back_as_a_full_date(string json, string expected)
    {
        var reader = JsonText.Reader(json);
        var date = ApiDates.ReadDate(ref reader);

        Assert.Equal(TimeSpan.Zero, date.TimeOfDay);
        Assert.Equal(DateTimeKind.Unspecified, date.Kind);
        Assert.Equal($"\"{expected}\"", JsonText.Written(w => ApiDates.WriteDate(w, date)));
        Assert.Equal(expected, ApiDates.FormatDate(date));
    }

    [Theory]
    [InlineData("\"09:30:15.5\"", "09:30:15.5")]
    [InlineData("\"17:00:00Z\"", "17:00:00")]
    [InlineData("\"23:59:59.9999999+01:00\"", "23:59:59.9999999")]
    public void A_time_reads_as_the_time_since_midnight_and_writes_back_without_an_offset(string json, string expected)
    {
        var reader = JsonText.Reader(json);
        var time = ApiDates.ReadTimeOfDay(ref reader);

        Assert.Equal($"\"{expected}\"", JsonText.Written(w => ApiDates.WriteTimeOfDay(w, time)));
    }

    [Theory]
    [InlineData("\"2026-13-01\"")]
    [InlineData("12")]
    public void A_value_that_is_not_a_date_is_a_JsonException(string json)
        => Assert.Throws<JsonException>(() =>
        {
            var reader = JsonText.Reader(json);
            ApiDates.ReadDate(ref reader);
        });

    [Theory]
    [InlineData("\"24:00:00\"")]
    [InlineData("\"noon\"")]
    public void A_value_that_is_not_a_time_of_day_is_a_JsonException(string json)
        => Assert.Throws<JsonException>(() =>
        {
            var reader = JsonText.Reader(json);
            ApiDates.ReadTimeOfDay(ref reader);
        });

    [Fact]
    public void A_time_span_outside_one_day_is_not_a_time_of_day()
        => Assert.Throws<ArgumentOutOfRangeException>(() => ApiDates.FormatTimeOfDay(TimeSpan.FromHours(25)));
}
