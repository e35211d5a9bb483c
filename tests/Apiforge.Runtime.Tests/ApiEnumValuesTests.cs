using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>The value table every generated string enum reads and looks up through.</summary>
public class ApiEnumValuesTests
{
    private static readonly ApiEnumValues Small = new("Status", "active", "in-progress", "", "ü");

    private static ApiEnumValues Large { get; } = new("Country", Enumerable.Range(0, 40).Select(i => "c" + i).ToArray());

    [Fact]
    public void A_value_finds_the_position_of_its_known_member_and_an_unlisted_one_finds_none()
    {
        Assert.Equal(0, Small.Find("active"));
        Assert.Equal(1, Small.Find("in-progress"));
        Assert.Equal(3, Small.Find("ü"));
        // A default struct holds null, which is the empty wire value.
        Assert.Equal(2, Small.Find(null));
        Assert.Null(Small.Find("Active"));
        Assert.Null(Small.Find("paused"));
        Assert.Equal(39, Large.Find("c39"));
        Assert.Null(Large.Find("c40"));
    }

    [Fact]
    public void Of_two_equal_values_the_first_is_the_known_member()
    {
        var values = new ApiEnumValues("Twice", "a", "b", "a");
        Assert.Equal(0, values.Find("a"));
    }

    [Theory]
    [InlineData("\"in-progress\"", "in-progress")]
    [InlineData("\"in\\u002Dprogress\"", "in-progress")]
    [InlineData("\"\\u00FC\"", "ü")]
    [InlineData("\"\"", "")]
    [InlineData("\"paused\"", "paused")]
    public void Reading_returns_the_wire_text_unescaped_listed_or_not(string json, string expected)
    {
        var reader = JsonText.Reader(json);
        Assert.Equal(expected, Small.Read(ref reader));
    }

    [Fact]
    public void A_listed_value_of_a_short_list_is_the_listed_string_instance()
    {
        var listed = "in-progress";
        var values = new ApiEnumValues("Status", listed, "done");
        var reader = JsonText.Reader("\"in-progress\"");
        Assert.Same(listed, values.Read(ref reader));
    }

    [Fact]
    public void A_long_list_reads_listed_and_unlisted_values()
    {
        var reader = JsonText.Reader("\"c17\"");
        Assert.Equal("c17", Large.Read(ref reader));
        reader = JsonText.Reader("\"later\"");
        Assert.Equal("later", Large.Read(ref reader));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{}")]
    public void A_token_that_is_not_a_string_is_a_json_error_naming_the_enum(string json)
    {
        var error = Assert.ThrowsAny<JsonException>(() =>
        {
            var reader = JsonText.Reader(json);
            Small.Read(ref reader);
        });
        Assert.Contains("Status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_enums_read_any_64_bit_integer_and_refuse_other_tokens()
    {
        var reader = JsonText.Reader("9007199254740993");
        Assert.Equal(9007199254740993L, ApiEnumValues.ReadInteger(ref reader, "Level"));
        Assert.ThrowsAny<JsonException>(() =>
        {
            var text = JsonText.Reader("\"10\"");
            ApiEnumValues.ReadInteger(ref text, "Level");
        });
        Assert.Throws<FormatException>(() =>
        {
            var fraction = JsonText.Reader("1.5");
            ApiEnumValues.ReadInteger(ref fraction, "Level");
        });
    }
}
