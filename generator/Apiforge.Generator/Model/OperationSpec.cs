namespace Apiforge.Generator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

internal enum ResponseKind
{
    /// <summary>No body the caller needs: the method returns <c>Task</c>.</summary>
    None,
    Json,
    Text,
    /// <summary>A binary body handed to the caller as a stream they dispose.</summary>
    Stream,
    /// <summary>Only a streaming media type (<see cref="ResponseSpec.Events"/>): the method returns <c>IAsyncEnumerable</c>.</summary>
    Events,
}

internal enum BodyKind
{
    Json,
    Text,
    Binary,
    /// <summary><c>application/x-www-form-urlencoded</c>: the body type serialized to JSON, then flattened to fields.</summary>
    Form,
    /// <summary><c>multipart/form-data</c>: each part is a method parameter (<see cref="BodySpec.Parts"/>).</summary>
    Multipart,
}

/// <summary>One client method.</summary>
/// <param name="MethodName">The simple method's name (ends in <c>Async</c>).</param>
/// <param name="ResponseMethodName">The method that also hands back status and headers (<c>…WithResponseAsync</c>).</param>
internal sealed record OperationSpec(
    string MethodName,
    string ResponseMethodName,
    string HttpMethod,
    string PathTemplate,
    string JsonPointer,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    BodySpec? Body,
    ResponseSpec Response,
    EquatableArray<ErrorResponseSpec> Errors,
    bool RequiresAuthentication)
{
    /// <summary>
    /// The operation's security requirement: alternatives, each the names of the schemes it needs together (an
    /// empty alternative: no credentials). Empty when the document names none the client can satisfy.
    /// </summary>
    public EquatableArray<EquatableArray<string>> Security { get; init; } = EquatableArray<EquatableArray<string>>.Empty;

    /// <summary>The operation's first tag, which decides its group with GroupBy="Tag"; null when it has none.</summary>
    public string? Tag { get; init; }
    /// <summary>The document's <c>operationId</c>, for tracing (<c>ApiOperation</c>); null when it has none.</summary>
    public string? OperationId { get; init; }

    /// <summary>The exact 2xx codes the operation documents; empty when any 2xx is a success (none documented, or a 2XX range).</summary>
    public EquatableArray<int> DocumentedSuccessStatuses { get; init; } = EquatableArray<int>.Empty;

    /// <summary>Non-2xx codes that are answers, not errors: a HEAD's documented 404 ("does not exist").</summary>
    public EquatableArray<int> AnswerStatuses { get; init; } = EquatableArray<int>.Empty;
}

/// <param name="Name">The C# parameter name (already a valid identifier).</param>
/// <param name="WireName">The name in the path template, query string or header.</param>
/// <param name="Json">Declared with <c>content</c> (a JSON media type): the value's JSON text, in one piece.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    ParameterStyle Style,
    bool Explode,
    bool Json,
    string? Description)
{
    /// <summary>What the client checks before sending (minLength, pattern, minimum, …); null when the schema has none.</summary>
    public ConstraintSpec? Constraints { get; init; }
}

/// <param name="Name">The C# parameter name of the body (for multipart: unused; the parts are parameters).</param>
/// <param name="Fields">Form bodies: per-property serialization from the <c>encoding</c> object.</param>
/// <param name="Parts">Multipart bodies: one method parameter per part.</param>
internal sealed record BodySpec(
    string Name,
    BodyKind Kind,
    string MediaType,
    TypeRef Type,
    bool Required,
    string? Description,
    EquatableArray<FormFieldSpec> Fields,
    EquatableArray<PartSpec> Parts)
{
    /// <summary>The body schema's own constraints (an array body's minItems, …); a model's are checked by its validator.</summary>
    public ConstraintSpec? Constraints { get; init; }
}

/// <summary>How one top-level property of a form body is written, from the media type's <c>encoding</c>.</summary>
internal sealed record FormFieldSpec(string WireName, ParameterStyle Style, bool Explode);

internal enum PartKind
{
    /// <summary>A primitive or enum, written as text.</summary>
    Text,
    /// <summary>An <c>ApiFile</c>: stream, file name and content type.</summary>
    File,
    /// <summary>Several files under one name.</summary>
    Files,
    /// <summary>Anything else, written as JSON.</summary>
    Json,
}

/// <param name="Name">The C# parameter name.</param>
/// <param name="WireName">The part's name in Content-Disposition.</param>
/// <param name="Type">The C# type (for <see cref="PartKind.File"/> and <see cref="PartKind.Files"/> unused).</param>
/// <param name="ContentType">The <c>encoding</c> object's content type for this part, if any.</param>
internal sealed record PartSpec(
    string Name,
    string WireName,
    PartKind Kind,
    TypeRef Type,
    bool Required,
    string? ContentType,
    string? Description);

/// <param name="EmptyAllowed">Some success status has no body, or another type of body: the result may be null.</param>
internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? MediaType, string? Description, bool EmptyAllowed = false)
{
    /// <summary>Other 2xx statuses with a JSON body of another type than <see cref="Type"/>: each gets a typed property of the result.</summary>
    public EquatableArray<SuccessBodySpec> OtherBodies { get; init; } = EquatableArray<SuccessBodySpec>.Empty;

    /// <summary>With <see cref="OtherBodies"/>: the result class nested in the client, as <c>{Client}.{Operation}Result</c>.</summary>
    public string? ResultTypeName { get; init; }

    /// <summary>A streaming success body (server-sent events, JSON Lines); null when none.</summary>
    public EventStreamSpec? Events { get; init; }
}

/// <summary>The JSON body of one more success status (<c>201</c>), with its own type.</summary>
internal sealed record SuccessBodySpec(string Status, TypeRef Type, string? Description);

/// <summary>A documented error body.</summary>
/// <param name="Status">A status code (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>.</param>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type, string? Description);
