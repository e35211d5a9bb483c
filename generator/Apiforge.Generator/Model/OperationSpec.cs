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
}

internal enum BodyKind
{
    Json,
    Text,
    Binary,
}

/// <summary>One client method.</summary>
internal sealed record OperationSpec(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string JsonPointer,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    BodySpec? Body,
    ResponseSpec Response,
    bool RequiresAuthentication)
{
    /// <summary>
    /// The operation's security requirement: alternatives, each the names of the schemes it needs together (an
    /// empty alternative: no credentials). Empty when the document names none the client can satisfy.
    /// </summary>
    public EquatableArray<EquatableArray<string>> Security { get; init; } = EquatableArray<EquatableArray<string>>.Empty;
}

/// <param name="Name">The C# parameter name (already a valid identifier).</param>
/// <param name="WireName">The name in the path template, query string or header.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Explode,
    string? Description);

internal sealed record BodySpec(string Name, BodyKind Kind, string MediaType, TypeRef Type, bool Required, string? Description);

internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? MediaType, string? Description);
