namespace Apiforge.Generator.Model;

internal enum TypeSpecKind
{
    Object,
    /// <summary>An extensible enum: a struct over the wire string, so values the description does not list survive.</summary>
    StringEnum,
    /// <summary>A C# enum over <c>long</c>; an unlisted number is kept as an unnamed value of the enum.</summary>
    IntegerEnum,
    /// <summary>oneOf / anyOf: a class holding exactly one of its <see cref="TypeSpec.Cases"/>.</summary>
    Union,
}

/// <summary>A named type generated from a schema.</summary>
/// <param name="Name">The C# type name, unique within the client's namespace.</param>
/// <param name="JsonPointer">Where the schema is in the document, for diagnostics and tests.</param>
/// <param name="Properties">Every JSON property of the object, inherited ones included (see <see cref="PropertySpec.Inherited"/>).</param>
/// <param name="BaseTypeName">The generated class this one derives from (allOf with a <c>$ref</c> member).</param>
/// <param name="DerivedTypes">Every generated class deriving from this one, most derived first: writing dispatches on them.</param>
/// <param name="Discriminator">How reading picks a derived type (objects) or a case (unions).</param>
/// <param name="DeclaresExtensionData">False when <see cref="ExtensionDataName"/> is inherited from the base class.</param>
internal sealed record TypeSpec(
    string Name,
    TypeSpecKind Kind,
    string JsonPointer,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumMemberSpec> Members,
    string? ExtensionDataName)
{
    public string? BaseTypeName { get; init; }

    public EquatableArray<string> DerivedTypes { get; init; } = EquatableArray<string>.Empty;

    public DiscriminatorSpec? Discriminator { get; init; }

    public EquatableArray<UnionCaseSpec> Cases { get; init; } = EquatableArray<UnionCaseSpec>.Empty;

    public bool DeclaresExtensionData { get; init; } = true;

    /// <summary>Reading leaves a missing required property at its default instead of failing (MissingRequired="Default").</summary>
    public bool MissingRequiredAsDefault { get; init; }

    /// <summary>Required properties whose value is known when the JSON leaves them out (see <see cref="KnownValueSpec"/>).</summary>
    public EquatableArray<KnownValueSpec> KnownValues { get; init; } = EquatableArray<KnownValueSpec>.Empty;
}

/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="Required">Listed in the schema's <c>required</c>: a C# <c>required</c> member unless read- or write-only.</param>
/// <param name="Inherited">Declared by a base class; serialized here but not declared.</param>
internal sealed record PropertySpec(
    string Name,
    string JsonName,
    TypeRef Type,
    bool Required,
    string? Description,
    bool Deprecated)
{
    public bool Inherited { get; init; }

    public bool ReadOnly { get; init; }

    public bool WriteOnly { get; init; }

    public DefaultValueSpec? Default { get; init; }

    /// <summary>What the client checks before sending this property; null when the schema has no constraint.</summary>
    public ConstraintSpec? Constraints { get; init; }

    /// <summary>A C# <c>required</c> member: the caller must set it. Deprecated, read-only and write-only ones are not.</summary>
    public bool IsRequiredMember => Required && !ReadOnly && !WriteOnly && !Deprecated;

    /// <summary>Reading throws when the JSON lacks it: only required properties the server always sends.</summary>
    public bool MustBeRead => Required && !WriteOnly && !Deprecated;

    /// <summary>The C# property is declared nullable.</summary>
    public bool IsNullable => !IsRequiredMember || Type.Nullable;

    /// <summary>Deprecated properties get <c>[Obsolete]</c> and a backing field the generated serializer uses instead.</summary>
    public string FieldName => "__" + Name;
}

internal sealed record EnumMemberSpec(string Name, string JsonValue, long IntegerValue, string? Description);

internal enum DefaultValueKind
{
    String,
    Number,
    Boolean,
    EnumMember,
}

/// <summary>A schema <c>default</c> applied as the property's initializer. <see cref="Value"/> is checked by the parser:
/// a number's invariant text, or an enum member's C# name.</summary>
internal sealed record DefaultValueSpec(DefaultValueKind Kind, string Value);

/// <param name="PropertyName">The discriminating JSON property.</param>
internal sealed record DiscriminatorSpec(string PropertyName, EquatableArray<DiscriminatorCaseSpec> Mapping);

/// <param name="Value">The discriminator value on the wire.</param>
/// <param name="TypeName">The generated object type it selects.</param>
internal sealed record DiscriminatorCaseSpec(string Value, string TypeName);

/// <param name="Name">The C# name of the union's property for this case.</param>
internal sealed record UnionCaseSpec(string Name, TypeRef Type)
{
    /// <summary>A generated class: reading ranks such cases by how many of the JSON's properties they do not know.</summary>
    public bool IsClass { get; init; }
}
