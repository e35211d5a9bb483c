using System.Text;

namespace Apiforge.Conformance.Tests;

/// <summary>
/// The server's /report covers every swagger of the package that is not azure/optional. The vanilla total here is
/// that report without the scenarios of the route files serving the other swaggers (found by the scenario name in
/// the package's legacy/routes and dist/test-routes sources), so it is exactly the scenarios of the 22 swaggers.
/// </summary>
public sealed class CoverageReport
{
    /// <summary>Report scenarios that belong to swaggers outside the 22 (route file: scenarios).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> OtherSwaggers = new Dictionary<string, string[]>
    {
        ["additional-properties"] = ["additionalPropertiesTrue", "additionalPropertiesSubclass", "additionalPropertiesTypeObject", "additionalPropertiesTypeString", "additionalPropertiesInProperties", "additionalPropertiesInPropertiesWithAPTypeString"],
        ["any-type"] = ["GetStringAsAnything", "PutStringAsAnything", "GetObjectAsAnything", "PutObjectAsAnything", "GetArrayAsAnything", "PutArrayAsAnything"],
        ["binary-files (body-binary)"] = ["BodyBinaryFile", "BodyBinaryOctet", "BodyBinaryError"],
        ["client-enum"] = ["ClientWithEnumParam"],
        ["constants"] = ["ConstantClientProperties"],
        ["error-with-secrets"] = ["ErrorWithSecrets", "RequestWithSecrets"],
        ["incorrect-error-response"] = ["verifyIncorrectErrorParsing"],
        ["media-types"] = ["MediaTypesAnalyzeBodyNoAcceptHeader", "MediaTypesTwoContentTypes", "MediaTypesThreeContentTypes", "MediaTypesThreeBodyTypes"],
        ["merge-patch-json"] = ["PassMergePatchObject"],
        ["parameterized-endpoint"] = ["GetParameterizedHostWithNameEndpoint"],
        ["reserved-words"] = ["reservedWordsOperationGroupImport", "reservedWordsBodyNamedContent", "reservedWordsBodyNamedJson", "reservedWordsBodyNamedData", "reservedWordsBodyNamedFiles", "reservedWordsUrlHeaderQuery", "reservedWordsHeaderEnum"],
        ["security"] = ["SecurityKey", "SecurityAad"],
        ["xml-service"] = ["XmlGetBytes", "XmlPutBytes", "XmlGetUrl", "XmlPutUrl"],
        ["customUri"] = ["CustomBaseUri", "CustomBaseUriMoreOptions"],
        ["model-flatten"] = ["getModelFlattenArray", "putModelFlattenArray", "getModelFlattenDictionary", "putModelFlattenDictionary", "getModelFlattenResourceCollection", "putModelFlattenResourceCollection", "putModelFlattenCustomBase", "postModelFlattenCustomParameter", "putModelFlattenCustomGroupedParameter"],
        ["mediatypes"] = ["MediaTypeJson", "MediaTypePdf", "MediaTypeWithEncoding"],
        ["xml"] = ["StorageListContainersXML", "StorageGetServicePropertiesXML", "StoragePutServicePropertiesXML", "StorageGetContainerACLXML", "StorageListBlobsXML", "StoragePutContainerACLXML", "GetSimpleXML", "PutSimpleXML", "GetWrappedXMLList", "PutWrappedXMLList", "GetEmptyXMLList", "PutEmptyXMLList", "GetEmptyWrappedXMLList", "PutEmptyWrappedXMLList", "GetXMLListAtRoot", "PutXMLListAtRoot", "GetXMLListAtRootSingle", "PutXMLListAtRootSingle", "GetEmptyXMLListAtRoot", "PutEmptyXMLListAtRoot", "GetXMLEmptyNode", "PutXMLEmptyNode", "GetRootWithRefAndNoMetaXML", "PutRootWithRefAndNoMetaXML", "GetRootWithRefAndMetaXML", "PutRootWithRefAndMetaXML", "jsonInputInXMLSwagger", "jsonOutputInXMLSwagger", "GetWithXMsText"],
        ["objectType"] = ["ObjectTypeResponse", "ObjectTypePut", "ObjectTypeErrorResponse"],
        ["nonStringEnums"] = ["NonStringEnumsPostInt", "NonStringEnumsGetInt", "NonStringEnumsPostFloat", "NonStringEnumsGetFloat"],
        ["time (body-time)"] = ["BodyTimeGet", "BodyTimePut"],
        ["multipleInheritance"] = ["MultipleInheritancePetGet", "MultipleInheritancePetPut", "MultipleInheritanceHorseGet", "MultipleInheritanceHorsePut", "MultipleInheritanceFelineGet", "MultipleInheritanceFelinePut", "MultipleInheritanceCatGet", "MultipleInheritanceCatPut", "MultipleInheritanceKittenGet", "MultipleInheritanceKittenPut"],
    };

    /// <summary>Vanilla scenarios no call of the 22 swaggers can hit, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotExpressible = new Dictionary<string, string>
    {
    };

    private CoverageReport(int total, List<string> hit, List<string> passed, List<string> notHit, List<string> unexpectedlyNotHit)
    {
        Total = total;
        Hit = hit;
        Passed = passed;
        NotHit = notHit;
        UnexpectedlyNotHit = unexpectedlyNotHit;
    }

    public int Total { get; }

    public IReadOnlyList<string> Hit { get; }

    /// <summary>Hit, and never by a scenario that failed.</summary>
    public IReadOnlyList<string> Passed { get; }

    public IReadOnlyList<string> NotHit { get; }

    public IReadOnlyList<string> UnexpectedlyNotHit { get; }

    public static CoverageReport Summarize(Dictionary<string, int> report, IReadOnlySet<string> hitByFailures)
    {
        var other = OtherSwaggers.Values.SelectMany(names => names).ToHashSet(StringComparer.Ordinal);
        var vanilla = report.Where(entry => !other.Contains(entry.Key)).ToList();
        var hit = vanilla.Where(entry => entry.Value > 0).Select(entry => entry.Key).ToList();
        var passed = hit.Where(name => !hitByFailures.Contains(name)).ToList();
        var notHit = vanilla.Where(entry => entry.Value == 0).Select(entry => entry.Key).ToList();
        var unexpected = notHit.Where(name => !NotExpressible.ContainsKey(name)).ToList();
        return new CoverageReport(vanilla.Count, hit, passed, notHit, unexpected);
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine($"AutoRest test server, vanilla scenarios of the 22 swaggers: {Total}");
        text.AppendLine($"hit: {Hit.Count}/{Total}, passed: {Passed.Count}/{Total}, not hit: {NotHit.Count}");
        text.AppendLine();
        text.AppendLine("Hit but failing (a failing or pending scenario hit them):");
        foreach (var name in Hit.Except(Passed))
        {
            text.AppendLine("  " + name);
        }

        text.AppendLine();
        text.AppendLine("Not hit:");
        foreach (var name in NotHit)
        {
            text.AppendLine("  " + name + (NotExpressible.TryGetValue(name, out var reason) ? " (not expressible: " + reason + ")" : " (NOT LISTED)"));
        }

        return text.ToString();
    }
}
