using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>The per-type property table the generated object readers and writers run on.</summary>
public class ApiJsonPropertiesTests
{
    private static readonly ApiJsonProperties Account = new("Account", ["id", "name", "active"], 0, 1);

    /// <summary>Reads the object at the start of <paramref name="json"/> the way a generated reader does, recording (index, value text).</summary>
    private static List<(int Index, string Value)> ReadAll(ApiJsonProperties table, string json, bool checkRequired = true)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return ReadObject(table, ref reader, checkRequired);
    }

    private static List<(int Index, string Value)> ReadObject(ApiJsonProperties table, ref Utf8JsonReader reader, bool checkRequired = true)
    {
        var read = new List<(int, string)>();
        var seen = table.Start(ref reader);
        while (table.Next(ref reader, ref seen, out var index))
        {
            read.Add((index, JsonElement.ParseValue(ref reader).GetRawText()));
        }
        if (checkRequired) table.ThrowIfMissing(ref reader, seen);
        return read;
    }

    [Fact]
    public void Names_are_found_in_any_order_and_unknown_properties_are_skipped()
    {
        var read = ReadAll(Account, """{"active":true,"extra":{"deep":[1,2,{"id":9}]},"name":"n","id":7}""");

        Assert.Equal([(2, "true"), (1, "\"n\""), (0, "7")], read);
    }

    [Fact]
    public void An_escaped_property_name_matches_its_unescaped_name()
    {
        var read = ReadAll(Account, """{"\u0069d":7,"n\u0061me":"x"}""");

        Assert.Equal([(0, "7"), (1, "\"x\"")], read);
    }

    [Fact]
    public void A_missing_required_property_throws_with_the_json_path_of_the_object()
    {
        var page = new ApiJsonProperties("Page", ["accounts"], 0);
        var converter = new DelegateJsonConverter<int>(
            (ref Utf8JsonReader reader) =>
            {
                var seen = page.Start(ref reader);
                var count = 0;
                while (page.Next(ref reader, ref seen, out _))
                {
                    count = ApiJson.ReadList(ref reader, static (ref Utf8JsonReader r) => ReadObject(Account, ref r)).Count;
                }
                page.ThrowIfMissing(ref reader, seen);
                return count;
            },
            static (writer, value) => writer.WriteNumberValue(value));
        var reader = new Utf8JsonReader("""{"accounts":[{"id":1,"name":"a"},{"id":2}]}"""u8);
        reader.Read();

        ApiJsonReadException? thrown = null;
        try
        {
            converter.Read(ref reader, typeof(int), JsonSerializerOptions.Default);
        }
        catch (ApiJsonReadException ex)
        {
            thrown = ex;
        }

        Assert.NotNull(thrown);
        Assert.Equal("$.accounts[1].name", thrown.JsonPath);
        Assert.Equal("The JSON for Account lacks its required property 'name' (or it is null) (at $.accounts[1].name).", thrown.Message);
    }

    [Fact]
    public void A_required_property_that_is_present_passes_and_an_optional_one_may_be_missing()
    {
        var read = ReadAll(Account, """{"name":"n","id":1}""");

        Assert.Equal(2, read.Count);
    }

    [Fact]
    public void More_than_64_properties_are_recorded_and_checked()
    {
        var names = Enumerable.Range(0, 130).Select(i => "p" + i).ToArray();
        var table = new ApiJsonProperties("Wide", names, 3, 70, 129);

        var complete = ReadAll(table, """{"p129":1,"p70":2,"p3":3,"p100":4}""");
        Assert.Equal([(129, "1"), (70, "2"), (3, "3"), (100, "4")], complete);

        var ex = Assert.Throws<ApiJsonReadException>(() => ReadAll(table, """{"p129":1,"p3":3,"p100":4}"""));
        Assert.Contains("'p70'", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ApiJsonReadException>(() => ReadAll(table, """{"p70":1,"p3":3}"""));
        Assert.Contains("'p129'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_set_beyond_64_does_not_mark_its_neighbours()
    {
        var set = default(ApiJsonPropertySet);
        var reader = new Utf8JsonReader("""{"p65":0}"""u8);
        reader.Read();
        var table = new ApiJsonProperties("Wide", Enumerable.Range(0, 200).Select(i => "p" + i).ToArray());
        set = table.Start(ref reader);
        Assert.True(table.Next(ref reader, ref set, out var index));

        Assert.Equal(65, index);
        Assert.True(set.Contains(65));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(64));
        Assert.False(set.Contains(66));
        Assert.False(set.Contains(129));
        Assert.False(set.Contains(199));
    }

    [Fact]
    public void Unknown_properties_are_counted_without_moving_the_reader()
    {
        var reader = new Utf8JsonReader("""{"id":1,"other":{"name":2},"n\u0061me":"x","more":[]}"""u8);
        reader.Read();

        Assert.Equal(2, Account.CountUnknown(reader));
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        Assert.Equal(4, new ApiJsonProperties("Empty", []).CountUnknown(reader));
    }

    [Fact]
    public void Unknown_properties_are_kept_as_extension_data()
    {
        var reader = new Utf8JsonReader("""{"x":{"a":1},"id":5,"y":null}"""u8);
        reader.Read();
        var seen = Account.Start(ref reader);
        Dictionary<string, JsonElement>? extra = null;
        var read = new List<int>();
        while (Account.Next(ref reader, ref seen, ref extra, out var index))
        {
            read.Add(index);
            reader.Skip();
        }

        Assert.Equal([0], read);
        Assert.NotNull(extra);
        Assert.Equal("""{"a":1}""", extra["x"].GetRawText());
        Assert.Equal(JsonValueKind.Null, extra["y"].ValueKind);
    }

    [Fact]
    public void A_token_that_is_not_an_object_is_refused_with_the_type_name()
    {
        var ex = Assert.Throws<ApiJsonReadException>(() => ReadAll(Account, "[1]"));

        Assert.Contains("Expected Account but found StartArray", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_encoded_names_leave_out_optional_nulls_and_write_required_nulls()
    {
        var table = new ApiJsonProperties("T", ["a", "b", "c", "d<"]);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            ApiJson.WriteOptionalInt64Property(writer, table[0], null);
            ApiJson.WriteNullableInt64Property(writer, table[1], null);
            ApiJson.WriteOptionalStringProperty(writer, table[2], "x");
            ApiJson.WriteValueProperty(writer, table[3], (DateOnly?)new DateOnly(2024, 1, 2), ApiJson.WriteDateOnly);
            ApiJson.WriteExtensionData(writer, new Dictionary<string, JsonElement> { ["e"] = JsonDocument.Parse("[1]").RootElement });
            writer.WriteEndObject();
        }

        Assert.Equal("""{"b":null,"c":"x","d\u003C":"2024-01-02","e":[1]}""", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Nullable_reads_take_a_json_null_as_null()
    {
        var reader = new Utf8JsonReader("""[null,5,null,"2024-01-02"]"""u8);
        reader.Read();
        reader.Read();
        Assert.Null(ApiJson.ReadInt64OrNull(ref reader));
        reader.Read();
        Assert.Equal(5L, ApiJson.ReadInt64OrNull(ref reader));
        reader.Read();
        Assert.Null(ApiJson.ReadValueOrNull(ref reader, ApiJson.ReadDateOnly));
        reader.Read();
        Assert.Equal(new DateOnly(2024, 1, 2), ApiJson.ReadValueOrNull(ref reader, ApiJson.ReadDateOnly));
    }
}
