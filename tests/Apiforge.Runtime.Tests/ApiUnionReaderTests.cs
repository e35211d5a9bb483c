using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>How a generated union reads its alternatives: best class match first, then the others in order, on reader copies.</summary>
public class ApiUnionReaderTests
{
    /// <summary>A stand-in for a generated union: which alternative read the JSON, and what it read.</summary>
    private sealed record Union(string Case, object? Value);

    private static readonly string[] CircleProperties = { "kind", "radius" };
    private static readonly string[] SquareProperties = { "kind", "side" };

    private static int CountUnknown(Utf8JsonReader reader, string[] known)
    {
        var unknown = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!known.Contains(reader.GetString())) unknown++;
            reader.Read();
            reader.Skip();
        }
        return unknown;
    }

    /// <summary>A class reader that requires one property, as a generated reader requires its required properties.</summary>
    private static Union ReadObjectWith(ref Utf8JsonReader reader, string caseName, string required)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty(required, out var value)) throw new JsonException($"{caseName} lacks {required}");
        return new Union(caseName, value.GetDouble());
    }

    private static ApiUnionReader<Union> Shapes(params ApiUnionAlternative<Union>[] more) => new(
        unmatched => new Union("Unmatched", unmatched.GetRawText()),
        new[]
        {
            ApiUnion.Class(static (ref Utf8JsonReader r) => ReadObjectWith(ref r, "Circle", "radius"), static r => CountUnknown(r, CircleProperties)),
            ApiUnion.Class(static (ref Utf8JsonReader r) => ReadObjectWith(ref r, "Square", "side"), static r => CountUnknown(r, SquareProperties)),
        }.Concat(more).ToArray());

    private static Union Read(ApiUnionReader<Union> union, string json, out Utf8JsonReader after)
    {
        var reader = JsonText.Reader($"[{json}, 42]");
        reader.Read();
        var value = union.Read(ref reader);
        after = reader;
        return value;
    }

    /// <summary>The reader must stand on the value's last token: the next token is what follows the value.</summary>
    private static void AssertReadWholeValue(Utf8JsonReader after)
    {
        Assert.True(after.Read());
        Assert.Equal(JsonTokenType.Number, after.TokenType);
        Assert.Equal(42, after.GetInt32());
    }

    [Fact]
    public void The_class_with_fewest_unknown_properties_is_tried_first()
    {
        var union = Shapes();
        var square = Read(union, """{"kind":"x","side":2,"radius":1,"extra":0}""", out var after);
        // Circle does not know side and extra (2), Square does not know radius and extra (2): a tie goes to the first.
        Assert.Equal(new Union("Circle", 1d), square);
        AssertReadWholeValue(after);

        // Circle does not know side and other (2), Square only other (1).
        Assert.Equal(new Union("Square", 3d), Read(union, """{"kind":"x","side":3,"other":1}""", out after));
        AssertReadWholeValue(after);
    }

    [Fact]
    public void A_class_that_fails_to_read_gives_way_to_the_next_best_with_the_reader_where_it_was()
    {
        // Circle knows every property but lacks its required radius; Square, one unknown property, reads it.
        var value = Read(Shapes(), """{"kind":"x","side":4}""", out var after);
        Assert.Equal(new Union("Square", 4d), value);
        AssertReadWholeValue(after);
    }

    [Fact]
    public void Other_alternatives_are_tried_in_order_when_their_token_fits()
    {
        var union = Shapes(
            ApiUnion.Of(ApiUnionToken.Number, static (ref Utf8JsonReader r) => new Union("Int32", r.GetInt32())),
            ApiUnion.Of(ApiUnionToken.Number, static (ref Utf8JsonReader r) => new Union("Double", r.GetDouble())),
            ApiUnion.Of(ApiUnionToken.Boolean, static (ref Utf8JsonReader r) => new Union("Boolean", r.GetBoolean())),
            ApiUnion.Of(ApiUnionToken.String, static (ref Utf8JsonReader r) => new Union("String", r.GetString())),
            ApiUnion.Of(ApiUnionToken.Array, static (ref Utf8JsonReader r) => new Union("Array", JsonDocument.ParseValue(ref r).RootElement.GetArrayLength())));

        Assert.Equal(new Union("Int32", 7), Read(union, "7", out var after));
        AssertReadWholeValue(after);
        // GetInt32 throws FormatException on 7.5: the next number alternative reads it.
        Assert.Equal(new Union("Double", 7.5), Read(union, "7.5", out after));
        Assert.Equal(new Union("Boolean", false), Read(union, "false", out after));
        Assert.Equal(new Union("String", "s"), Read(union, "\"s\"", out after));
        Assert.Equal(new Union("Array", 2), Read(union, "[1,[2]]", out after));
        AssertReadWholeValue(after);
    }

    [Fact]
    public void Json_no_alternative_reads_is_kept_as_it_came_and_consumed()
    {
        var union = Shapes(ApiUnion.Of(ApiUnionToken.String, static (ref Utf8JsonReader r) => new Union("String", r.GetString())));
        Assert.Equal(new Union("Unmatched", """{"kind":"x"}"""), Read(union, """{"kind":"x"}""", out var after));
        AssertReadWholeValue(after);
        Assert.Equal(new Union("Unmatched", "[1,2]"), Read(union, "[1,2]", out after));
        AssertReadWholeValue(after);
        Assert.Equal(new Union("Unmatched", "null"), Read(union, "null", out after));
        AssertReadWholeValue(after);
    }

    [Fact]
    public void An_alternative_of_any_token_is_tried_on_everything()
    {
        var union = new ApiUnionReader<Union>(
            unmatched => new Union("Unmatched", null),
            ApiUnion.Of(ApiUnionToken.Any, static (ref Utf8JsonReader r) => new Union("Json", JsonDocument.ParseValue(ref r).RootElement.ValueKind)));
        Assert.Equal(new Union("Json", JsonValueKind.Null), Read(union, "null", out _));
        Assert.Equal(new Union("Json", JsonValueKind.Object), Read(union, "{}", out var after));
        AssertReadWholeValue(after);
    }

    [Fact]
    public void An_exception_that_is_not_a_mismatch_is_not_swallowed()
    {
        var union = new ApiUnionReader<Union>(
            unmatched => new Union("Unmatched", null),
            ApiUnion.Of<Union>(ApiUnionToken.String, static (ref Utf8JsonReader r) => throw new ArgumentNullException("value")));
        Assert.Throws<ArgumentNullException>(() => Read(union, "\"s\"", out _));
    }

    [Fact]
    public void More_class_alternatives_than_fit_on_the_stack_are_ranked_too()
    {
        var alternatives = Enumerable.Range(0, 40)
            .Select(i => ApiUnion.Class(
                (ref Utf8JsonReader r) => ReadObjectWith(ref r, "C" + i, "p" + i),
                r => CountUnknown(r, new[] { "p" + i })))
            .ToArray();
        var union = new ApiUnionReader<Union>(unmatched => new Union("Unmatched", null), alternatives);
        Assert.Equal(new Union("C37", 1d), Read(union, """{"p37":1}""", out var after));
        AssertReadWholeValue(after);
    }
}
