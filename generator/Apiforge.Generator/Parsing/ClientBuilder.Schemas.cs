using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Schemas: components and inline schemas become classes, extensible enums, unions, or aliases of other types.</summary>
internal sealed partial class ClientBuilder
{
    private const int MaxSchemaDepth = 64;

    /// <summary>Inline schemas already turned into a type, by JSON pointer: a schema reached twice (through allOf) defines one type.</summary>
    private readonly Dictionary<string, TypeRef> _inlineTypes = new(StringComparer.Ordinal);

    /// <summary>Inline enums by their values, so identical inline enums share one type.</summary>
    private readonly Dictionary<string, TypeRef> _enumsByValues = new(StringComparer.Ordinal);

    /// <summary>A derived class's name to the name of the class it derives from.</summary>
    private readonly Dictionary<string, string> _baseTypes = new(StringComparer.Ordinal);

    /// <summary>An object type's name to its schema, for discriminators resolved once every type exists.</summary>
    private readonly Dictionary<string, (IOpenApiSchema Schema, string? ComponentKey)> _objectSchemas = new(StringComparer.Ordinal);

    private enum SchemaShape
    {
        Alias,
        Enum,
        Union,
        Object,
    }

    /// <summary>Shapes already worked out, by schema object: a schema is classified once however often it is used.</summary>
    private readonly Dictionary<IOpenApiSchema, SchemaShape> _shapes = new(ReferenceComparer.Instance);

    private SchemaShape ShapeOf(IOpenApiSchema? schema)
    {
        if (schema is null) return SchemaShape.Alias;
        if (!_shapes.TryGetValue(schema, out var shape))
        {
            shape = Shape(schema);
            _shapes[schema] = shape;
        }
        return shape;
    }

    private sealed class ReferenceComparer : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static SchemaShape Shape(IOpenApiSchema? schema)
    {
        // A component may be null in a broken document ("Pet": null).
        if (schema is null or OpenApiSchemaReference) return SchemaShape.Alias;
        if (TryGetEnum(schema, out _, out _)) return SchemaShape.Enum;
        if (schema.Properties is not { Count: > 0 } && schema.AllOf is not { Count: > 0 } && NonNullAlternatives(schema, out _) is { Count: > 1 })
        {
            return SchemaShape.Union;
        }
        return IsObjectWithProperties(schema) ? SchemaShape.Object : SchemaShape.Alias;
    }

    /// <summary>Whether a component schema becomes a C# type (class, enum or union) rather than an alias of another type.</summary>
    private bool CreatesType(IOpenApiSchema? schema) => ShapeOf(schema) != SchemaShape.Alias;

    private static bool IsObjectWithProperties(IOpenApiSchema schema)
    {
        if (schema.Properties is { Count: > 0 }) return true;
        return schema.AllOf is { Count: > 0 } allOf && allOf.Any(m => m is not OpenApiSchemaReference || allOf.Count > 1);
    }

    /// <summary>The oneOf (or else anyOf) alternatives that are not <c>{type: null}</c>; null when there are none.</summary>
    private static List<(IOpenApiSchema Schema, int Index)>? NonNullAlternatives(IOpenApiSchema schema, out bool hadNull)
    {
        hadNull = false;
        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;
        if (alternatives is null) return null;
        var result = new List<(IOpenApiSchema, int)>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (alternative is not OpenApiSchemaReference && alternative.Type == JsonSchemaType.Null)
            {
                hadNull = true;
                continue;
            }
            result.Add((alternative, i));
        }
        return result;
    }

    private static string AlternativesKeyword(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";

    /// <summary>
    /// An enum: <c>enum</c> of strings (a string enum, numbers written as text when the type is string) or of integers,
    /// or a oneOf/anyOf whose alternatives are all <c>const</c> (3.1 style, each with its own description).
    /// </summary>
    private static bool TryGetEnum(IOpenApiSchema schema, out bool integer, out List<(string Wire, long Number, string? Description)> values)
    {
        integer = false;
        values = new List<(string, long, string?)>();
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } list)
        {
            // An explicit null reaches here as Microsoft.OpenApi's null sentinel (a string): it is no member.
            var nonNull = list.Where(v => v is JsonValue && !JsonNullSentinel.IsJsonNullSentinel(v)).Cast<JsonValue>().ToList();
            if (nonNull.Count == 0) return false;
            if (type == JsonSchemaType.Integer || (type == 0 && nonNull.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.Number)))
            {
                foreach (var v in nonNull)
                {
                    if (!long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
                    values.Add((number.ToString(CultureInfo.InvariantCulture), number, null));
                }
                integer = true;
                return true;
            }
            if (type == JsonSchemaType.String || (type == 0 && nonNull.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String)))
            {
                foreach (var v in nonNull)
                {
                    values.Add((v.TryGetValue<string>(out var s) ? s : v.ToJsonString(), 0, null));
                }
                return true;
            }
            return false;
        }

        if (schema.Properties is { Count: > 0 }) return false;
        var alternatives = NonNullAlternatives(schema, out _);
        if (alternatives is not { Count: > 0 } || alternatives.Any(a => a.Schema is OpenApiSchemaReference || a.Schema.Const is null))
        {
            return false;
        }
        var types = alternatives.Select(a => (a.Schema.Type ?? type) & ~JsonSchemaType.Null).Distinct().ToList();
        if (types.Count != 1) return false;
        integer = types[0] == JsonSchemaType.Integer;
        if (!integer && types[0] != JsonSchemaType.String) return false;
        foreach (var (alternative, _) in alternatives)
        {
            var description = Describe(alternative);
            if (integer)
            {
                if (!long.TryParse(alternative.Const, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
                values.Add((number.ToString(CultureInfo.InvariantCulture), number, description));
            }
            else
            {
                values.Add((alternative.Const!, 0, description));
            }
        }
        return true;
    }

    private TypeRef ResolveComponent(string key)
    {
        if (_componentRefs.TryGetValue(key, out var known)) return known;
        var schemas = _document.Components?.Schemas;
        if (schemas is null || !schemas.TryGetValue(key, out var schema)) return TypeRef.Any();
        var pointer = "#/components/schemas/" + EscapePointer(key);

        if (_componentTypeNames.TryGetValue(key, out var typeName))
        {
            var shape = ShapeOf(schema);
            // A nullable component (GitHub's nullable-simple-user) makes every use of it nullable.
            var nullable = (schema.Type & JsonSchemaType.Null) == JsonSchemaType.Null ||
                           (shape == SchemaShape.Union && NonNullAlternatives(schema, out var hadNull) is not null && hadNull);
            var reference = new TypeRef(shape == SchemaShape.Enum ? TypeRefKind.Enum : TypeRefKind.Object, typeName, null, nullable);
            _componentRefs[key] = reference;
            DefineType(typeName, schema, pointer, shape, key, 0);
            return reference;
        }

        // An alias (a primitive, an array, a map, another $ref): resolve through it, guarding against cycles.
        if (!_resolvingComponents.Add(key))
        {
            if (_reportedPointers.Add("cycle:" + pointer))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceCycle, _locator.Locate(pointer), pointer));
            }
            return TypeRef.Any();
        }
        var resolved = MapSchema(schema, Names.Pascal(key, "Model"), pointer, 0).WithNullable(false);
        _resolvingComponents.Remove(key);
        _componentRefs[key] = resolved;
        return resolved;
    }

    private void DefineType(string name, IOpenApiSchema schema, string pointer, SchemaShape shape, string? componentKey, int depth)
    {
        switch (shape)
        {
            case SchemaShape.Enum:
                TryGetEnum(schema, out var integer, out var values);
                _types.Add(BuildEnum(name, schema, pointer, integer, values));
                break;
            case SchemaShape.Union:
                _types.Add(BuildUnion(name, schema, pointer, depth));
                break;
            default:
                _objectSchemas[name] = (schema, componentKey);
                _types.Add(BuildObject(name, schema, pointer, depth));
                break;
        }
    }

    private TypeSpec BuildEnum(string name, IOpenApiSchema schema, string pointer, bool integer, List<(string Wire, long Number, string? Description)> values)
    {
        var members = new List<EnumMemberSpec>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        if (!integer)
        {
            foreach (var reserved in GeneratedNames.ValueTypeMembers) memberNames.Add(reserved);
        }
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var varNames = ExtensionStrings(schema, "x-enum-varnames");
        var descriptions = ExtensionStrings(schema, "x-enum-descriptions");
        for (var index = 0; index < values.Count; index++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (wire, number, description) = values[index];
            if (!seenValues.Add(wire)) continue;
            var preferred = varNames is not null && index < varNames.Count && varNames[index].Length > 0 ? varNames[index] : null;
            var baseName = integer
                ? Names.Pascal(preferred, "Value" + (number < 0 ? "Minus" + (-number).ToString(CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture)))
                : Names.Pascal(preferred ?? WordsOf(wire), wire.Length == 0 ? "Empty" : "Value");
            description ??= descriptions is not null && index < descriptions.Count && descriptions[index].Length > 0 ? descriptions[index] : null;
            members.Add(new EnumMemberSpec(Names.Unique(baseName, memberNames), wire, integer ? number : members.Count, description));
        }
        return new TypeSpec(name, integer ? TypeSpecKind.IntegerEnum : TypeSpecKind.StringEnum, pointer, Describe(schema), schema.Deprecated,
            EquatableArray<PropertySpec>.Empty, members.ToEquatableArray(), null);
    }

    /// <summary>Symbols that carry meaning in enum values get a word, so "+1" and "-1" do not both become "1".</summary>
    private static string WordsOf(string wire)
    {
        if (wire.Length == 0 || wire.Any(char.IsLetterOrDigit) && wire[0] is not ('+' or '-')) return wire;
        var text = new System.Text.StringBuilder();
        foreach (var c in wire)
        {
            text.Append(c switch
            {
                '+' => " Plus ",
                '-' => " Minus ",
                '*' => " Star ",
                '<' => " Less ",
                '>' => " Greater ",
                '=' => " Equals ",
                '$' => " Dollar ",
                '.' => " Dot ",
                '/' => " Slash ",
                '@' => " At ",
                '#' => " Hash ",
                '%' => " Percent ",
                '&' => " And ",
                '!' => " Not ",
                '?' => " Question ",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }

    private static List<string>? ExtensionStrings(IOpenApiSchema schema, string name)
    {
        if (schema is not OpenApiSchema concrete || concrete.Extensions is null ||
            !concrete.Extensions.TryGetValue(name, out var extension) || extension is not JsonNodeExtension node ||
            node.Node is not JsonArray array)
        {
            return null;
        }
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList();
    }

    private static string? ExtensionString(IOpenApiSchema schema, string name)
        => schema is OpenApiSchema { Extensions: { } extensions } && extensions.TryGetValue(name, out var extension) &&
           extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var text)
            ? text
            : null;

    // ------------------------------------------------------------ objects

    private TypeSpec BuildObject(string name, IOpenApiSchema schema, string pointer, int depth)
    {
        var properties = new List<PropertySpec>();
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
        var extensionData = additionalAllowed ? Names.Unique("AdditionalProperties", memberNames) : null;
        return new TypeSpec(name, TypeSpecKind.Object, pointer, Describe(schema), schema.Deprecated,
            properties.ToEquatableArray(), EquatableArray<EnumMemberSpec>.Empty, extensionData);
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
            if (schema.AllOf is { Count: > 0 } allOf)
            {
                for (var i = 0; i < allOf.Count; i++)
                {
                    var member = allOf[i];
                    var memberPointer = member is OpenApiSchemaReference r ? RefPointer(r) : pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
                    CollectProperties(owner, member, memberPointer, properties, memberNames, seenJsonNames, ref additionalAllowed, depth + 1);
                }
            }
            if (!schema.AdditionalPropertiesAllowed) additionalAllowed = false;
            if (schema.Properties is null) return;
            var required = schema.Required ?? new HashSet<string>();
            foreach (var pair in schema.Properties)
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
                var enumType = _types.FirstOrDefault(t => t.Name == type.Name);
                var member = enumType?.Members.FirstOrDefault(m => m.JsonValue == wire);
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

    // ------------------------------------------------------------ unions

    private TypeSpec BuildUnion(string name, IOpenApiSchema schema, string pointer, int depth)
    {
        var keyword = AlternativesKeyword(schema);
        var alternatives = NonNullAlternatives(schema, out _) ?? new List<(IOpenApiSchema, int)>();
        var caseNames = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var reserved in GeneratedNames.ValueTypeMembers) caseNames.Add(reserved);
        var cases = new List<UnionCaseSpec>();
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
        return new TypeSpec(name, TypeSpecKind.Union, pointer, Describe(schema), schema.Deprecated,
            EquatableArray<PropertySpec>.Empty, EquatableArray<EnumMemberSpec>.Empty, null)
        {
            Cases = cases.ToEquatableArray(),
            Discriminator = discriminator,
        };
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

    // ------------------------------------------------------------ inheritance, after every type exists

    /// <summary>
    /// Splits each derived class's properties into inherited and declared ones, and gives every class with derived
    /// classes the list it dispatches on and, when its schema has one, its discriminator.
    /// </summary>
    private void FinishTypes()
    {
        var classes = new HashSet<string>(_types.Where(t => t.Kind == TypeSpecKind.Object).Select(t => t.Name), StringComparer.Ordinal);
        for (var u = 0; u < _types.Count; u++)
        {
            if (_types[u].Kind != TypeSpecKind.Union) continue;
            _types[u] = _types[u] with
            {
                Cases = _types[u].Cases.Select(c => c with { IsClass = c.Type.Kind == TypeRefKind.Object && classes.Contains(c.Type.Name) }).ToEquatableArray(),
            };
        }
        if (_baseTypes.Count == 0) return;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _types.Count; i++) index[_types[i].Name] = i;

        int Depth(string type)
        {
            var depth = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (_baseTypes.TryGetValue(type, out var next) && seen.Add(type)) { depth++; type = next; }
            return depth;
        }

        // Bases before derived classes, so a class sees its base's final property names.
        foreach (var derived in _baseTypes.Keys.OrderBy(Depth).ThenBy(n => n, StringComparer.Ordinal).ToList())
        {
            if (!index.TryGetValue(derived, out var i) || !index.TryGetValue(_baseTypes[derived], out var b)) continue;
            var baseType = _types[b];
            var type = _types[i];
            var inherited = baseType.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
            var taken = new HashSet<string>(baseType.Properties.Select(p => p.Name), StringComparer.Ordinal) { type.Name };
            if (baseType.ExtensionDataName is not null) taken.Add(baseType.ExtensionDataName);
            var properties = new List<PropertySpec>();
            foreach (var p in baseType.Properties) properties.Add(p with { Inherited = true });
            foreach (var p in type.Properties)
            {
                if (inherited.ContainsKey(p.JsonName)) continue;
                properties.Add(p with { Name = Names.Unique(p.Name, taken), Inherited = false });
            }
            _types[i] = type with
            {
                Properties = properties.ToEquatableArray(),
                BaseTypeName = baseType.Name,
                ExtensionDataName = baseType.ExtensionDataName ?? (type.ExtensionDataName is null ? null : Names.Unique(type.ExtensionDataName, taken)),
                DeclaresExtensionData = baseType.ExtensionDataName is null && type.ExtensionDataName is not null,
            };
        }

        foreach (var baseName in _baseTypes.Values.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList())
        {
            if (!index.TryGetValue(baseName, out var b)) continue;
            var descendants = _baseTypes.Keys.Where(t => DerivesFrom(t, baseName) && index.ContainsKey(t))
                .OrderByDescending(Depth).ThenBy(n => n, StringComparer.Ordinal).ToList();
            var baseType = _types[b];
            DiscriminatorSpec? discriminator = null;
            if (_objectSchemas.TryGetValue(baseName, out var info) && info.Schema.Discriminator is { PropertyName: { Length: > 0 } property } d)
            {
                var allowed = new HashSet<string>(descendants, StringComparer.Ordinal);
                var mapping = ExplicitMapping(d, allowed);
                foreach (var descendant in descendants.OrderBy(n => n, StringComparer.Ordinal))
                {
                    if (mapping.Any(m => m.TypeName == descendant) || !_objectSchemas.TryGetValue(descendant, out var derivedInfo)) continue;
                    var value = ExtensionString(derivedInfo.Schema, "x-ms-discriminator-value") ?? derivedInfo.ComponentKey;
                    if (value is not null && mapping.All(m => m.Value != value)) mapping.Add(new DiscriminatorCaseSpec(value, descendant));
                }
                discriminator = new DiscriminatorSpec(property, mapping.ToEquatableArray());
            }
            _types[b] = baseType with { DerivedTypes = descendants.ToEquatableArray(), Discriminator = discriminator };
        }
        InheritDiscriminators(index);
    }

    // ------------------------------------------------------------ schema uses

    /// <summary>Maps a schema use to a C# type, defining inline types as it goes.</summary>
    /// <param name="contextName">The name an inline object, enum or union here gets.</param>
    private TypeRef MapSchema(IOpenApiSchema? schema, string contextName, string pointer, int depth)
    {
        if (schema is null) return TypeRef.Any();
        if (depth > MaxSchemaDepth)
        {
            ReportUnsupported(pointer, $"nesting deeper than {MaxSchemaDepth} levels");
            return TypeRef.Any();
        }
        _cancellationToken.ThrowIfCancellationRequested();

        if (schema is OpenApiSchemaReference reference)
        {
            return MapReference(reference, pointer);
        }

        var nullable = (schema.Type & JsonSchemaType.Null) == JsonSchemaType.Null;
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var shape = ShapeOf(schema);

        if (shape == SchemaShape.Alias && NonNullAlternatives(schema, out var hadNull) is { } alternatives && schema.Properties is not { Count: > 0 })
        {
            // oneOf / anyOf with one alternative besides null: that alternative, nullable.
            if (hadNull) nullable = true;
            if (alternatives.Count == 0) return TypeRef.Any(nullable);
            if (alternatives.Count == 1 && schema.AllOf is not { Count: > 0 })
            {
                var only = MapSchema(alternatives[0].Schema, contextName, $"{pointer}/{AlternativesKeyword(schema)}/{alternatives[0].Index.ToString(CultureInfo.InvariantCulture)}", depth + 1);
                return only.WithNullable(nullable || only.Nullable);
            }
        }
        if (shape == SchemaShape.Union && NonNullAlternatives(schema, out var unionHadNull) is not null && unionHadNull)
        {
            nullable = true;
        }

        if (schema.AllOf is { Count: 1 } single && schema.Properties is not { Count: > 0 })
        {
            var inner = MapSchema(single[0], contextName, pointer + "/allOf/0", depth + 1);
            return inner.WithNullable(nullable || inner.Nullable);
        }

        if (shape != SchemaShape.Alias)
        {
            if (!_inlineTypes.TryGetValue(pointer, out var defined) && shape == SchemaShape.Enum && TryGetEnum(schema, out var isInteger, out var enumValues))
            {
                // Inline enums with the same values are one type (Stripe repeats a 300-value enum in 14 request bodies).
                var key = (isInteger ? "i:" : "s:") + string.Join("\u0001", enumValues.Select(v => v.Wire));
                if (_enumsByValues.TryGetValue(key, out var same))
                {
                    defined = same;
                    _inlineTypes[pointer] = same;
                }
                else
                {
                    var name = UniqueTypeName(Names.Pascal(contextName, "Enum"), schema);
                    defined = new TypeRef(TypeRefKind.Enum, name, null, false);
                    _inlineTypes[pointer] = defined;
                    _enumsByValues[key] = defined;
                    _types.Add(BuildEnum(name, schema, pointer, isInteger, enumValues));
                }
            }
            if (defined is null && shape == SchemaShape.Union) defined = InlineUnion(schema, contextName, pointer, depth);
            if (defined is null)
            {
                var name = UniqueTypeName(Names.Pascal(contextName, shape == SchemaShape.Enum ? "Enum" : "Model"), schema);
                defined = new TypeRef(shape == SchemaShape.Enum ? TypeRefKind.Enum : TypeRefKind.Object, name, null, false);
                _inlineTypes[pointer] = defined;
                DefineType(name, schema, pointer, shape, null, depth);
            }
            return defined.WithNullable(nullable);
        }

        if (schema.Enum is { Count: > 0 } && type is 0 or JsonSchemaType.String or JsonSchemaType.Integer)
        {
            ReportUnsupported(pointer, "an enum whose values do not all fit its type; the base type is used");
        }

        switch (type)
        {
            case JsonSchemaType.String:
                return TypeRef.Primitive(AdaptToFramework(StringType(schema.Format), pointer), nullable);
            case JsonSchemaType.Integer:
                return TypeRef.Primitive(schema.Format switch
                {
                    "int32" => PrimitiveNames.Int32,
                    "unixtime" => PrimitiveNames.UnixTime,
                    _ => PrimitiveNames.Int64,
                }, nullable);
            case JsonSchemaType.Number:
                return TypeRef.Primitive(schema.Format switch
                {
                    "float" => PrimitiveNames.Single,
                    "double" => PrimitiveNames.Double,
                    "decimal" => PrimitiveNames.Decimal,
                    "int32" => PrimitiveNames.Int32,
                    "int64" => PrimitiveNames.Int64,
                    _ => NumberType,
                }, nullable);
            case JsonSchemaType.Boolean:
                return TypeRef.Primitive(PrimitiveNames.Boolean, nullable);
            case JsonSchemaType.Array:
            case 0 when schema.Items is not null:
                var items = MapSchema(schema.Items, contextName + "Item", pointer + "/items", depth + 1);
                return new TypeRef(TypeRefKind.List, "List", items, nullable);
            case JsonSchemaType.Object:
            case 0 when schema.AdditionalProperties is not null:
                var values = schema.AdditionalProperties is { } additional
                    ? MapSchema(additional, contextName + "Value", pointer + "/additionalProperties", depth + 1)
                    : TypeRef.Any();
                return new TypeRef(TypeRefKind.Map, "Dictionary", values, nullable);
            case 0:
                return TypeRef.Any(nullable);
            default:
                // Several non-null types, such as ["string", "integer"].
                ReportUnsupported(pointer, "a list of types");
                return TypeRef.Any(nullable);
        }
    }

    private TypeRef MapReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        var schemas = _document.Components?.Schemas;
        if (reference.Reference is { IsExternal: false } && id is not null && schemas is not null && schemas.ContainsKey(id))
        {
            return ResolveComponent(id);
        }
        var text = reference.Reference?.ReferenceV3 ?? id ?? "?";
        if (_reportedPointers.Add("ref:" + pointer))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, _locator.Locate(pointer + "/$ref"), text));
        }
        return TypeRef.Any();
    }

    private static string RefPointer(OpenApiSchemaReference reference)
        => "#/components/schemas/" + EscapePointer(reference.Reference?.Id ?? "");

    private static string StringType(string? format) => format switch
    {
        "date-time" => PrimitiveNames.DateTimeOffset,
        "date" => PrimitiveNames.DateOnly,
        "time" => PrimitiveNames.TimeOnly,
        "duration" => PrimitiveNames.TimeSpan,
        "uuid" => PrimitiveNames.Guid,
        "uri" => PrimitiveNames.Uri,
        "byte" => PrimitiveNames.Bytes,
        "date-time-rfc1123" => PrimitiveNames.DateTimeRfc1123,
        "base64url" => PrimitiveNames.Base64Url,
        _ => PrimitiveNames.String,
    };

    private void ReportRenamed(string pointer, string wanted, string given)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, _locator.Locate(pointer), wanted, given));

    private void ReportUnsupported(string pointer, string what)
    {
        if (!_reportedPointers.Add(pointer)) return;
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSchema, _locator.Locate(pointer), pointer, what));
    }

    private static string? Describe(IOpenApiSchema? schema)
    {
        var text = schema?.Description;
        if (string.IsNullOrWhiteSpace(text)) text = schema?.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    internal static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
