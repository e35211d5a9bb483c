namespace Apiforge.Generator.Emitting;

/// <summary>
/// Every runtime name the client, JSON-context, validator and dependency-injection emitters write. A file that uses
/// them declares <see cref="Aliases"/> right after its namespace line; the names are alias-qualified
/// (<c>__Rt::ApiResponse</c>), and <c>alias::</c> looks up aliases only, so no member, local or type of the consumer
/// can shadow them. The aliases could clash only with a type named like them in the same namespace; generated type
/// names are PascalCase words (never a leading underscore) and identifiers with two leading underscores are reserved
/// for generated code.
/// </summary>
internal static class RuntimeNames
{
    public const string RuntimeAlias = "__Rt";
    public const string HttpAlias = "__Http";
    public const string TasksAlias = "__Tasks";
    public const string MetadataAlias = "__Meta";

    /// <summary>The alias directives, one a line, for the file's namespace declaration.</summary>
    public static readonly string[] Aliases =
    {
        $"using {RuntimeAlias} = global::Apiforge.Runtime;",
        $"using {HttpAlias} = global::System.Net.Http;",
        $"using {TasksAlias} = global::System.Threading.Tasks;",
        $"using {MetadataAlias} = global::System.Text.Json.Serialization.Metadata;",
    };

    private const string R = RuntimeAlias + "::";

    /// <summary>A runtime member named from <c>Apiforge.Runtime</c> (<c>ApiFormat.Format</c>), alias-qualified.</summary>
    public static string Member(string relativeName) => R + relativeName;

    // Calls and requests
    public const string ApiResponse = R + "ApiResponse";
    public const string ApiRequest = R + "ApiRequest";
    public const string ApiResult = R + "ApiResult";
    public const string ApiCallOptions = R + "ApiCallOptions";
    public const string ApiOperation = R + "ApiOperation";
    public const string RequestUriBuilder = R + "RequestUriBuilder";
    public const string ApiContent = R + "ApiContent";
    public const string ApiParameter = R + "ApiParameter";
    public const string ParameterStyleEnum = R + "ParameterStyle";
    public const string FormField = R + "FormField";
    public const string ApiFile = R + "ApiFile";
    public const string FileResponse = R + "FileResponse";
    public const string ApiServerSentEvent = R + "ApiServerSentEvent";
    public const string ApiErrorText = R + "ApiErrorText";

    // The contract enums (contract/RuntimeContract.cs) are named like these in the generator's model: "…Enum" here.

    // Values in paths, queries and headers
    public const string ApiFormat = R + "ApiFormat";
    public const string ApiDates = R + "ApiDates";
    public const string ApiWireFormats = R + "ApiWireFormats";

    // Security
    public const string ApiSecurity = R + "ApiSecurity";
    public const string ApiSecurityScheme = R + "ApiSecurityScheme";
    public const string ApiSecurityRequirement = R + "ApiSecurityRequirement";
    public const string ApiSecuritySchemeKindEnum = R + "ApiSecuritySchemeKind";
    public const string ApiKeyLocationEnum = R + "ApiKeyLocation";
    public const string ApiCredentials = R + "ApiCredentials";
    public const string ApiAuthenticationHandler = R + "ApiAuthenticationHandler";
    public const string ApiCredentialsResolver = R + "ApiCredentialsResolver";

    // Validation and JSON metadata
    public const string ApiValidation = R + "ApiValidation";
    public const string ApiJsonMetadata = R + "ApiJsonMetadata";

    /// <summary>For doc comments (<c>cref</c>), which name types by their full name.</summary>
    public const string ApiExceptionCref = "global::Apiforge.Runtime.ApiException";

    public const string ApiValidationExceptionCref = "global::Apiforge.Runtime.ApiValidationException";

    // The System types the same files name through the aliases
    public const string Task = TasksAlias + "::Task";
    public const string HttpClient = HttpAlias + "::HttpClient";
    public const string JsonTypeInfo = MetadataAlias + "::JsonTypeInfo";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
}
