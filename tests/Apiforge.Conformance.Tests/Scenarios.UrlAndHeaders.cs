using System.Text;
using AutoRest.Header;
using AutoRest.Url;

namespace Apiforge.Conformance.Tests;

public static partial class Scenarios
{
    private const string UrlEncoded = "begin!*'();:@ &=+$,/?#[]end";

    private static readonly List<string> CsvValues = ["ArrayQuery1", UrlEncoded, null!, ""];

    private const string Unicode = "\u554A\u9F44\u4E02\u72DB\u72DC\uF9F1\uF92C\uF9F1\uFA0C\uFA29";

    private static readonly byte[] MultiByte = Encoding.UTF8.GetBytes(Unicode);

    /// <summary>Calls a header operation and returns the response header "value".</summary>
    private static async Task ResponseHeader(Func<Task<Apiforge.Runtime.ApiResult>> call, string expected, string name = "value")
    {
        var result = await call();
        Assert.Equal(expected, result.Header(name));
    }

    private static ScenarioTable UrlAndHeaders() => new()
    {
        // url: paths
        { "paths.boolTrue", c => c.Url.PathsGetBooleanTrueAsync(true) },
        { "paths.boolFalse", c => c.Url.PathsGetBooleanFalseAsync(false) },
        { "paths.intOneMillion", c => c.Url.PathsGetIntOneMillionAsync((PathsGetIntOneMillionIntPath)1000000) },
        { "paths.intNegativeOneMillion", c => c.Url.PathsGetIntNegativeOneMillionAsync((PathsGetIntNegativeOneMillionIntPath)(-1000000)) },
        { "paths.tenBillion", c => c.Url.PathsGetTenBillionAsync((PathsGetTenBillionLongPath)10000000000) },
        { "paths.negativeTenBillion", c => c.Url.PathsGetNegativeTenBillionAsync((PathsGetNegativeTenBillionLongPath)(-10000000000)) },
        { "paths.floatScientificPositive", c => c.Url.PathsFloatScientificPositiveAsync(1.034E+20) },
        { "paths.floatScientificNegative", c => c.Url.PathsFloatScientificNegativeAsync(-1.034E-20) },
        { "paths.doubleDecimalPositive", c => c.Url.PathsDoubleDecimalPositiveAsync(9999999.999) },
        { "paths.doubleDecimalNegative", c => c.Url.PathsDoubleDecimalNegativeAsync(-9999999.999) },
        { "paths.stringUnicode", c => c.Url.PathsStringUnicodeAsync(new PathsStringUnicodeStringPath(Unicode)) },
        { "paths.stringUrlEncoded", c => c.Url.PathsStringUrlEncodedAsync(PathsStringUrlEncodedStringPath.BeginEnd) },
        { "paths.stringUrlNonEncoded", c => c.Url.PathsStringUrlNonEncodedAsync(PathsStringUrlNonEncodedStringPath.BeginEnd) },
        { "paths.stringEmpty", c => c.Url.PathsStringEmptyAsync(PathsStringEmptyStringPath.Empty) },
        { "paths.stringNull", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.Url.PathsStringNullAsync(null!)) },
        { "paths.enumValid", c => c.Url.PathsEnumValidAsync(PathsEnumValidEnumPath.GreenColor) },
        { "paths.byteMultiByte", c => c.Url.PathsByteMultiByteAsync(MultiByte) },
        { "paths.byteEmpty", c => c.Url.PathsByteEmptyAsync(PathsStringEmptyStringPath.Empty) },
        { "paths.byteNull", c => Assert.ThrowsAsync<ArgumentNullException>(() => c.Url.PathsByteNullAsync(null!)) },
        { "paths.dateValid", c => c.Url.PathsDateValidAsync(PathsDateValidDatePath._20120101) },
        { "paths.dateTimeValid", c => c.Url.PathsDateTimeValidAsync(PathsDateTimeValidDateTimePath._20120101T010101Z) },
        { "paths.base64Url", c => c.Url.PathsBase64UrlAsync("lorem"u8.ToArray()) },
        { "paths.arrayCsvInPath", c => c.Url.PathsArrayCsvInPathAsync(["ArrayPath1", UrlEncoded, null!, ""]) },
        { "paths.unixTimeUrl", c => c.Url.PathsUnixTimeUrlAsync(new DateTimeOffset(2016, 4, 13, 0, 0, 0, TimeSpan.Zero)) },

        // url: queries
        { "queries.boolTrue", c => c.Url.QueriesGetBooleanTrueAsync(true) },
        { "queries.boolFalse", c => c.Url.QueriesGetBooleanFalseAsync(false) },
        { "queries.boolNull", c => c.Url.QueriesGetBooleanNullAsync(null) },
        { "queries.intOneMillion", c => c.Url.QueriesGetIntOneMillionAsync((PathsGetIntOneMillionIntPath)1000000) },
        { "queries.intNegativeOneMillion", c => c.Url.QueriesGetIntNegativeOneMillionAsync((PathsGetIntNegativeOneMillionIntPath)(-1000000)) },
        { "queries.intNull", c => c.Url.QueriesGetIntNullAsync(null) },
        { "queries.tenBillion", c => c.Url.QueriesGetTenBillionAsync((PathsGetTenBillionLongPath)10000000000) },
        { "queries.negativeTenBillion", c => c.Url.QueriesGetNegativeTenBillionAsync((PathsGetNegativeTenBillionLongPath)(-10000000000)) },
        { "queries.longNull", c => c.Url.QueriesGetLongNullAsync(null) },
        { "queries.floatScientificPositive", c => c.Url.QueriesFloatScientificPositiveAsync(1.034E+20) },
        { "queries.floatScientificNegative", c => c.Url.QueriesFloatScientificNegativeAsync(-1.034E-20) },
        { "queries.floatNull", c => c.Url.QueriesFloatNullAsync(null) },
        { "queries.doubleDecimalPositive", c => c.Url.QueriesDoubleDecimalPositiveAsync(9999999.999) },
        { "queries.doubleDecimalNegative", c => c.Url.QueriesDoubleDecimalNegativeAsync(-9999999.999) },
        { "queries.doubleNull", c => c.Url.QueriesDoubleNullAsync(null) },
        { "queries.stringUnicode", c => c.Url.QueriesStringUnicodeAsync(new PathsStringUnicodeStringPath(Unicode)) },
        { "queries.stringUrlEncoded", c => c.Url.QueriesStringUrlEncodedAsync(PathsStringUrlEncodedStringPath.BeginEnd) },
        { "queries.stringEmpty", c => c.Url.QueriesStringEmptyAsync(PathsStringEmptyStringPath.Empty) },
        { "queries.stringNull", c => c.Url.QueriesStringNullAsync(null) },
        { "queries.enumValid", c => c.Url.QueriesEnumValidAsync(PathsEnumValidEnumPath.GreenColor) },
        { "queries.enumNull", c => c.Url.QueriesEnumNullAsync(null) },
        { "queries.byteMultiByte", c => c.Url.QueriesByteMultiByteAsync(MultiByte) },
        { "queries.byteEmpty", c => c.Url.QueriesByteEmptyAsync(PathsStringEmptyStringPath.Empty) },
        { "queries.byteNull", c => c.Url.QueriesByteNullAsync(null) },
        { "queries.dateValid", c => c.Url.QueriesDateValidAsync(PathsDateValidDatePath._20120101) },
        { "queries.dateNull", c => c.Url.QueriesDateNullAsync(null) },
        { "queries.dateTimeValid", c => c.Url.QueriesDateTimeValidAsync(PathsDateTimeValidDateTimePath._20120101T010101Z) },
        { "queries.dateTimeNull", c => c.Url.QueriesDateTimeNullAsync(null) },
        { "queries.arrayCsvValid", c => c.Url.QueriesArrayStringCsvValidAsync(CsvValues) },
        { "queries.arrayCsvNull", c => c.Url.QueriesArrayStringCsvNullAsync(null) },
        { "queries.arrayCsvEmpty", c => c.Url.QueriesArrayStringCsvEmptyAsync([]) },
        { "queries.arrayNoCollectionFormat", c => c.Url.QueriesArrayStringNoCollectionFormatEmptyAsync(["hello", "nihao", "bonjour"]) },
        { "queries.arraySsvValid", c => c.Url.QueriesArrayStringSsvValidAsync(CsvValues) },
        { "queries.arrayTsvValid", c => c.Url.QueriesArrayStringTsvValidAsync(CsvValues) },
        { "queries.arrayPipesValid", c => c.Url.QueriesArrayStringPipesValidAsync(CsvValues) },
        { "pathItems.allWithValues", c => c.Url.PathItemsGetAllWithValuesAsync("pathItemStringPath", "globalStringPath", "localStringPath", "pathItemStringQuery", "globalStringQuery", "localStringQuery") },
        { "pathItems.globalQueryNull", c => c.Url.PathItemsGetGlobalQueryNullAsync("pathItemStringPath", "globalStringPath", "localStringPath", "pathItemStringQuery", null, "localStringQuery") },
        { "pathItems.globalAndLocalQueryNull", c => c.Url.PathItemsGetGlobalAndLocalQueryNullAsync("pathItemStringPath", "globalStringPath", "localStringPath", "pathItemStringQuery", null, null) },
        { "pathItems.localPathItemQueryNull", c => c.Url.PathItemsGetLocalPathItemQueryNullAsync("pathItemStringPath", "globalStringPath", "localStringPath", null, "globalStringQuery", null) },

        // url-multi-collectionFormat
        { "queries.arrayMultiNull", c => c.UrlMulti.QueriesArrayStringMultiNullAsync(null) },
        { "queries.arrayMultiEmpty", c => c.UrlMulti.QueriesArrayStringMultiEmptyAsync([]) },
        { "queries.arrayMultiValid", c => c.UrlMulti.QueriesArrayStringMultiValidAsync(["ArrayQuery1", UrlEncoded, null, ""]) },

        // header
        { "header.paramExistingKey", c => c.Headers.HeaderParamExistingKeyAsync("overwrite") },
        { "header.responseExistingKey", c => ResponseHeader(() => c.Headers.HeaderResponseExistingKeyWithResponseAsync(), "overwrite", "User-Agent") },
        { "header.responseProtectedKey", c => ResponseHeader(() => c.Headers.HeaderResponseProtectedKeyWithResponseAsync(), "text/html; charset=utf-8", "Content-Type") },
        { "header.paramIntegerPositive", c => c.Headers.HeaderParamIntegerAsync("positive", 1) },
        { "header.paramIntegerNegative", c => c.Headers.HeaderParamIntegerAsync("negative", -2) },
        { "header.responseIntegerPositive", c => ResponseHeader(() => c.Headers.HeaderResponseIntegerWithResponseAsync("positive"), "1") },
        { "header.responseIntegerNegative", c => ResponseHeader(() => c.Headers.HeaderResponseIntegerWithResponseAsync("negative"), "-2") },
        { "header.paramLongPositive", c => c.Headers.HeaderParamLongAsync("positive", 105) },
        { "header.paramLongNegative", c => c.Headers.HeaderParamLongAsync("negative", -2) },
        { "header.responseLongPositive", c => ResponseHeader(() => c.Headers.HeaderResponseLongWithResponseAsync("positive"), "105") },
        { "header.responseLongNegative", c => ResponseHeader(() => c.Headers.HeaderResponseLongWithResponseAsync("negative"), "-2") },
        { "header.paramFloatPositive", c => c.Headers.HeaderParamFloatAsync("positive", 0.07f) },
        { "header.paramFloatNegative", c => c.Headers.HeaderParamFloatAsync("negative", -3.0f) },
        { "header.responseFloatPositive", c => ResponseHeader(() => c.Headers.HeaderResponseFloatWithResponseAsync("positive"), "0.07") },
        { "header.responseFloatNegative", c => ResponseHeader(() => c.Headers.HeaderResponseFloatWithResponseAsync("negative"), "-3") },
        { "header.paramDoublePositive", c => c.Headers.HeaderParamDoubleAsync("positive", 7e120) },
        { "header.paramDoubleNegative", c => c.Headers.HeaderParamDoubleAsync("negative", -3.0) },
        { "header.responseDoublePositive", c => ResponseHeader(() => c.Headers.HeaderResponseDoubleWithResponseAsync("positive"), "7e+120") },
        { "header.responseDoubleNegative", c => ResponseHeader(() => c.Headers.HeaderResponseDoubleWithResponseAsync("negative"), "-3") },
        { "header.paramBoolTrue", c => c.Headers.HeaderParamBoolAsync("true", true) },
        { "header.paramBoolFalse", c => c.Headers.HeaderParamBoolAsync("false", false) },
        { "header.responseBoolTrue", c => ResponseHeader(() => c.Headers.HeaderResponseBoolWithResponseAsync("true"), "true") },
        { "header.responseBoolFalse", c => ResponseHeader(() => c.Headers.HeaderResponseBoolWithResponseAsync("false"), "false") },
        { "header.paramStringValid", c => c.Headers.HeaderParamStringAsync("valid", "The quick brown fox jumps over the lazy dog") },
        { "header.paramStringNull", c => c.Headers.HeaderParamStringAsync("null", null) },
        { "header.paramStringEmpty", c => c.Headers.HeaderParamStringAsync("empty", "") },
        { "header.responseStringValid", c => ResponseHeader(() => c.Headers.HeaderResponseStringWithResponseAsync("valid"), "The quick brown fox jumps over the lazy dog") },
        { "header.responseStringNull", c => ResponseHeader(() => c.Headers.HeaderResponseStringWithResponseAsync("null"), "null") },
        { "header.responseStringEmpty", c => ResponseHeader(() => c.Headers.HeaderResponseStringWithResponseAsync("empty"), "") },
        { "header.paramDateValid", c => c.Headers.HeaderParamDateAsync("valid", new DateOnly(2010, 1, 1)) },
        { "header.paramDateMin", c => c.Headers.HeaderParamDateAsync("min", new DateOnly(1, 1, 1)) },
        { "header.responseDateValid", c => ResponseHeader(() => c.Headers.HeaderResponseDateWithResponseAsync("valid"), "2010-01-01") },
        { "header.responseDateMin", c => ResponseHeader(() => c.Headers.HeaderResponseDateWithResponseAsync("min"), "0001-01-01") },
        { "header.paramDatetimeValid", c => c.Headers.HeaderParamDatetimeAsync("valid", new DateTimeOffset(2010, 1, 1, 12, 34, 56, TimeSpan.Zero)) },
        { "header.paramDatetimeMin", c => c.Headers.HeaderParamDatetimeAsync("min", DateTimeOffset.MinValue) },
        { "header.responseDatetimeValid", c => ResponseHeader(() => c.Headers.HeaderResponseDatetimeWithResponseAsync("valid"), "2010-01-01T12:34:56Z") },
        { "header.responseDatetimeMin", c => ResponseHeader(() => c.Headers.HeaderResponseDatetimeWithResponseAsync("min"), "0001-01-01T00:00:00Z") },
        { "header.paramDatetimeRfc1123Valid", c => c.Headers.HeaderParamDatetimeRfc1123Async("valid", new DateTimeOffset(2010, 1, 1, 12, 34, 56, TimeSpan.Zero)) },
        { "header.paramDatetimeRfc1123Min", c => c.Headers.HeaderParamDatetimeRfc1123Async("min", DateTimeOffset.MinValue) },
        { "header.responseDatetimeRfc1123Valid", c => ResponseHeader(() => c.Headers.HeaderResponseDatetimeRfc1123WithResponseAsync("valid"), "Fri, 01 Jan 2010 12:34:56 GMT") },
        { "header.responseDatetimeRfc1123Min", c => ResponseHeader(() => c.Headers.HeaderResponseDatetimeRfc1123WithResponseAsync("min"), "Mon, 01 Jan 0001 00:00:00 GMT") },
        { "header.paramDurationValid", c => c.Headers.HeaderParamDurationAsync("valid", new TimeSpan(123, 22, 14, 12, 11)) },
        { "header.responseDurationValid", c => ResponseHeader(() => c.Headers.HeaderResponseDurationWithResponseAsync("valid"), "P123DT22H14M12.011S") },
        { "header.paramByteValid", c => c.Headers.HeaderParamByteAsync("valid", MultiByte) },
        { "header.responseByteValid", c => ResponseHeader(() => c.Headers.HeaderResponseByteWithResponseAsync("valid"), Convert.ToBase64String(MultiByte)) },
        { "header.paramEnumValid", c => c.Headers.HeaderParamEnumAsync("valid", HeaderParamEnumValue.GREY) },
        { "header.paramEnumNull", c => c.Headers.HeaderParamEnumAsync("null", null) },
        { "header.responseEnumValid", c => ResponseHeader(() => c.Headers.HeaderResponseEnumWithResponseAsync("valid"), "GREY") },
        { "header.responseEnumNull", c => ResponseHeader(() => c.Headers.HeaderResponseEnumWithResponseAsync("null"), "") },
    };
}
