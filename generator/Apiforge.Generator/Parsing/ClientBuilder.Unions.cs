using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Unions: a oneOf/anyOf of several alternatives becomes a class holding one case, read by its discriminator or by trying each case.</summary>
internal sealed partial class ClientBuilder
{
    private void MapUnionCases(TypeDraft draft, int depth)
    {
        var (name, schema, pointer) = (draft.Name, draft.Schema, draft.Pointer);
        var keyword = AlternativesKeyword(schema);
        var alternatives = NonNullAlternatives(schema, out _) ?? new List<(IOpenApiSchema, int)>();
        var caseNames = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var reserved in GeneratedNames.ValueTypeMembers) caseNames.Add(reserved);
        var cases = draft.Cases;
        var seenTypes = new HashSet<TypeRef>();
        var refCases = new List<(string ComponentKey, string TypeName)>();
        foreach (var (alternative, index) in alternatives)
        {
            var alternativePointer = $"{pointer}/{keyword}/{index.ToString(CultureInfo.InvariantCulture)}";
            var context = name + Names.Pascal(alternative.Title, "Variant" + (index + 1).ToString(CultureInfo.InvariantCulture));
            var type = MapSchema(alternative, context, alternativePointer, depth + 1).WithNullable(false);
            if (!seenTypes.Add(type)) continue;
            cases.Add(new UnionCaseSpec(Names.Unique(CaseName(type), caseNames), type));
            if (alternative is OpenApiSchemaReference { Reference.Id: { } id } && type.Kind == TypeRefKind.Object)
            {
                refCases.Add((id, type.Name));
            }
        }

        DiscriminatorSpec? discriminator = null;
        if (schema.Discriminator is { PropertyName: { Length: > 0 } property } d)
        {
            var objectCases = new HashSet<string>(cases.Where(c => c.Type.Kind == TypeRefKind.Object).Select(c => c.Type.Name), StringComparer.Ordinal);
            var mapping = ExplicitMapping(d, objectCases);
            foreach (var (key, typeName) in refCases)
            {
                if (mapping.All(m => m.TypeName != typeName) && mapping.All(m => m.Value != key)) mapping.Add(new DiscriminatorCaseSpec(key, typeName));
            }
            discriminator = new DiscriminatorSpec(property, mapping.ToEquatableArray());
        }
        draft.UnionDiscriminator = discriminator;
    }

    /// <summary>The discriminator's explicit mapping, kept to values that select one of <paramref name="allowed"/>.</summary>
    private List<DiscriminatorCaseSpec> ExplicitMapping(OpenApiDiscriminator discriminator, HashSet<string> allowed)
    {
        var mapping = new List<DiscriminatorCaseSpec>();
        if (discriminator.Mapping is null) return mapping;
        foreach (var pair in discriminator.Mapping.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value?.Reference?.Id is not { } id || mapping.Any(m => m.Value == pair.Key)) continue;
            var target = ResolveComponent(id);
            if (target.Kind == TypeRefKind.Object && allowed.Contains(target.Name)) mapping.Add(new DiscriminatorCaseSpec(pair.Key, target.Name));
        }
        return mapping;
    }

    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Object or TypeRefKind.Enum => type.Name,
        TypeRefKind.List => "ListOf" + CaseName(type.Element!),
        TypeRefKind.Map => "DictionaryOf" + CaseName(type.Element!),
        TypeRefKind.Any => "Json",
        _ => type.Name switch
        {
            PrimitiveNames.String => "String",
            PrimitiveNames.Boolean => "Boolean",
            PrimitiveNames.Int32 => "Int32",
            PrimitiveNames.Int64 => "Int64",
            PrimitiveNames.Single => "Single",
            PrimitiveNames.Double => "Double",
            PrimitiveNames.Decimal => "Decimal",
            PrimitiveNames.Bytes => "Bytes",
            _ => Names.Pascal(type.Name, "Value"),
        },
    };
}
