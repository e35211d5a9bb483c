using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shapes;

namespace Apiforge.Client.Tests;

/// <summary>Every schema shape of specs/schemas.yaml, read and written through the generated metadata (reflection off).</summary>
public class SchemaShapeTests
{
    private static readonly ZooClientJsonContext Json = ZooClientJsonContext.Default;

    private static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");

    private static string Quote(string text)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) writer.WriteStringValue(text);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ZooClient Client(string responseBody, out RecordingHandler handler)
    {
        handler = new RecordingHandler(HttpStatusCode.OK, responseBody);
        return new ZooClient(new HttpClient(handler) { BaseAddress = new Uri("https://zoo.example.com/v1/") });
    }

    [Fact]
    public async Task A_discriminator_value_picks_the_derived_class_explicit_and_implied_mapping()
    {
        var client = Client("""{"petType":"cat","name":"Tom","livesLeft":7}""", out _);
        var cat = Assert.IsType<Cat>(await client.GetPetAsync(1));
        Assert.Equal("Tom", cat.Name);
        Assert.Equal(7, cat.LivesLeft);

        var lizard = Assert.IsType<Lizard>(JsonSerializer.Deserialize("""{"petType":"Lizard","name":"Liz","scales":true}""", Json.Pet));
        Assert.True(lizard.Scales);

        // An unknown discriminator value still reads as the base class, keeping what it does not know.
        var unknown = JsonSerializer.Deserialize("""{"petType":"parrot","name":"Polly","words":12}""", Json.Pet)!;
        Assert.Equal(typeof(Pet), unknown.GetType());
        AssertSameJson("""{"petType":"parrot","name":"Polly","words":12}""", JsonSerializer.Serialize(unknown, Json.Pet));
    }

    [Fact]
    public void A_derived_instance_written_as_its_base_keeps_its_own_properties()
    {
        Pet pet = new Dog { PetType = "dog", Name = "Rex", Bark = DogBark.Loud };
        AssertSameJson("""{"petType":"dog","name":"Rex","bark":"loud"}""", JsonSerializer.Serialize(pet, Json.Pet));
        var back = Assert.IsType<Dog>(JsonSerializer.Deserialize(JsonSerializer.Serialize(pet, Json.Pet), Json.Pet));
        Assert.Equal(DogBark.Loud, back.Bark);
    }

    [Fact]
    public void Defaults_initialize_new_objects_and_what_the_server_left_out_stays_out()
    {
        var cat = Assert.IsType<Cat>(JsonSerializer.Deserialize("""{"petType":"cat","name":"Kit"}""", Json.Pet));
        Assert.Null(cat.LivesLeft);
        Assert.Equal("""{"petType":"cat","name":"Kit"}""", JsonSerializer.Serialize(cat, Json.Pet));
        Assert.Equal(9, new Cat { PetType = "cat", Name = "New" }.LivesLeft);
    }

    [Fact]
    public async Task A_discriminated_oneOf_round_trips_through_the_client()
    {
        var client = Client("""{"kind":"Square","side":2.5}""", out var handler);
        var stored = await client.AddShapeAsync(new Circle { Kind = "Circle", Radius = 1.5 });
        AssertSameJson("""{"kind":"Circle","radius":1.5}""", handler.Requests.Single().Body!);
        Assert.Equal(2.5, stored.Square!.Side);
        Assert.Null(stored.Circle);
        Assert.IsType<Square>(stored.Value);
    }

    [Fact]
    public void An_expandable_field_is_either_the_id_or_the_object_and_writes_back_the_same()
    {
        const string asId = """{"id":"ch_1","customer":"cus_9"}""";
        const string expanded = """{"id":"ch_2","customer":{"id":"cus_9","email":"a@b.c"},"amount":"12"}""";
        var byId = JsonSerializer.Deserialize(asId, Json.Charge)!;
        Assert.Equal("cus_9", byId.Customer.String);
        Assert.Null(byId.Customer.Customer);
        var full = JsonSerializer.Deserialize(expanded, Json.Charge)!;
        Assert.Equal("a@b.c", full.Customer.Customer!.Email);
        Assert.Equal("12", full.Amount!.String);
        AssertSameJson(asId, JsonSerializer.Serialize(byId, Json.Charge));
        AssertSameJson(expanded, JsonSerializer.Serialize(full, Json.Charge));

        var number = JsonSerializer.Deserialize("""{"id":"ch_3","customer":"c","amount":12}""", Json.Charge)!;
        Assert.Equal(12L, number.Amount!.Int64);
    }

    [Fact]
    public void A_union_keeps_json_that_matches_no_alternative()
    {
        var odd = JsonSerializer.Deserialize("""{"id":"ch_4","customer":[1,2]}""", Json.Charge)!;
        Assert.NotNull(odd.Customer.Unmatched);
        AssertSameJson("""{"id":"ch_4","customer":[1,2]}""", JsonSerializer.Serialize(odd, Json.Charge));
    }

    [Fact]
    public void Nullability_required_read_only_write_only_const_and_defaults()
    {
        var value = JsonSerializer.Deserialize("""{"requiredNullable":null,"created":"2024-01-02T03:04:05Z"}""", Json.Shapes)!;
        Assert.Null(value.RequiredNullable);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), value.Created);
        Assert.Null(value.Mode);

        // Defaults and const values initialize objects the caller creates.
        var created = new Shapes.Shapes { RequiredNullable = "r" };
        Assert.Equal("fast", created.Mode);
        Assert.Equal(0.5, created.Ratio);
        Assert.True(created.Flag);
        Assert.Equal(2L, created.Version);

        // A required nullable property is written even when null; optional ones are left out.
        var written = JsonSerializer.Serialize(new Shapes.Shapes { RequiredNullable = null, Mode = null, Ratio = null, Flag = null, Version = null }, Json.Shapes);
        AssertSameJson("""{"requiredNullable":null}""", written);

        // Missing a required property the server always sends is an error; a write-only one is not expected back.
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"created":"2024-01-02T03:04:05Z"}""", Json.Shapes));
    }

    [Fact]
    public void Maps_free_form_values_nested_arrays_and_inline_types()
    {
        const string json = """
            {"requiredNullable":"x","created":"2024-01-02T03:04:05Z","labels":{"a":"1"},"anything":{"k":[1,{"z":null}]},
             "free":{"any":true},"grid":[[1,2],[3]],"inlineObject":{"depth":3},"inlineEnum":"down","color":"in-progress"}
            """;
        var value = JsonSerializer.Deserialize(json, Json.Shapes)!;
        Assert.Equal("1", value.Labels!["a"]);
        Assert.Equal(JsonValueKind.Array, value.Anything!["k"].ValueKind);
        Assert.Equal(JsonValueKind.Object, value.Free!.Value.ValueKind);
        Assert.Equal(3, value.Grid![1][0]);
        Assert.Equal(3L, value.InlineObject!.Depth);
        Assert.Equal(ShapesInlineEnum.Down, value.InlineEnum);
        Assert.Equal(Color.InProgress, value.Color);
        // readOnly "created" is read but not written: it is response-only, and servers refuse it in requests.
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), value.Created);
        AssertSameJson(json.Replace("\"created\":\"2024-01-02T03:04:05Z\",", "", StringComparison.Ordinal), JsonSerializer.Serialize(value, Json.Shapes));
    }

    [Fact]
    public void Enum_values_get_distinct_valid_names_and_unknown_values_survive()
    {
        var all = new[]
        {
            (Color.Empty, ""), (Color.InProgress, "in-progress"), (Color._1st, "1st"), (Color.AB, "A B"), (Color.Class, "class"),
            (Color.Ü, "ü"), (Color.AB2, "a-b"), (Color.AB3, "a_b"), (Color.Plus1, "+1"), (Color.Minus1, "-1"),
        };
        foreach (var (member, wire) in all)
        {
            Assert.Equal(wire, member.Value);
            Assert.True(member.IsKnown);
            Assert.Equal(Quote(wire), JsonSerializer.Serialize(member, Json.Color));
            Assert.Equal(member, JsonSerializer.Deserialize(Quote(wire), Json.Color));
        }
        var later = JsonSerializer.Deserialize("\"blocked\"", Json.Color);
        Assert.False(later.IsKnown);
        Assert.Equal("\"blocked\"", JsonSerializer.Serialize(later, Json.Color));

        Assert.Equal(2L, (long)Priority.Medium);
        Assert.Equal(Priority.High, JsonSerializer.Deserialize("3", Json.Priority));
        Assert.Equal("7", JsonSerializer.Serialize(JsonSerializer.Deserialize("7", Json.Priority), Json.Priority));
        Assert.Equal(Level.Value20, JsonSerializer.Deserialize("20", Json.Level));
    }

    [Fact]
    public void Every_format_maps_to_its_type_and_round_trips()
    {
        const string json = """
            {"i32":1,"i64":9007199254740993,"f":1.5,"d":2.25,"m":0.1,"date":"2024-02-29","dateTime":"2024-02-29T10:00:00+01:00",
             "time":"10:20:30.5","duration":"P1DT2H3M","uuid":"9b2e6f8e-52b5-4d37-9a8c-3c4c1c1d2e3f","uri":"https://a.example/x?y=1",
             "email":"a@b.c","byte":"AQID","binary":"raw","password":"p","unknown":"u","unknownNumber":5}
            """;
        var f = JsonSerializer.Deserialize(json, Json.Formats)!;
        int? i32 = f.I32;
        long? i64 = f.I64;
        float? single = f.F;
        double? dbl = f.D;
        decimal? dec = f.M;
        DateOnly? date = f.Date;
        TimeOnly? time = f.Time;
        TimeSpan? duration = f.Duration;
        Guid? uuid = f.Uuid;
        Uri? uri = f.Uri;
        byte[]? bytes = f.Byte;
        Assert.Equal(9007199254740993L, i64);
        Assert.Equal(0.1m, dec);
        Assert.Equal(new DateOnly(2024, 2, 29), date);
        Assert.Equal(new TimeOnly(10, 20, 30, 500), time);
        Assert.Equal(new TimeSpan(1, 2, 3, 0), duration);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes);
        Assert.Equal(1, i32);
        Assert.Equal(1.5f, single);
        Assert.Equal(2.25, dbl);
        Assert.NotNull(uuid);
        Assert.NotNull(uri);
        Assert.Equal(5L, f.UnknownNumber);
        AssertSameJson(json.Replace("2024-02-29T10:00:00+01:00", "2024-02-29T10:00:00+01:00", StringComparison.Ordinal), JsonSerializer.Serialize(f, Json.Formats));
    }

    [Fact]
    public void Deprecated_members_are_obsolete_for_users_only()
    {
        var property = typeof(Shapes.Shapes).GetProperty(nameof(Shapes.Shapes.Mode))!;
        Assert.Null(property.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
        Assert.NotNull(typeof(Shapes.Shapes).GetProperty("Old")!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
        Assert.NotNull(typeof(Shapes.Legacy).GetConstructor(Type.EmptyTypes)!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
        var legacy = JsonSerializer.Deserialize("""{"value":"v"}""", Json.Legacy)!;
        Assert.Equal("""{"value":"v"}""", JsonSerializer.Serialize(legacy, Json.Legacy));
        var shapes = JsonSerializer.Deserialize("""{"requiredNullable":"x","created":"2024-01-02T03:04:05Z","old":"o"}""", Json.Shapes)!;
        Assert.Contains("\"old\":\"o\"", JsonSerializer.Serialize(shapes, Json.Shapes), StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_and_mutually_recursive_schemas()
    {
        const string json = """{"name":"root","children":[{"name":"leaf","children":[]}],"partner":{"node":{"name":"other"}}}""";
        var node = JsonSerializer.Deserialize(json, Json.Node)!;
        Assert.Equal("leaf", node.Children![0].Name);
        Assert.Equal("other", node.Partner!.Node!.Name);
        AssertSameJson(json, JsonSerializer.Serialize(node, Json.Node));
    }

    [Fact]
    public void Nullable_in_3_0_documents()
    {
        var thing = JsonSerializer.Deserialize("""{"name":"n","nickname":null,"count":null,"owner":null}""", Nullable30.NullableClientJsonContext.Default.Thing)!;
        Assert.Null(thing.Nickname);
        Assert.Null(thing.Owner);
        string? nickname = thing.Nickname;
        Nullable30.Owner? owner = thing.Owner;
        Assert.Null(nickname);
        Assert.Null(owner);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"name":"n"}""", Nullable30.NullableClientJsonContext.Default.Thing));
    }

    [Fact]
    public void Composition_without_a_base_is_one_class()
    {
        var address = new Address { Street = "Main", City = "Town" };
        Assert.Equal(typeof(object), typeof(Address).BaseType);
        AssertSameJson("""{"street":"Main","city":"Town"}""", JsonSerializer.Serialize(address, Json.Address));
    }
}
