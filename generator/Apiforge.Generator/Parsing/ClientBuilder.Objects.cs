using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Objects: properties (allOf members merged in, a <c>$ref</c> member as the base class), defaults.</summary>
internal sealed partial class ClientBuilder
{
    private void MapObjectMembers(TypeDraft draft, int depth)
    {
        var (name, schema, pointer) = (draft.Name, draft.Schema, draft.Pointer);
        var properties = draft.Properties;
        var memberNames = new HashSet<string>(GeneratedNames.ObjectMembers, StringComparer.Ordinal) { name };
        var seenJsonNames = new HashSet<string>(StringComparer.Ordinal);
        var additionalAllowed = true;

        // allOf with a $ref to another generated class: derive from the first such class.
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            foreach (var member in allOf)
            {
                if (member is OpenApiSchemaReference { Reference.Id: { } id } && _componentTypeNames.TryGetValue(id, out var baseName) &&
                    baseName != name && _document.Components?.Schemas is { } schemas && schemas.TryGetValue(id, out var baseSchema) &&
                    ShapeOf(baseSchema) == SchemaShape.Object && !DerivesFrom(baseName, name))
                {
                    _baseTypes[name] = baseName;
                    ResolveComponent(id);
                    break;
                }
            }
        }

        CollectProperties(name, schema, pointer, properties, memberNames, seenJsonNames, ref additionalAllowed, depth);
        draft.ExtensionDataName = additionalAllowed ? Names.Unique("AdditionalProperties", memberNames) : null;
    }

    private bool DerivesFrom(string type, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_baseTypes.TryGetValue(type, out var next) && seen.Add(type))
        {
            if (next == ancestor) return true;
            type = next;
        }
        return false;
    }

    private void CollectProperties(string owner, IOpenApiSchema schema, string pointer, List<PropertySpec> properties,
        HashSet<string> memberNames, HashSet<string> seenJsonNames, ref bool additionalAllowed, int depth)
    {
        if (depth > MaxSchemaDepth)
        {
            ReportUnsupported(pointer, $"nesting deeper than {MaxSchemaDepth} levels");
            return;
        }
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is OpenApiSchemaReference { Reference.Id: { } refId } && !_resolvingComponents.Add("allOf:" + refId))
        {
            return; // an allOf cycle
        }
        try
        {
            var structure = Structural(schema);
            if (structure.AllOf is { Count: > 0 } allOf)
            {
                for (var i = 0; i < allOf.Count; i++)
                {
                    var member = allOf[i];
                    var memberPointer = member is OpenApiSchemaReference r ? RefPointer(r) : pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
                    CollectProperties(owner, member, memberPointer, properties, memberNames, seenJsonNames, ref additionalAllowed, depth + 1);
                }
            }
            if (!structure.AdditionalPropertiesAllowed) additionalAllowed = false;
            if (structure.Properties is null) return;
            var required = structure.Required ?? new HashSet<string>();
            foreach (var pair in structure.Properties)
            {
                if (!seenJsonNames.Add(pair.Key)) continue;
                var propertyPointer = pointer + "/properties/" + EscapePointer(pair.Key);
                var propertyName = Names.Unique(Names.Pascal(pair.Key, "Property"), memberNames);
                var type = MapSchema(pair.Value, owner + propertyName, propertyPointer, depth + 1);
                if (pair.Value is null)
                {
                    properties.Add(new PropertySpec(propertyName, pair.Key, type, required.Contains(pair.Key), null, false));
                    continue;
                }
                properties.Add(new PropertySpec(propertyName, pair.Key, type, required.Contains(pair.Key), Describe(pair.Value), pair.Value.Deprecated)
                {
                    ReadOnly = pair.Value.ReadOnly,
                    WriteOnly = pair.Value.WriteOnly,
                    Default = DefaultOf(pair.Value, type),
                    Constraints = ConstraintsOf(pair.Value, type, propertyPointer),
                });
            }
        }
        finally
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id }) _resolvingComponents.Remove("allOf:" + id);
        }
    }

    /// <summary>The schema's <c>default</c> (or a lone <c>const</c>) as an initializer, when it fits the property's type.</summary>
    private DefaultValueSpec? DefaultOf(IOpenApiSchema schema, TypeRef type)
    {
        JsonNode? node = schema.Default;
        if (node is null && schema is not OpenApiSchemaReference && schema.Const is { } constant)
        {
            node = type.Kind == TypeRefKind.Primitive && type.Name == PrimitiveNames.String ? JsonValue.Create(constant) : ParseConst(constant);
        }
        if (node is not JsonValue value || JsonNullSentinel.IsJsonNullSentinel(value)) return null;
        switch (type.Kind)
        {
            case TypeRefKind.Primitive:
                switch (type.Name)
                {
                    case PrimitiveNames.String:
                        return value.TryGetValue<string>(out var s) ? new DefaultValueSpec(DefaultValueKind.String, s) : null;
                    case PrimitiveNames.Boolean:
                        return value.TryGetValue<bool>(out var b) ? new DefaultValueSpec(DefaultValueKind.Boolean, b ? "true" : "false") : null;
                    case PrimitiveNames.Int32:
                    case PrimitiveNames.Int64:
                        return value.GetValueKind() == System.Text.Json.JsonValueKind.Number &&
                               long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) &&
                               (type.Name == PrimitiveNames.Int64 || l is >= int.MinValue and <= int.MaxValue)
                            ? new DefaultValueSpec(DefaultValueKind.Number, l.ToString(CultureInfo.InvariantCulture))
                            : null;
                    case PrimitiveNames.Double:
                    case PrimitiveNames.Single:
                    case PrimitiveNames.Decimal:
                        return value.GetValueKind() == System.Text.Json.JsonValueKind.Number &&
                               double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) &&
                               !double.IsInfinity(d) && Math.Abs(d) < 1e15
                            ? new DefaultValueSpec(DefaultValueKind.Number, d.ToString("R", CultureInfo.InvariantCulture))
                            : null;
                }
                return null;
            case TypeRefKind.Enum:
                var wire = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                var member = _drafts.TryGetValue(type.Name, out var enumType) ? enumType.Members.FirstOrDefault(m => m.JsonValue == wire) : null;
                return member is null ? null : new DefaultValueSpec(DefaultValueKind.EnumMember, member.Name);
            default:
                return null;
        }
    }

    private static JsonNode? ParseConst(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
