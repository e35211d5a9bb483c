namespace Apiforge.Generator.Model;

internal enum TypeSpecKind
{
    Object,
    StringEnum,
    IntegerEnum,
}

/// <summary>A named type generated from a schema.</summary>
/// <param name="Name">The C# type name, unique within the client's namespace.</param>
/// <param name="JsonPointer">Where the schema is in the document, for diagnostics and tests.</param>
internal sealed record TypeSpec(
    string Name,
    TypeSpecKind Kind,
    string JsonPointer,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumMemberSpec> Members,
    string? ExtensionDataName);

/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="Required">Listed in the schema's <c>required</c>: a C# <c>required</c> member.</param>
internal sealed record PropertySpec(
    string Name,
    string JsonName,
    TypeRef Type,
    bool Required,
    string? Description,
    bool Deprecated);

internal sealed record EnumMemberSpec(string Name, string JsonValue, long IntegerValue, string? Description);
