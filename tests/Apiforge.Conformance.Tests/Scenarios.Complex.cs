using AutoRest.BodyComplex;

namespace Apiforge.Conformance.Tests;

public static partial class Scenarios
{
    private static readonly byte[] ComplexBytes = [0xFF, 0xFE, 0xFD, 0xFC, 0x00, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6];

    private static readonly List<string?> ComplexArray = ["1, 2, 3, 4", "", null, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"];

    private static Dictionary<string, string> DefaultPrograms() => new() { ["txt"] = "notepad", ["bmp"] = "mspaint", ["xls"] = "excel", ["exe"] = "", [""] = null! };

    private static Siamese SiameseCat() => new()
    {
        Id = 2, Name = "Siameeee", Color = "green", Breed = "persian",
        Hates = [new Dog { Id = 1, Name = "Potato", Food = "tomato" }, new Dog { Id = -1, Name = "Tomato", Food = "french fries" }],
    };

    private static Salmon PolymorphicSalmon() => new()
    {
        Fishtype = "salmon", Location = "alaska", Iswild = true, Species = "king", Length = 1,
        Siblings =
        [
            new Shark { Fishtype = "shark", Age = 6, Birthday = new DateTimeOffset(2012, 1, 5, 1, 0, 0, TimeSpan.Zero), Length = 20, Species = "predator" },
            new Sawshark { Fishtype = "sawshark", Age = 105, Birthday = new DateTimeOffset(1900, 1, 5, 1, 0, 0, TimeSpan.Zero), Length = 10, Picture = [255, 255, 255, 255, 254], Species = "dangerous" },
            new Goblinshark { Fishtype = "goblin", Age = 1, Birthday = new DateTimeOffset(2015, 8, 8, 0, 0, 0, TimeSpan.Zero), Length = 30, Species = "scary", Jawsize = 5, Color = new GoblinsharkColor("pinkish-gray") },
        ],
    };

    private static ScenarioTable ComplexTypes() => new()
    {
        { "complex.basic.getValid", async c => { var basic = await c.Complex.BasicGetValidAsync(); Assert.Equal((2L, "abc", "YELLOW"), (basic.Id, basic.Name, basic.Color?.ToString())); } },
        { "complex.basic.putValid", c => c.Complex.BasicPutValidAsync(BasicPutValidApiVersion._20160229, new Basic { Id = 2, Name = "abc", Color = BasicColor.Magenta }) },
        { "complex.basic.getInvalid", c => Expect.Rejected(() => c.Complex.BasicGetInvalidAsync()) },
        { "complex.basic.getEmpty", async c => { var basic = await c.Complex.BasicGetEmptyAsync(); Assert.Null(basic.Id); Assert.Null(basic.Name); } },
        { "complex.basic.getNull", async c => { var basic = await c.Complex.BasicGetNullAsync(); Assert.Null(basic.Id); Assert.Null(basic.Name); } },
        // The document promises a Basic; an empty body is refused rather than returned as null (see README "Conformance").
        { "complex.basic.getNotProvided", c => Expect.Rejected(() => c.Complex.BasicGetNotProvidedAsync()) },

        { "complex.primitive.getInt", async c => { var v = await c.Complex.PrimitiveGetIntAsync(); Assert.Equal((-1, 2), (v.Field1, v.Field2)); } },
        { "complex.primitive.putInt", c => c.Complex.PrimitivePutIntAsync(new IntWrapper { Field1 = -1, Field2 = 2 }) },
        { "complex.primitive.getLong", async c => { var v = await c.Complex.PrimitiveGetLongAsync(); Assert.Equal((1099511627775L, -999511627788L), (v.Field1, v.Field2)); } },
        { "complex.primitive.putLong", c => c.Complex.PrimitivePutLongAsync(new LongWrapper { Field1 = 1099511627775, Field2 = -999511627788 }) },
        { "complex.primitive.getFloat", async c => { var v = await c.Complex.PrimitiveGetFloatAsync(); Assert.Equal((1.05f, -0.003f), (v.Field1, v.Field2)); } },
        { "complex.primitive.putFloat", c => c.Complex.PrimitivePutFloatAsync(new FloatWrapper { Field1 = 1.05f, Field2 = -0.003f }) },
        { "complex.primitive.getDouble", async c => { var v = await c.Complex.PrimitiveGetDoubleAsync(); Assert.Equal((3e-100, -5e-57), (v.Field1, v.Field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose)); } },
        { "complex.primitive.putDouble", c => c.Complex.PrimitivePutDoubleAsync(new DoubleWrapper { Field1 = 3e-100, Field56ZerosAfterTheDotAndNegativeZeroBeforeDotAndThisIsALongFieldNameOnPurpose = -5e-57 }) },
        { "complex.primitive.getBool", async c => { var v = await c.Complex.PrimitiveGetBoolAsync(); Assert.Equal((true, false), (v.FieldTrue, v.FieldFalse)); } },
        { "complex.primitive.putBool", c => c.Complex.PrimitivePutBoolAsync(new BooleanWrapper { FieldTrue = true, FieldFalse = false }) },
        { "complex.primitive.getString", async c => { var v = await c.Complex.PrimitiveGetStringAsync(); Assert.Equal(("goodrequest", "", null), (v.Field, v.Empty, v.Null)); } },
        { "complex.primitive.putString", c => c.Complex.PrimitivePutStringAsync(new StringWrapper { Field = "goodrequest", Empty = "" }) },
        { "complex.primitive.getDate", async c => { var v = await c.Complex.PrimitiveGetDateAsync(); Assert.Equal((new DateOnly(1, 1, 1), new DateOnly(2016, 2, 29)), (v.Field, v.Leap)); } },
        { "complex.primitive.putDate", c => c.Complex.PrimitivePutDateAsync(new DateWrapper { Field = new DateOnly(1, 1, 1), Leap = new DateOnly(2016, 2, 29) }) },
        { "complex.primitive.getDateTime", async c => { var v = await c.Complex.PrimitiveGetDateTimeAsync(); Assert.Equal((DateTimeOffset.MinValue, new DateTimeOffset(2015, 5, 18, 18, 38, 0, TimeSpan.Zero)), (v.Field, v.Now)); } },
        { "complex.primitive.putDateTime", c => c.Complex.PrimitivePutDateTimeAsync(new DatetimeWrapper { Field = DateTimeOffset.MinValue, Now = new DateTimeOffset(2015, 5, 18, 18, 38, 0, TimeSpan.Zero) }) },
        { "complex.primitive.getDateTimeRfc1123", async c => { var v = await c.Complex.PrimitiveGetDateTimeRfc1123Async(); Assert.Equal((DateTimeOffset.MinValue, new DateTimeOffset(2015, 5, 18, 11, 38, 0, TimeSpan.Zero)), (v.Field, v.Now)); } },
        { "complex.primitive.putDateTimeRfc1123", c => c.Complex.PrimitivePutDateTimeRfc1123Async(new Datetimerfc1123Wrapper { Field = DateTimeOffset.MinValue, Now = new DateTimeOffset(2015, 5, 18, 11, 38, 0, TimeSpan.Zero) }) },
        { "complex.primitive.getDuration", async c => Assert.Equal(new TimeSpan(123, 22, 14, 12, 11), (await c.Complex.PrimitiveGetDurationAsync()).Field) },
        { "complex.primitive.putDuration", c => c.Complex.PrimitivePutDurationAsync(new DurationWrapper { Field = new TimeSpan(123, 22, 14, 12, 11) }) },
        { "complex.primitive.getByte", async c => Assert.Equal(ComplexBytes, (await c.Complex.PrimitiveGetByteAsync()).Field) },
        { "complex.primitive.putByte", c => c.Complex.PrimitivePutByteAsync(new ByteWrapper { Field = ComplexBytes }) },

        // The server sends a null item (and a null map value below) where the document declares plain strings: refused, as declared.
        { "complex.array.getValid", c => Expect.Rejected(() => c.Complex.ArrayGetValidAsync()) },
        { "complex.array.putValid", c => c.Complex.ArrayPutValidAsync(new ArrayWrapper { Array = ComplexArray! }) },
        { "complex.array.getEmpty", async c => Assert.Empty((await c.Complex.ArrayGetEmptyAsync()).Array!) },
        { "complex.array.putEmpty", c => c.Complex.ArrayPutEmptyAsync(new ArrayWrapper { Array = [] }) },
        { "complex.array.getNotProvided", async c => Assert.Null((await c.Complex.ArrayGetNotProvidedAsync()).Array) },

        { "complex.dictionary.getValid", c => Expect.Rejected(() => c.Complex.DictionaryGetValidAsync()) },
        { "complex.dictionary.putValid", c => c.Complex.DictionaryPutValidAsync(new DictionaryWrapper { DefaultProgram = DefaultPrograms() }) },
        { "complex.dictionary.getEmpty", async c => Assert.Empty((await c.Complex.DictionaryGetEmptyAsync()).DefaultProgram!) },
        { "complex.dictionary.putEmpty", c => c.Complex.DictionaryPutEmptyAsync(new DictionaryWrapper { DefaultProgram = [] }) },
        { "complex.dictionary.getNull", async c => Assert.Null((await c.Complex.DictionaryGetNullAsync()).DefaultProgram) },
        { "complex.dictionary.getNotProvided", async c => Assert.Null((await c.Complex.DictionaryGetNotProvidedAsync()).DefaultProgram) },

        { "complex.inheritance.getValid", async c =>
            {
                var cat = await c.Complex.InheritanceGetValidAsync();
                Assert.Equal((2L, "Siameeee", "green", "persian"), (cat.Id, cat.Name, cat.Color, cat.Breed));
                Assert.Equal(["tomato", "french fries"], cat.Hates!.Select(dog => dog.Food));
            } },
        { "complex.inheritance.putValid", c => c.Complex.InheritancePutValidAsync(SiameseCat()) },

        { "complex.polymorphism.getValid", async c =>
            {
                var salmon = Assert.IsType<Salmon>(await c.Complex.PolymorphismGetValidAsync());
                Assert.Equal(("alaska", true, 3), (salmon.Location, salmon.Iswild, salmon.Siblings!.Count));
                Assert.IsType<Shark>(salmon.Siblings[0]);
                Assert.Equal([255, 255, 255, 255, 254], Assert.IsType<Sawshark>(salmon.Siblings[1]).Picture);
                Assert.Equal("pinkish-gray", Assert.IsType<Goblinshark>(salmon.Siblings[2]).Color?.ToString());
            } },
        { "complex.polymorphism.putValid", c => c.Complex.PolymorphismPutValidAsync(PolymorphicSalmon()) },
        { "complex.polymorphism.getDotSyntax", async c => Assert.Equal("sweden", Assert.IsType<DotSalmon>(await c.Complex.PolymorphismGetDotSyntaxAsync()).Location) },
        { "complex.polymorphism.getComposedWithDiscriminator", async c =>
            {
                var market = await c.Complex.PolymorphismGetComposedWithDiscriminatorAsync();
                Assert.Equal("sweden", market.SampleSalmon!.Location);
                Assert.IsType<DotSalmon>(market.SampleFish);
                Assert.All(market.Fishes!, fish => Assert.IsType<DotSalmon>(fish));
            } },
        { "complex.polymorphism.getComposedWithoutDiscriminator", async c =>
            {
                var market = await c.Complex.PolymorphismGetComposedWithoutDiscriminatorAsync();
                Assert.Equal("sweden", market.SampleSalmon!.Location);
                Assert.Equal(2, market.Fishes!.Count);
            } },
        { "complex.polymorphism.getComplicated", async c =>
            {
                var salmon = await c.Complex.PolymorphismGetComplicatedAsync();
                Assert.Equal("alaska", Assert.IsType<SmartSalmon>(salmon).Location);
            } },
        { "complex.polymorphism.putComplicated", async c => await c.Complex.PolymorphismPutComplicatedAsync(await c.Complex.PolymorphismGetComplicatedAsync()) },
        { "complex.polymorphism.putMissingDiscriminator", async c =>
            {
                // The answer is the same salmon without "fishtype": read as the declared Salmon.
                var salmon = await c.Complex.PolymorphismPutMissingDiscriminatorAsync(PolymorphicSalmon());
                Assert.Equal("alaska", salmon.Location);
            } },
        { "complex.polymorphicrecursive.getValid", async c =>
            {
                var fish = Assert.IsType<Salmon>(await c.Complex.PolymorphicrecursiveGetValidAsync());
                Assert.Equal(2, Assert.IsType<Shark>(fish.Siblings![0]).Siblings!.Count);
            } },
        { "complex.polymorphicrecursive.putValid", async c => await c.Complex.PolymorphicrecursivePutValidAsync(await c.Complex.PolymorphicrecursiveGetValidAsync()) },
        { "complex.readonlyproperty.getValid", async c => { var v = await c.Complex.ReadonlypropertyGetValidAsync(); Assert.Equal(("1234", 2), (v.Id, v.Size)); } },
        { "complex.readonlyproperty.putValid", c => c.Complex.ReadonlypropertyPutValidAsync(new ReadonlyObj { Id = "1234", Size = 2 }) },
        // The server has no route for /complex/flatten/valid (and no report scenario): the operation answers 404.
        { "complex.flattencomplex.getValid", c => Expect.Status(404, () => c.Complex.FlattencomplexGetValidAsync()) },
    };
}
