using AutoRest.BodyArray;
using AutoRest.BodyDictionary;

namespace Apiforge.Conformance.Tests;

public static partial class Scenarios
{
    private static readonly DateTimeOffset[] DateTimes =
        [new(2000, 12, 1, 0, 0, 1, TimeSpan.Zero), new(1980, 1, 2, 0, 11, 35, TimeSpan.FromHours(1)), new(1492, 10, 12, 10, 15, 1, TimeSpan.FromHours(-8))];

    // The array route wants the get's wall-clock times as UTC; the dictionary route (below) the same instants in UTC.
    private static readonly DateTimeOffset[] DateTimesInUtc =
        [new(2000, 12, 1, 0, 0, 1, TimeSpan.Zero), new(1980, 1, 2, 0, 11, 35, TimeSpan.Zero), new(1492, 10, 12, 10, 15, 1, TimeSpan.Zero)];

    private static readonly DateOnly[] DateValues = [new(2000, 12, 1), new(1980, 1, 2), new(1492, 10, 12)];

    // "Fri, 01 Dec 2000 00:00:01 GMT", "Wed, 02 Jan 1980 00:11:35 GMT", "Wed, 12 Oct 1492 10:15:01 GMT" on the wire.
    private static readonly DateTimeOffset[] Rfc1123Values = [.. DateTimesInUtc];

    private static readonly TimeSpan[] Durations = [new TimeSpan(123, 22, 14, 12, 11), new TimeSpan(5, 1, 0, 0)];

    private static readonly byte[][] ByteValues = [[0xFF, 0xFF, 0xFF, 0xFA], [0x01, 0x02, 0x03], [0x25, 0x29, 0x43]];

    // "YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw", "dGVzdCBzdHJpbmc", "TG9yZW0gaXBzdW0" on the wire.
    private static readonly byte[][] Base64UrlValues = [Utf8("a string that gets encoded with base64url"), Utf8("test string"), Utf8("Lorem ipsum")];

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static readonly Guid[] Uuids = [new("6dcc7237-45fe-45c4-8a6b-3a8a3f625652"), new("d1399005-30f7-40d6-8da6-dd7c89ad34db"), new("f42f6aa1-a5bc-4ddf-907e-5f915de43205")];

    private static readonly string[][] Nested = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]];

    private static readonly Dictionary<string, string>[] Maps =
    [
        new() { ["1"] = "one", ["2"] = "two", ["3"] = "three" },
        new() { ["4"] = "four", ["5"] = "five", ["6"] = "six" },
        new() { ["7"] = "seven", ["8"] = "eight", ["9"] = "nine" },
    ];

    /// <summary>{"0": a, "1": b, ...}: the dictionary swagger's shape of the array swagger's values.</summary>
    private static Dictionary<string, T> Indexed<T>(params IEnumerable<T> values)
        => values.Select((value, index) => (value, index)).ToDictionary(pair => pair.index.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.value);

    private static ScenarioTable ArraysAndDictionaries() => new()
    {
        // body-array
        { "array.getNull", c => Expect.Rejected(() => c.Arrays.ArrayGetNullAsync()) },
        { "array.getInvalid", c => Expect.Rejected(() => c.Arrays.ArrayGetInvalidAsync()) },
        { "array.getEmpty", c => Expect.Value(c.Arrays.ArrayGetEmptyAsync(), []) },
        { "array.putEmpty", c => c.Arrays.ArrayPutEmptyAsync([]) },
        { "array.getBooleanTfft", c => Expect.Value(c.Arrays.ArrayGetBooleanTfftAsync(), [true, false, false, true]) },
        { "array.putBooleanTfft", c => c.Arrays.ArrayPutBooleanTfftAsync([true, false, false, true]) },
        { "array.getBooleanInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetBooleanInvalidNullAsync()) },
        { "array.getBooleanInvalidString", c => Expect.Rejected(() => c.Arrays.ArrayGetBooleanInvalidStringAsync()) },
        { "array.getIntegerValid", c => Expect.Value(c.Arrays.ArrayGetIntegerValidAsync(), [1, -1, 3, 300]) },
        { "array.putIntegerValid", c => c.Arrays.ArrayPutIntegerValidAsync([1, -1, 3, 300]) },
        { "array.getIntInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetIntInvalidNullAsync()) },
        { "array.getIntInvalidString", c => Expect.Rejected(() => c.Arrays.ArrayGetIntInvalidStringAsync()) },
        { "array.getLongValid", c => Expect.Value(c.Arrays.ArrayGetLongValidAsync(), [1, -1, 3, 300]) },
        { "array.putLongValid", c => c.Arrays.ArrayPutLongValidAsync([1, -1, 3, 300]) },
        { "array.getLongInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetLongInvalidNullAsync()) },
        { "array.getLongInvalidString", c => Expect.Rejected(() => c.Arrays.ArrayGetLongInvalidStringAsync()) },
        { "array.getFloatValid", c => Expect.Value(c.Arrays.ArrayGetFloatValidAsync(), [0, -0.01f, -1.2e20f]) },
        { "array.putFloatValid", c => c.Arrays.ArrayPutFloatValidAsync([0, -0.01f, -1.2e20f]) },
        { "array.getFloatInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetFloatInvalidNullAsync()) },
        { "array.getFloatInvalidString", c => Expect.Rejected(() => c.Arrays.ArrayGetFloatInvalidStringAsync()) },
        { "array.getDoubleValid", c => Expect.Value(c.Arrays.ArrayGetDoubleValidAsync(), [0, -0.01, -1.2e20]) },
        { "array.putDoubleValid", c => c.Arrays.ArrayPutDoubleValidAsync([0, -0.01, -1.2e20]) },
        { "array.getDoubleInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetDoubleInvalidNullAsync()) },
        { "array.getDoubleInvalidString", c => Expect.Rejected(() => c.Arrays.ArrayGetDoubleInvalidStringAsync()) },
        { "array.getStringValid", c => Expect.Value(c.Arrays.ArrayGetStringValidAsync(), ["foo1", "foo2", "foo3"]) },
        { "array.putStringValid", c => c.Arrays.ArrayPutStringValidAsync(["foo1", "foo2", "foo3"]) },
        { "array.getEnumValid", async c => Assert.Equal(["foo1", "foo2", "foo3"], (await c.Arrays.ArrayGetEnumValidAsync()).Select(item => item.ToString())) },
        { "array.putEnumValid", c => c.Arrays.ArrayPutEnumValidAsync([ArrayGetEnumValidResponseItem.Foo1, ArrayGetEnumValidResponseItem.Foo2, ArrayGetEnumValidResponseItem.Foo3]) },
        { "array.getStringEnumValid", async c => Assert.Equal(["foo1", "foo2", "foo3"], (await c.Arrays.ArrayGetStringEnumValidAsync()).Select(item => item.ToString())) },
        { "array.putStringEnumValid", c => c.Arrays.ArrayPutStringEnumValidAsync([ArrayGetEnumValidResponseItem.Foo1, ArrayGetEnumValidResponseItem.Foo2, ArrayGetEnumValidResponseItem.Foo3]) },
        { "array.getStringWithNull", c => Expect.Value(c.Arrays.ArrayGetStringWithNullAsync(), ["foo", null, "foo2"]) },
        // A number where a string is declared is kept as its JSON text: real APIs do this (Tradovate's cid, see README "Conformance").
        { "array.getStringWithInvalid", c => Expect.Value(c.Arrays.ArrayGetStringWithInvalidAsync(), ["foo", "123", "foo2"]) },
        { "array.getUuidValid", c => Expect.Value(c.Arrays.ArrayGetUuidValidAsync(), [.. Uuids]) },
        { "array.putUuidValid", c => c.Arrays.ArrayPutUuidValidAsync([.. Uuids]) },
        { "array.getUuidInvalidChars", c => Expect.Rejected(() => c.Arrays.ArrayGetUuidInvalidCharsAsync()) },
        { "array.getDateValid", c => Expect.Value(c.Arrays.ArrayGetDateValidAsync(), [.. DateValues]) },
        { "array.putDateValid", c => c.Arrays.ArrayPutDateValidAsync([.. DateValues]) },
        { "array.getDateInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetDateInvalidNullAsync()) },
        { "array.getDateInvalidChars", c => Expect.Rejected(() => c.Arrays.ArrayGetDateInvalidCharsAsync()) },
        { "array.getDateTimeValid", c => Expect.Value(c.Arrays.ArrayGetDateTimeValidAsync(), [.. DateTimes]) },
        { "array.putDateTimeValid", c => c.Arrays.ArrayPutDateTimeValidAsync([.. DateTimesInUtc]) },
        { "array.getDateTimeInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetDateTimeInvalidNullAsync()) },
        { "array.getDateTimeInvalidChars", c => Expect.Rejected(() => c.Arrays.ArrayGetDateTimeInvalidCharsAsync()) },
        { "array.getDateTimeRfc1123Valid", c => Expect.Value(c.Arrays.ArrayGetDateTimeRfc1123ValidAsync(), [.. Rfc1123Values]) },
        { "array.putDateTimeRfc1123Valid", c => c.Arrays.ArrayPutDateTimeRfc1123ValidAsync([.. Rfc1123Values]) },
        { "array.getDurationValid", c => Expect.Value(c.Arrays.ArrayGetDurationValidAsync(), [.. Durations]) },
        { "array.putDurationValid", c => c.Arrays.ArrayPutDurationValidAsync([.. Durations]) },
        { "array.getByteValid", c => Expect.Value(c.Arrays.ArrayGetByteValidAsync(), [.. ByteValues]) },
        { "array.putByteValid", c => c.Arrays.ArrayPutByteValidAsync([.. ByteValues]) },
        { "array.getByteInvalidNull", c => Expect.Rejected(() => c.Arrays.ArrayGetByteInvalidNullAsync()) },
        { "array.getBase64Url", c => Expect.Value(c.Arrays.ArrayGetBase64UrlAsync(), [.. Base64UrlValues]) },
        { "array.getComplexNull", c => Expect.Rejected(() => c.Arrays.ArrayGetComplexNullAsync()) },
        { "array.getComplexEmpty", c => Expect.Value(c.Arrays.ArrayGetComplexEmptyAsync(), []) },
        { "array.getComplexItemNull", c => Expect.Rejected(() => c.Arrays.ArrayGetComplexItemNullAsync()) },
        { "array.getComplexItemEmpty", async c => Assert.Equal([1, null, 5], (await c.Arrays.ArrayGetComplexItemEmptyAsync()).Select(product => product.Integer)) },
        { "array.getComplexValid", async c => Assert.Equal(["2", "4", "6"], (await c.Arrays.ArrayGetComplexValidAsync()).Select(product => product.String)) },
        { "array.putComplexValid", c => c.Arrays.ArrayPutComplexValidAsync([new() { Integer = 1, String = "2" }, new() { Integer = 3, String = "4" }, new() { Integer = 5, String = "6" }]) },
        { "array.getArrayNull", c => Expect.Rejected(() => c.Arrays.ArrayGetArrayNullAsync()) },
        { "array.getArrayEmpty", c => Expect.Value(c.Arrays.ArrayGetArrayEmptyAsync(), []) },
        { "array.getArrayItemNull", c => Expect.Value(c.Arrays.ArrayGetArrayItemNullAsync(), [["1", "2", "3"], null, ["7", "8", "9"]]) },
        { "array.getArrayItemEmpty", c => Expect.Value(c.Arrays.ArrayGetArrayItemEmptyAsync(), [["1", "2", "3"], [], ["7", "8", "9"]]) },
        { "array.getArrayValid", c => Expect.Value(c.Arrays.ArrayGetArrayValidAsync(), [.. Nested.Select(items => items.ToList())]) },
        { "array.putArrayValid", c => c.Arrays.ArrayPutArrayValidAsync([.. Nested.Select(items => items.ToList())]) },
        { "array.getDictionaryNull", c => Expect.Rejected(() => c.Arrays.ArrayGetDictionaryNullAsync()) },
        { "array.getDictionaryEmpty", c => Expect.Value(c.Arrays.ArrayGetDictionaryEmptyAsync(), []) },
        { "array.getDictionaryItemNull", c => Expect.Value(c.Arrays.ArrayGetDictionaryItemNullAsync(), [Maps[0], null, Maps[2]]) },
        { "array.getDictionaryItemEmpty", c => Expect.Value(c.Arrays.ArrayGetDictionaryItemEmptyAsync(), [Maps[0], [], Maps[2]]) },
        { "array.getDictionaryValid", c => Expect.Value(c.Arrays.ArrayGetDictionaryValidAsync(), [.. Maps]) },
        { "array.putDictionaryValid", c => c.Arrays.ArrayPutDictionaryValidAsync([.. Maps]) },

        // body-dictionary
        { "dictionary.getNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetNullAsync()) },
        { "dictionary.getEmpty", c => Expect.Value(c.Dictionaries.DictionaryGetEmptyAsync(), []) },
        { "dictionary.putEmpty", c => c.Dictionaries.DictionaryPutEmptyAsync([]) },
        { "dictionary.getNullValue", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetNullValueAsync()) },
        { "dictionary.getNullKey", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetNullKeyAsync()) },
        { "dictionary.getEmptyStringKey", c => Expect.Value(c.Dictionaries.DictionaryGetEmptyStringKeyAsync(), new Dictionary<string, string> { [""] = "val1" }) },
        { "dictionary.getInvalid", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetInvalidAsync()) },
        { "dictionary.getBooleanTfft", c => Expect.Value(c.Dictionaries.DictionaryGetBooleanTfftAsync(), Indexed(true, false, false, true)) },
        { "dictionary.putBooleanTfft", c => c.Dictionaries.DictionaryPutBooleanTfftAsync(Indexed(true, false, false, true)) },
        { "dictionary.getBooleanInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetBooleanInvalidNullAsync()) },
        { "dictionary.getBooleanInvalidString", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetBooleanInvalidStringAsync()) },
        { "dictionary.getIntegerValid", c => Expect.Value(c.Dictionaries.DictionaryGetIntegerValidAsync(), Indexed(1L, -1, 3, 300)) },
        { "dictionary.putIntegerValid", c => c.Dictionaries.DictionaryPutIntegerValidAsync(Indexed(1L, -1, 3, 300)) },
        { "dictionary.getIntInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetIntInvalidNullAsync()) },
        { "dictionary.getIntInvalidString", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetIntInvalidStringAsync()) },
        { "dictionary.getLongValid", c => Expect.Value(c.Dictionaries.DictionaryGetLongValidAsync(), Indexed(1L, -1, 3, 300)) },
        { "dictionary.putLongValid", c => c.Dictionaries.DictionaryPutLongValidAsync(Indexed(1L, -1, 3, 300)) },
        { "dictionary.getLongInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetLongInvalidNullAsync()) },
        { "dictionary.getLongInvalidString", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetLongInvalidStringAsync()) },
        { "dictionary.getFloatValid", c => Expect.Value(c.Dictionaries.DictionaryGetFloatValidAsync(), Indexed(0f, -0.01f, -1.2e20f)) },
        { "dictionary.putFloatValid", c => c.Dictionaries.DictionaryPutFloatValidAsync(Indexed(0f, -0.01f, -1.2e20f)) },
        { "dictionary.getFloatInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetFloatInvalidNullAsync()) },
        { "dictionary.getFloatInvalidString", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetFloatInvalidStringAsync()) },
        { "dictionary.getDoubleValid", c => Expect.Value(c.Dictionaries.DictionaryGetDoubleValidAsync(), Indexed(0, -0.01, -1.2e20)) },
        { "dictionary.putDoubleValid", c => c.Dictionaries.DictionaryPutDoubleValidAsync(Indexed(0, -0.01, -1.2e20)) },
        { "dictionary.getDoubleInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDoubleInvalidNullAsync()) },
        { "dictionary.getDoubleInvalidString", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDoubleInvalidStringAsync()) },
        { "dictionary.getStringValid", c => Expect.Value(c.Dictionaries.DictionaryGetStringValidAsync(), Indexed("foo1", "foo2", "foo3")) },
        { "dictionary.putStringValid", c => c.Dictionaries.DictionaryPutStringValidAsync(Indexed("foo1", "foo2", "foo3")) },
        { "dictionary.getStringWithNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetStringWithNullAsync()) },
        { "dictionary.getStringWithInvalid", c => Expect.Value(c.Dictionaries.DictionaryGetStringWithInvalidAsync(), Indexed("foo", "123", "foo2")) },
        { "dictionary.getDateValid", c => Expect.Value(c.Dictionaries.DictionaryGetDateValidAsync(), Indexed(DateValues)) },
        { "dictionary.putDateValid", c => c.Dictionaries.DictionaryPutDateValidAsync(Indexed(DateValues)) },
        { "dictionary.getDateInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDateInvalidNullAsync()) },
        { "dictionary.getDateInvalidChars", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDateInvalidCharsAsync()) },
        { "dictionary.getDateTimeValid", c => Expect.Value(c.Dictionaries.DictionaryGetDateTimeValidAsync(), Indexed(DateTimes)) },
        { "dictionary.putDateTimeValid", c => c.Dictionaries.DictionaryPutDateTimeValidAsync(Indexed(DateTimes.Select(value => value.ToUniversalTime()))) },
        { "dictionary.getDateTimeInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDateTimeInvalidNullAsync()) },
        { "dictionary.getDateTimeInvalidChars", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDateTimeInvalidCharsAsync()) },
        { "dictionary.getDateTimeRfc1123Valid", c => Expect.Value(c.Dictionaries.DictionaryGetDateTimeRfc1123ValidAsync(), Indexed(Rfc1123Values)) },
        { "dictionary.putDateTimeRfc1123Valid", c => c.Dictionaries.DictionaryPutDateTimeRfc1123ValidAsync(Indexed(Rfc1123Values)) },
        { "dictionary.getDurationValid", c => Expect.Value(c.Dictionaries.DictionaryGetDurationValidAsync(), Indexed(Durations)) },
        { "dictionary.putDurationValid", c => c.Dictionaries.DictionaryPutDurationValidAsync(Indexed(Durations)) },
        { "dictionary.getByteValid", c => Expect.Value(c.Dictionaries.DictionaryGetByteValidAsync(), Indexed(ByteValues)) },
        { "dictionary.putByteValid", c => c.Dictionaries.DictionaryPutByteValidAsync(Indexed(ByteValues)) },
        { "dictionary.getByteInvalidNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetByteInvalidNullAsync()) },
        { "dictionary.getBase64Url", c => Expect.Value(c.Dictionaries.DictionaryGetBase64UrlAsync(), Indexed(Base64UrlValues)) },
        { "dictionary.getComplexNull", c => Expect.Value(c.Dictionaries.DictionaryGetComplexNullAsync(), null) },
        { "dictionary.getComplexEmpty", c => Expect.Value(c.Dictionaries.DictionaryGetComplexEmptyAsync(), []) },
        { "dictionary.getComplexItemNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetComplexItemNullAsync()) },
        { "dictionary.getComplexItemEmpty", async c => Assert.Equal([1, null, 5], (await c.Dictionaries.DictionaryGetComplexItemEmptyAsync()).Values.Select(widget => widget.Integer)) },
        { "dictionary.getComplexValid", async c => Assert.Equal(["2", "4", "6"], (await c.Dictionaries.DictionaryGetComplexValidAsync()).Values.Select(widget => widget.String)) },
        { "dictionary.putComplexValid", c => c.Dictionaries.DictionaryPutComplexValidAsync(Indexed(new Widget { Integer = 1, String = "2" }, new Widget { Integer = 3, String = "4" }, new Widget { Integer = 5, String = "6" })) },
        { "dictionary.getArrayNull", c => Expect.Value(c.Dictionaries.DictionaryGetArrayNullAsync(), null) },
        { "dictionary.getArrayEmpty", c => Expect.Value(c.Dictionaries.DictionaryGetArrayEmptyAsync(), []) },
        { "dictionary.getArrayItemNull", c => Expect.Value(c.Dictionaries.DictionaryGetArrayItemNullAsync(), Indexed<List<string>?>(["1", "2", "3"], null, ["7", "8", "9"])) },
        { "dictionary.getArrayItemEmpty", c => Expect.Value(c.Dictionaries.DictionaryGetArrayItemEmptyAsync(), Indexed<List<string>>(["1", "2", "3"], [], ["7", "8", "9"])) },
        { "dictionary.getArrayValid", c => Expect.Value(c.Dictionaries.DictionaryGetArrayValidAsync(), Indexed(Nested.Select(items => items.ToList()))) },
        { "dictionary.putArrayValid", c => c.Dictionaries.DictionaryPutArrayValidAsync(Indexed(Nested.Select(items => items.ToList()))) },
        { "dictionary.getDictionaryNull", c => Expect.Rejected(() => c.Dictionaries.DictionaryGetDictionaryNullAsync()) },
        { "dictionary.getDictionaryEmpty", c => Expect.Value(c.Dictionaries.DictionaryGetDictionaryEmptyAsync(), []) },
        { "dictionary.getDictionaryItemNull", c => Expect.Value(c.Dictionaries.DictionaryGetDictionaryItemNullAsync(), Indexed<Dictionary<string, string>?>(Maps[0], null, Maps[2])) },
        { "dictionary.getDictionaryItemEmpty", c => Expect.Value(c.Dictionaries.DictionaryGetDictionaryItemEmptyAsync(), Indexed<Dictionary<string, string>>(Maps[0], [], Maps[2])) },
        { "dictionary.getDictionaryValid", c => Expect.Value(c.Dictionaries.DictionaryGetDictionaryValidAsync(), Indexed(Maps)) },
        { "dictionary.putDictionaryValid", c => c.Dictionaries.DictionaryPutDictionaryValidAsync(Indexed(Maps)) },
    };
}
