using System.Net;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>date-time-rfc1123, base64url and unixtime: read strictly, written in their own form.</summary>
public class ApiWireFormatsTests
{
    [Theory]
    [InlineData("\"Mon, 18 May 2015 11:38:00 GMT\"", "2015-05-18T11:38:00+00:00")]
    [InlineData("\"fri, 31 dec 9999 23:59:59 gmt\"", "9999-12-31T23:59:59+00:00")]
    [InlineData("\"FRI, 31 DEC 9999 23:59:59 GMT\"", "9999-12-31T23:59:59+00:00")]
    [InlineData("\"Mon, 01 Jan 0001 00:00:00 GMT\"", "0001-01-01T00:00:00+00:00")]
    public void Rfc1123_dates_read_in_any_letter_case_as_utc(string json, string expected)
    {
        var reader = JsonText.Reader(json);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ApiWireFormats.ReadRfc1123(ref reader));
    }

    [Theory]
    [InlineData("\"Tue, 01 Dec 2000 00:00:0A ABC\"")]
    [InlineData("\"Sat, 1 Jan 10000 00:00:00 GMT\"")]
    [InlineData("\"Tue, 00 Jan 0000 00:00:00 GMT\"")]
    [InlineData("\"Tue, 18 May 2015 11:38:00 GMT\"")]
    [InlineData("\"2015-05-18T11:38:00Z\"")]
    [InlineData("1431949080")]
    public void Anything_else_is_not_an_rfc1123_date(string json)
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = JsonText.Reader(json);
            ApiWireFormats.ReadRfc1123(ref reader);
        });
    }

    [Fact]
    public void Rfc1123_is_written_in_gmt_whatever_the_offset()
    {
        var value = new DateTimeOffset(2015, 5, 18, 13, 38, 0, TimeSpan.FromHours(2));
        Assert.Equal("\"Mon, 18 May 2015 11:38:00 GMT\"", JsonText.Written(w => ApiWireFormats.WriteRfc1123(w, value)));
        Assert.Equal("Mon, 01 Jan 0001 00:00:00 GMT", ApiWireFormats.FormatRfc1123(DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData("\"YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw\"", "a string that gets encoded with base64url")]
    [InlineData("\"TG9yZW0gaXBzdW0=\"", "Lorem ipsum")]
    [InlineData("\"\"", "")]
    public void Base64url_reads_with_or_without_padding(string json, string expected)
    {
        var reader = JsonText.Reader(json);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), ApiWireFormats.ReadBase64Url(ref reader));
    }

    [Theory]
    [InlineData("\"a\"")]
    [InlineData("\"not base64!\"")]
    [InlineData("12")]
    public void Text_that_is_not_base64url_fails(string json)
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = JsonText.Reader(json);
            ApiWireFormats.ReadBase64Url(ref reader);
        });
    }

    [Fact]
    public void Base64url_is_written_unpadded_with_the_url_safe_alphabet()
    {
        Assert.Equal("\"-_8\"", JsonText.Written(w => ApiWireFormats.WriteBase64Url(w, [0xFB, 0xFF])));
        Assert.Equal("bG9yZW0", ApiWireFormats.FormatBase64Url("lorem"u8.ToArray()));
    }

    [Fact]
    public void Unix_time_is_whole_seconds_both_ways()
    {
        var reader = JsonText.Reader("1460505600");
        var value = ApiWireFormats.ReadUnixTime(ref reader);
        Assert.Equal(new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero), value);
        Assert.Equal("1460505600", JsonText.Written(w => ApiWireFormats.WriteUnixTime(w, value.ToOffset(TimeSpan.FromHours(-5)).AddMilliseconds(900))));
        Assert.Equal("1460505600", ApiWireFormats.FormatUnixTime(value));
    }

    [Theory]
    [InlineData("\"1460505600\"")]
    [InlineData("1460505600.5")]
    [InlineData("253402300800")]
    [InlineData("-62135596801")]
    public void Unix_time_outside_dotnets_range_or_not_an_integer_fails(string json)
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = JsonText.Reader(json);
            ApiWireFormats.ReadUnixTime(ref reader);
        });
    }

    [Fact]
    public async Task An_undocumented_status_becomes_an_exception_with_its_status_and_body()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("""{"queued":true}""") };
        var error = await ApiResponse.UndocumentedStatusAsync(response, CancellationToken.None);
        Assert.Equal(202, error.StatusCode);
        Assert.Equal("""{"queued":true}""", error.Response);
        Assert.Contains("does not document", error.Message, StringComparison.Ordinal);
    }
}
