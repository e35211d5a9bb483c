using System;
using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Required properties an answer may leave out because their value is known: an object without its discriminator
/// is read as the declared type, whose discriminator value is known (its mapping entry, <c>x-ms-discriminator-value</c>
/// or its schema name, the implicit mapping); a single-value enum has one possible value.
/// </summary>
internal sealed partial class ClientBuilder
{
    private List<KnownValueSpec> KnownValuesOf(TypeDraft type, EquatableArray<PropertySpec> properties)
    {
        var discriminator = OwnDiscriminatorValue(type);
        var known = new List<KnownValueSpec>();
        foreach (var p in properties)
        {
            if (!p.MustBeRead) continue;
            if (discriminator is { } d && p.JsonName == d.PropertyName && IsStringLike(p.Type))
            {
                known.Add(new KnownValueSpec(p.JsonName, d.Value));
            }
            else if (p.Type.Kind == TypeRefKind.Enum && _drafts.TryGetValue(p.Type.Name, out var e) &&
                     e is { Kind: TypeSpecKind.StringEnum, Members.Count: 1 })
            {
                known.Add(new KnownValueSpec(p.JsonName, e.Members[0].JsonValue));
            }
        }
        return known;
    }

    private bool IsStringLike(TypeRef type)
        => type.Kind == TypeRefKind.Primitive && type.Name == PrimitiveNames.String ||
           type.Kind == TypeRefKind.Enum && _drafts.TryGetValue(type.Name, out var e) && e.Kind == TypeSpecKind.StringEnum;

    /// <summary>The discriminator property over <paramref name="type"/> and the value that names the type itself.</summary>
    private (string PropertyName, string Value)? OwnDiscriminatorValue(TypeDraft type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DiscriminatorSpec? nearest = null;
        for (var name = type.Name; seen.Add(name); )
        {
            if (_classDiscriminators.TryGetValue(name, out var discriminator) && discriminator is not null)
            {
                nearest ??= discriminator;
                var own = discriminator.Mapping.FirstOrDefault(c => c.TypeName == type.Name);
                if (own is not null) return (discriminator.PropertyName, own.Value);
            }
            if (!_baseTypes.TryGetValue(name, out var baseName)) break;
            name = baseName;
        }
        if (nearest is null) return null;
        var value = ExtensionString(type.Schema, "x-ms-discriminator-value") ?? type.ComponentKey;
        return value is null ? null : (nearest.PropertyName, value);
    }
}
