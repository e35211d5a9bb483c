namespace Apiforge.Conformance.Tests;

public static partial class Scenarios
{
    /// <summary>1460505600 on the wire (whole seconds since 1970).</summary>
    private static readonly DateTimeOffset UnixTimeValue = new(2016, 4, 13, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] NonAscii = [0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6];

    private const string Mbcs = "\u554A\u9F44\u4E02\u72DB\u72DC\uF9F1\uF92C\uF9F1\uFA0C\uFA29\u02CA\u301E\u3021\uFFE4\u2121\u3231\u2010\u30FC\uFE61\uFE62\uFE6B\u3001\u3013\u2170\u2179\u2488\u20AC\u3220\u3229\u2160\u216B\uFF01\uFFE3\u3041\u3093\u30A1\u30F6\u0391\uFE34\u0410\u042F\u0430\u044F\u0101\u0261\u3105\u3129\u2500\u254B\uFE35\uFE44\uFE3B\uFE31\uFE33\uFE34\u2170\u2179\u0251\uE7C7\u0261\u3007\u303E\u2FFB\u2E81\uE843\u4723\uE864\u20AC";

    private const string Whitespace = "    Now is the time for all good men to come to the aid of their country    ";

    private static ScenarioTable Primitives() => new()
    {
        // body-string
        { "string.getNull", c => Expect.Value(c.Strings.StringGetNullAsync(), null) },
        { "string.putNull", c => c.Strings.StringPutNullAsync(null) },
        { "string.getEmpty", async c => Assert.Equal("", (await c.Strings.StringGetEmptyAsync()).ToString()) },
        { "string.putEmpty", c => c.Strings.StringPutEmptyAsync(new AutoRest.BodyString.StringGetEmptyResponse("")) },
        { "string.getMbcs", async c => Assert.Equal(Mbcs, (await c.Strings.StringGetMbcsAsync()).ToString()) },
        { "string.putMbcs", c => c.Strings.StringPutMbcsAsync(new AutoRest.BodyString.StringGetMbcsResponse(Mbcs)) },
        { "string.getWhitespace", async c => Assert.Equal(Whitespace, (await c.Strings.StringGetWhitespaceAsync()).ToString()) },
        { "string.putWhitespace", c => c.Strings.StringPutWhitespaceAsync(new AutoRest.BodyString.StringGetWhitespaceResponse(Whitespace)) },
        { "string.getNotProvided", c => Expect.Rejected(() => c.Strings.StringGetNotProvidedAsync()) },
        { "string.getBase64Encoded", c => Expect.Value(c.Strings.StringGetBase64EncodedAsync(), "a string that gets encoded with base64"u8.ToArray()) },
        { "string.getBase64UrlEncoded", c => Expect.Value(c.Strings.StringGetBase64UrlEncodedAsync(), "a string that gets encoded with base64url"u8.ToArray()) },
        { "string.putBase64UrlEncoded", c => c.Strings.StringPutBase64UrlEncodedAsync("a string that gets encoded with base64url"u8.ToArray()) },
        { "string.getNullBase64UrlEncoded", c => Expect.Value(c.Strings.StringGetNullBase64UrlEncodedAsync(), null) },
        { "enum.getNotExpandable", async c => Assert.Equal("red color", (await c.Strings.EnumGetNotExpandableAsync()).ToString()) },
        { "enum.putNotExpandable", c => c.Strings.EnumPutNotExpandableAsync(new AutoRest.BodyString.EnumGetNotExpandableResponse("red color")) },
        { "enum.getReferenced", async c => Assert.Equal("red color", (await c.Strings.EnumGetReferencedAsync()).ToString()) },
        { "enum.putReferenced", c => c.Strings.EnumPutReferencedAsync(new AutoRest.BodyString.RefColors("red color")) },
        { "enum.getReferencedConstant", async c => Assert.Equal("Sample String", (await c.Strings.EnumGetReferencedConstantAsync()).Field1) },
        { "enum.putReferencedConstant", c => c.Strings.EnumPutReferencedConstantAsync(new AutoRest.BodyString.RefColorConstant { ColorConstant = new AutoRest.BodyString.RefColorConstantColorConstant("green-color") }) },

        // body-integer
        { "int.getNull", c => Expect.Value(c.Integers.IntGetNullAsync(), null) },
        { "int.getInvalid", c => Expect.Rejected(() => c.Integers.IntGetInvalidAsync()) },
        { "int.getOverflowInt32", c => Expect.Rejected(() => c.Integers.IntGetOverflowInt32Async()) },
        { "int.getUnderflowInt32", c => Expect.Rejected(() => c.Integers.IntGetUnderflowInt32Async()) },
        { "int.getOverflowInt64", c => Expect.Rejected(() => c.Integers.IntGetOverflowInt64Async()) },
        { "int.getUnderflowInt64", c => Expect.Rejected(() => c.Integers.IntGetUnderflowInt64Async()) },
        { "int.putMax32", c => c.Integers.IntPutMax32Async(int.MaxValue) },
        { "int.putMax64", c => c.Integers.IntPutMax64Async(long.MaxValue) },
        { "int.putMin32", c => c.Integers.IntPutMin32Async(int.MinValue) },
        { "int.putMin64", c => c.Integers.IntPutMin64Async(long.MinValue) },
        { "int.getUnixTime", c => Expect.Value(c.Integers.IntGetUnixTimeAsync(), UnixTimeValue) },
        { "int.putUnixTimeDate", c => c.Integers.IntPutUnixTimeDateAsync(UnixTimeValue) },
        { "int.getInvalidUnixTime", c => Expect.Rejected(() => c.Integers.IntGetInvalidUnixTimeAsync()) },
        { "int.getNullUnixTime", c => Expect.Value(c.Integers.IntGetNullUnixTimeAsync(), null) },

        // body-number
        { "number.getNull", c => Expect.Value(c.Numbers.NumberGetNullAsync(), null) },
        { "number.getInvalidFloat", c => Expect.Rejected(() => c.Numbers.NumberGetInvalidFloatAsync()) },
        { "number.getInvalidDouble", c => Expect.Rejected(() => c.Numbers.NumberGetInvalidDoubleAsync()) },
        { "number.getInvalidDecimal", c => Expect.Rejected(() => c.Numbers.NumberGetInvalidDecimalAsync()) },
        { "number.getBigFloat", c => Expect.Value(c.Numbers.NumberGetBigFloatAsync(), 3.402823e+20f) },
        { "number.putBigFloat", c => c.Numbers.NumberPutBigFloatAsync(3.402823e+20f) },
        { "number.getBigDouble", c => Expect.Value(c.Numbers.NumberGetBigDoubleAsync(), 2.5976931e+101) },
        { "number.putBigDouble", c => c.Numbers.NumberPutBigDoubleAsync(2.5976931e+101) },
        { "number.getBigDoublePositiveDecimal", c => Expect.Value(c.Numbers.NumberGetBigDoublePositiveDecimalAsync(), 99999999.99) },
        { "number.putBigDoublePositiveDecimal", c => c.Numbers.NumberPutBigDoublePositiveDecimalAsync(99999999.99) },
        { "number.getBigDoubleNegativeDecimal", c => Expect.Value(c.Numbers.NumberGetBigDoubleNegativeDecimalAsync(), -99999999.99) },
        { "number.putBigDoubleNegativeDecimal", c => c.Numbers.NumberPutBigDoubleNegativeDecimalAsync(-99999999.99) },
        // 2.5976931e+101 is beyond decimal (±7.9e28): the read must fail rather than invent a value; the put cannot be written.
        { "number.getBigDecimal", c => Expect.Rejected(() => c.Numbers.NumberGetBigDecimalAsync()) },
        { "number.getBigDecimalPositiveDecimal", c => Expect.Value(c.Numbers.NumberGetBigDecimalPositiveDecimalAsync(), 99999999.99m) },
        { "number.putBigDecimalPositiveDecimal", c => c.Numbers.NumberPutBigDecimalPositiveDecimalAsync(99999999.99m) },
        { "number.getBigDecimalNegativeDecimal", c => Expect.Value(c.Numbers.NumberGetBigDecimalNegativeDecimalAsync(), -99999999.99m) },
        { "number.putBigDecimalNegativeDecimal", c => c.Numbers.NumberPutBigDecimalNegativeDecimalAsync(-99999999.99m) },
        { "number.getSmallFloat", c => Expect.Value(c.Numbers.NumberGetSmallFloatAsync(), 3.402823e-20) },
        { "number.putSmallFloat", c => c.Numbers.NumberPutSmallFloatAsync(3.402823e-20f) },
        { "number.getSmallDouble", c => Expect.Value(c.Numbers.NumberGetSmallDoubleAsync(), 2.5976931e-101) },
        { "number.putSmallDouble", c => c.Numbers.NumberPutSmallDoubleAsync(2.5976931e-101) },

        // body-boolean
        { "bool.getTrue", c => Expect.Value(c.Booleans.BoolGetTrueAsync(), true) },
        { "bool.putTrue", c => c.Booleans.BoolPutTrueAsync(true) },
        { "bool.getFalse", c => Expect.Value(c.Booleans.BoolGetFalseAsync(), false) },
        { "bool.putFalse", c => c.Booleans.BoolPutFalseAsync(false) },
        { "bool.getNull", c => Expect.Value(c.Booleans.BoolGetNullAsync(), null) },
        { "bool.getInvalid", c => Expect.Rejected(() => c.Booleans.BoolGetInvalidAsync()) },

        // body-byte
        { "byte.getNull", c => Expect.Rejected(() => c.Bytes.ByteGetNullAsync()) },
        { "byte.getEmpty", c => Expect.Value(c.Bytes.ByteGetEmptyAsync(), []) },
        { "byte.getNonAscii", c => Expect.Value(c.Bytes.ByteGetNonAsciiAsync(), NonAscii) },
        { "byte.putNonAscii", c => c.Bytes.BytePutNonAsciiAsync(NonAscii) },
        { "byte.getInvalid", c => Expect.Rejected(() => c.Bytes.ByteGetInvalidAsync()) },

        // body-duration
        { "duration.getNull", c => Expect.Value(c.Durations.DurationGetNullAsync(), null) },
        { "duration.getPositive", c => Expect.Value(c.Durations.DurationGetPositiveDurationAsync(), new TimeSpan((3 * 365) + (6 * 30) + 4, 12, 30, 5)) },
        { "duration.putPositive", c => c.Durations.DurationPutPositiveDurationAsync(new TimeSpan(123, 22, 14, 12, 11)) },
        { "duration.getInvalid", c => Expect.Rejected(() => c.Durations.DurationGetInvalidAsync()) },
    };
}
