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
    EquatableArray<JsonTypeInfoSpec> JsonTypes);

/// <summary>A type the client's JSON context exposes as a <c>JsonTypeInfo&lt;T&gt;</c> property.</summary>
internal sealed record JsonTypeInfoSpec(TypeRef Type, string PropertyName);

/// <summary>What one type's output needs: the type and where it lives.</summary>
internal sealed record TypeOutputSpec(string Namespace, string ClientName, TypeSpec Type);
