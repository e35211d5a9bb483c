namespace Apiforge.Conformance.Tests;

public static partial class Scenarios
{
    /// <summary>"Fri, 31 Dec 9999 23:59:59 GMT" (the server also sends it all lower and all upper case).</summary>
    private static readonly DateTimeOffset Rfc1123Max = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

    private static readonly DateTimeOffset MaxUtc = new(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

    private static readonly DateTimeOffset MaxPlus14 = new(9999, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(14));

    private static ScenarioTable Dates() => new()
    {
        // body-date
        { "date.getNull", c => Expect.Value(c.Dates.DateGetNullAsync(), null) },
        { "date.getInvalid", c => Expect.Rejected(() => c.Dates.DateGetInvalidDateAsync()) },
        { "date.getOverflow", c => Expect.Rejected(() => c.Dates.DateGetOverflowDateAsync()) },
        { "date.getUnderflow", c => Expect.Rejected(() => c.Dates.DateGetUnderflowDateAsync()) },
        { "date.getMax", c => Expect.Value(c.Dates.DateGetMaxDateAsync(), new DateOnly(9999, 12, 31)) },
        { "date.putMax", c => c.Dates.DatePutMaxDateAsync(new DateOnly(9999, 12, 31)) },
        // The document's constant is "0000-01-01" (not a date DateOnly or RFC 3339's full-date can hold); the server
        // answers 0001-01-01, kept by the extensible enum as an unknown value.
        { "date.getMin", async c => Assert.Equal("0001-01-01", (await c.Dates.DateGetMinDateAsync()).ToString()) },
        { "date.putMin", c => c.Dates.DatePutMinDateAsync(new DateOnly(1, 1, 1)) },

        // body-datetime
        { "datetime.getNull", c => Expect.Value(c.DateTimes.DatetimeGetNullAsync(), null) },
        { "datetime.getInvalid", c => Expect.Rejected(() => c.DateTimes.DatetimeGetInvalidAsync()) },
        { "datetime.getOverflow", c => Expect.Rejected(() => c.DateTimes.DatetimeGetOverflowAsync()) },
        { "datetime.getUnderflow", c => Expect.Rejected(() => c.DateTimes.DatetimeGetUnderflowAsync()) },
        { "datetime.putUtcMax", c => c.DateTimes.DatetimePutUtcMaxDateTimeAsync(MaxUtc) },
        { "datetime.putUtcMax7Digits", c => c.DateTimes.DatetimePutUtcMaxDateTime7DigitsAsync(DateTimeOffset.MaxValue) },
        { "datetime.getUtcLowercaseMax", c => Expect.Value(c.DateTimes.DatetimeGetUtcLowercaseMaxDateTimeAsync(), MaxUtc) },
        { "datetime.getUtcUppercaseMax", c => Expect.Value(c.DateTimes.DatetimeGetUtcUppercaseMaxDateTimeAsync(), MaxUtc) },
        { "datetime.getUtcUppercaseMax7Digits", c => Expect.Value(c.DateTimes.DatetimeGetUtcUppercaseMaxDateTime7DigitsAsync(), DateTimeOffset.MaxValue) },
        { "datetime.putLocalPositiveOffsetMax", c => c.DateTimes.DatetimePutLocalPositiveOffsetMaxDateTimeAsync(MaxPlus14) },
        { "datetime.getLocalPositiveOffsetLowercaseMax", c => Expect.Value(c.DateTimes.DatetimeGetLocalPositiveOffsetLowercaseMaxDateTimeAsync(), MaxPlus14) },
        { "datetime.getLocalPositiveOffsetUppercaseMax", c => Expect.Value(c.DateTimes.DatetimeGetLocalPositiveOffsetUppercaseMaxDateTimeAsync(), MaxPlus14) },
        // 9999-12-31T23:59:59.999-14:00 is past DateTimeOffset.MaxValue in UTC: the put and the reads cannot hold it.
        { "datetime.getLocalNegativeOffsetUppercaseMax", c => Expect.Rejected(() => c.DateTimes.DatetimeGetLocalNegativeOffsetUppercaseMaxDateTimeAsync()) },
        { "datetime.getLocalNegativeOffsetLowercaseMax", c => Expect.Rejected(() => c.DateTimes.DatetimeGetLocalNegativeOffsetLowercaseMaxDateTimeAsync()) },
        { "datetime.getUtcMin", async c => Assert.Equal("0001-01-01T00:00:00Z", (await c.DateTimes.DatetimeGetUtcMinDateTimeAsync()).ToString()) },
        { "datetime.putUtcMin", c => c.DateTimes.DatetimePutUtcMinDateTimeAsync(DateTimeOffset.MinValue) },
        { "datetime.getLocalPositiveOffsetMin", async c => Assert.Equal("0001-01-01T00:00:00+14:00", (await c.DateTimes.DatetimeGetLocalPositiveOffsetMinDateTimeAsync()).ToString()) },
        { "datetime.getLocalNegativeOffsetMin", async c => Assert.Equal("0001-01-01T00:00:00-14:00", (await c.DateTimes.DatetimeGetLocalNegativeOffsetMinDateTimeAsync()).ToString()) },
        { "datetime.putLocalNegativeOffsetMin", c => c.DateTimes.DatetimePutLocalNegativeOffsetMinDateTimeAsync(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14))) },
        { "datetime.getLocalNoOffsetMin", c => Expect.Value(c.DateTimes.DatetimeGetLocalNoOffsetMinDateTimeAsync(), DateTimeOffset.MinValue) },

        // body-datetime-rfc1123
        { "rfc1123.getNull", c => Expect.Value(c.Rfc1123.Datetimerfc1123GetNullAsync(), null) },
        { "rfc1123.getInvalid", c => Expect.Rejected(() => c.Rfc1123.Datetimerfc1123GetInvalidAsync()) },
        { "rfc1123.getOverflow", c => Expect.Rejected(() => c.Rfc1123.Datetimerfc1123GetOverflowAsync()) },
        { "rfc1123.getUnderflow", c => Expect.Rejected(() => c.Rfc1123.Datetimerfc1123GetUnderflowAsync()) },
        { "rfc1123.putUtcMax", c => c.Rfc1123.Datetimerfc1123PutUtcMaxDateTimeAsync(Rfc1123Max) },
        { "rfc1123.getUtcLowercaseMax", c => Expect.Value(c.Rfc1123.Datetimerfc1123GetUtcLowercaseMaxDateTimeAsync(), Rfc1123Max) },
        { "rfc1123.getUtcUppercaseMax", c => Expect.Value(c.Rfc1123.Datetimerfc1123GetUtcUppercaseMaxDateTimeAsync(), Rfc1123Max) },
        { "rfc1123.getUtcMin", async c => Assert.Equal("Mon, 01 Jan 0001 00:00:00 GMT", (await c.Rfc1123.Datetimerfc1123GetUtcMinDateTimeAsync()).ToString()) },
        { "rfc1123.putUtcMin", c => c.Rfc1123.Datetimerfc1123PutUtcMinDateTimeAsync(DateTimeOffset.MinValue) },
    };
}
