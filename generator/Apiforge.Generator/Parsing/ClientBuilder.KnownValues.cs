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
    private void AddKnownValues()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _types.Count; i++) index[_types[i].Name] = i;
        for (var i = 0; i < _types.Count; i++)
        {
            var type = _types[i];
            if (type.Kind != TypeSpecKind.Object) continue;
            var discriminator = OwnDiscriminatorValue(type, index);
            var known = new List<KnownValueSpec>();
            foreach (var p in type.Properties)
            {
                if (!p.MustBeRead) continue;
                if (discriminator is { } d && p.JsonName == d.PropertyName && IsStringLike(p.Type, index))
                {
                    known.Add(new KnownValueSpec(p.JsonName, d.Value));
                }
                else if (p.Type.Kind == TypeRefKind.Enum && index.TryGetValue(p.Type.Name, out var e) &&
                         _types[e] is { Kind: TypeSpecKind.StringEnum, Members.Count: 1 } constant)
                {
                    known.Add(new KnownValueSpec(p.JsonName, constant.Members[0].JsonValue));
                }
            }
            if (known.Count > 0) _types[i] = type with { KnownValues = known.ToEquatableArray() };
        }
    }

    private bool IsStringLike(TypeRef type, Dictionary<string, int> index)
        => type.Kind == TypeRefKind.Primitive && type.Name == PrimitiveNames.String ||
           type.Kind == TypeRefKind.Enum && index.TryGetValue(type.Name, out var e) && _types[e].Kind == TypeSpecKind.StringEnum;

    /// <summary>The discriminator property over <paramref name="type"/> and the value that names the type itself.</summary>
    private (string PropertyName, string Value)? OwnDiscriminatorValue(TypeSpec type, Dictionary<string, int> index)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DiscriminatorSpec? nearest = null;
        for (var name = type.Name; seen.Add(name); )
        {
            if (index.TryGetValue(name, out var t) && _types[t].Discriminator is { } discriminator)
            {
                nearest ??= discriminator;
                var own = discriminator.Mapping.FirstOrDefault(c => c.TypeName == type.Name);
                if (own is not null) return (discriminator.PropertyName, own.Value);
            }
            if (!_baseTypes.TryGetValue(name, out var baseName)) break;
            name = baseName;
        }
        if (nearest is null || !_objectSchemas.TryGetValue(type.Name, out var info)) return null;
        var value = ExtensionString(info.Schema, "x-ms-discriminator-value") ?? info.ComponentKey;
        return value is null ? null : (nearest.PropertyName, value);
    }
}
