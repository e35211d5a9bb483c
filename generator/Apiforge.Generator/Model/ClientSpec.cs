using System;
using System.Collections.Generic;

namespace Apiforge.Generator.Model;

/// <summary>Everything needed to emit one client: the result of parsing one spec file.</summary>
internal sealed record ClientSpec(
    string Namespace,
    string ClientName,
    string ContextName,
    string? DefaultBaseAddress,
    string? Description,
    EquatableArray<TypeSpec> Types,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<JsonTypeInfoSpec> JsonTypes)
{
    /// <summary>The document's security schemes that a client can satisfy (components/securitySchemes).</summary>
    public EquatableArray<SecuritySchemeSpec> SecuritySchemes { get; init; } = EquatableArray<SecuritySchemeSpec>.Empty;

    /// <summary>The JSON property whose non-empty value in a success response makes the client throw (ErrorTextProperty); null when off.</summary>
    public string? ErrorTextProperty { get; init; }

    /// <summary>Parameters and bodies are checked against their constraints before sending (Validation metadata, on by default).</summary>
    public bool Validation { get; init; } = true;

    /// <summary>What relative links in descriptions resolve against: externalDocs, else the first absolute server; null leaves them text.</summary>
    public string? DocBaseUri { get; init; }

    /// <summary>GroupBy="Tag": the sub-clients, one per first tag; empty when the client is flat (the default).</summary>
    public EquatableArray<GroupSpec> Groups { get; init; } = EquatableArray<GroupSpec>.Empty;

    /// <summary>
    /// The object types an operation sends (named by a parameter or a JSON or form body, directly or as an element),
    /// sorted: what the validator starts from, so it has no method for a type only ever received.
    /// </summary>
    public EquatableArray<string> SentTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <see cref="SentTypes"/> of <paramref name="operations"/>.</summary>
    public static EquatableArray<string> TypesSentBy(IEnumerable<OperationSpec> operations)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters) AddObjects(parameter.Type, names);
            if (operation.Body is { Kind: BodyKind.Json or BodyKind.Form } body) AddObjects(body.Type, names);
        }
        return names.ToEquatableArray();
    }

    private static void AddObjects(TypeRef type, SortedSet<string> names)
    {
        for (var t = type; t is not null; t = t.Element)
        {
            if (t.Kind == TypeRefKind.Object) names.Add(t.Name);
        }
    }
}

/// <summary>One security scheme; <paramref name="ParameterName"/> and <paramref name="Location"/> are for API keys.</summary>
internal sealed record SecuritySchemeSpec(string Name, ApiSecuritySchemeKind Kind, string? ParameterName, ApiKeyLocation Location);

/// <summary>A type the client's JSON context exposes as a <c>JsonTypeInfo&lt;T&gt;</c> property.</summary>
internal sealed record JsonTypeInfoSpec(TypeRef Type, string PropertyName);

/// <summary>What one type's output needs: the type and where it lives.</summary>
internal sealed record TypeOutputSpec(string Namespace, string ClientName, TypeSpec Type)
{
    /// <summary>See <see cref="ClientSpec.DocBaseUri"/>.</summary>
    public string? DocBaseUri { get; init; }
}
