using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Schema uses to C# types: an ordered list of shapes (<see cref="s_schemaShapes"/>), each a small <c>TryMap…</c>; the
/// first that fits maps the use. To support a new keyword, add a builder where it must win over the ones after it.
/// </summary>
internal sealed partial class ClientBuilder
{
    /// <summary>One use of a schema (a property, an item, a body, an alternative) and what every shape asks of it.</summary>
    private sealed class SchemaUse
    {
        public SchemaUse(ClientBuilder builder, IOpenApiSchema schema, string contextName, string pointer, int depth)
        {
            Schema = schema;
            ContextName = contextName;
            Pointer = pointer;
            Depth = depth;
            if (schema is OpenApiSchemaReference) return;
            Nullable = (schema.Type & JsonSchemaType.Null) == JsonSchemaType.Null;
            Type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
            Shape = builder.ShapeOf(schema);
            Alternatives = NonNullAlternatives(schema, out var hadNull);
            // {oneOf: [X, {type: null}]} is a nullable X, and a union with a null alternative a nullable union.
            if (hadNull && (Shape == SchemaShape.Union || Shape == SchemaShape.Alias && schema.Properties is not { Count: > 0 })) Nullable = true;
        }

        public IOpenApiSchema Schema { get; }

        /// <summary>The name an inline object, enum or union defined here gets.</summary>
        public string ContextName { get; }

        public string Pointer { get; }

        public int Depth { get; }

        /// <summary>The JSON type without <c>null</c>; 0 when the schema gives none.</summary>
        public JsonSchemaType Type { get; }

        public bool Nullable { get; }

        public SchemaShape Shape { get; } = SchemaShape.Alias;

        /// <summary>The oneOf/anyOf alternatives besides <c>{type: null}</c>; null when there is no oneOf/anyOf.</summary>
        public List<(IOpenApiSchema Schema, int Index)>? Alternatives { get; }
    }

    private delegate bool SchemaShapeBuilder(ClientBuilder builder, SchemaUse use, out TypeRef type);

    /// <summary>The shapes a schema use can take, in the order they are tried; a use none fits has several types.</summary>
    private static readonly SchemaShapeBuilder[] s_schemaShapes =
    {
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapReference(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapNullableAlternative(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapSingleAllOf(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapNamedType(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.ReportUnfitEnum(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapPrimitive(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapArray(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapMap(use, out type),
        static (ClientBuilder b, SchemaUse use, out TypeRef type) => b.TryMapUntyped(use, out type),
    };

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

        var use = new SchemaUse(this, schema, contextName, pointer, depth);
        foreach (var tryMap in s_schemaShapes)
        {
            if (tryMap(this, use, out var type)) return type;
        }
        return MapTypeList(use);
    }

    /// <summary><c>$ref</c> to a component: its type (or what it aliases).</summary>
    private bool TryMapReference(SchemaUse use, out TypeRef type)
    {
        type = use.Schema is OpenApiSchemaReference reference ? MapReference(reference, use.Pointer) : null!;
        return type is not null;
    }

    /// <summary>oneOf / anyOf with one alternative besides null: that alternative, nullable; with none, any JSON.</summary>
    private bool TryMapNullableAlternative(SchemaUse use, out TypeRef type)
    {
        type = null!;
        if (use.Shape != SchemaShape.Alias || use.Alternatives is not { } alternatives || use.Schema.Properties is { Count: > 0 }) return false;
        if (alternatives.Count == 0)
        {
            type = TypeRef.Any(use.Nullable);
            return true;
        }
        if (alternatives.Count != 1 || use.Schema.AllOf is { Count: > 0 }) return false;
        var (only, index) = alternatives[0];
        var mapped = MapSchema(only, use.ContextName, $"{use.Pointer}/{AlternativesKeyword(use.Schema)}/{index.ToString(CultureInfo.InvariantCulture)}", use.Depth + 1);
        type = mapped.WithNullable(use.Nullable || mapped.Nullable);
        return true;
    }

    /// <summary><c>allOf</c> with one member and nothing beside it: that member.</summary>
    private bool TryMapSingleAllOf(SchemaUse use, out TypeRef type)
    {
        type = null!;
        if (use.Schema.AllOf is not { Count: 1 } single || use.Schema.Properties is { Count: > 0 }) return false;
        var inner = MapSchema(single[0], use.ContextName, use.Pointer + "/allOf/0", use.Depth + 1);
        type = inner.WithNullable(use.Nullable || inner.Nullable);
        return true;
    }

    /// <summary>
    /// An inline enum, union or object: a type of its own, named after where it is used, defined once per schema
    /// (a schema reached twice through allOf), and once per definition: identical inline enums, unions and objects share one
    /// type (<see cref="InlineObject"/>).
    /// </summary>
    private bool TryMapNamedType(SchemaUse use, out TypeRef type)
    {
        type = null!;
        var (schema, pointer, shape) = (use.Schema, use.Pointer, use.Shape);
        if (shape == SchemaShape.Alias) return false;
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
                var name = UniqueTypeName(Names.Pascal(use.ContextName, "Enum"), schema);
                defined = new TypeRef(TypeRefKind.Enum, name, null, false);
                _inlineTypes[pointer] = defined;
                _enumsByValues[key] = defined;
                EnqueueType(name, schema, pointer, shape, null, use.Depth);
            }
        }
        if (defined is null && shape == SchemaShape.Union) defined = InlineUnion(schema, use.ContextName, pointer, use.Depth);
        if (defined is null && shape == SchemaShape.Object) defined = InlineObject(schema, use.ContextName, pointer, use.Depth);
        if (defined is null)
        {
            var name = UniqueTypeName(Names.Pascal(use.ContextName, shape == SchemaShape.Enum ? "Enum" : "Model"), schema);
            defined = new TypeRef(shape == SchemaShape.Enum ? TypeRefKind.Enum : TypeRefKind.Object, name, null, false);
            _inlineTypes[pointer] = defined;
            EnqueueType(name, schema, pointer, shape, null, use.Depth);
        }
        type = defined.WithNullable(use.Nullable);
        return true;
    }

    /// <summary>Not a shape: an enum whose values do not fit its type is reported, and its base type used.</summary>
    private bool ReportUnfitEnum(SchemaUse use, out TypeRef type)
    {
        type = null!;
        if (use.Schema.Enum is { Count: > 0 } && use.Type is 0 or JsonSchemaType.String or JsonSchemaType.Integer)
        {
            ReportUnsupported(use.Pointer, "an enum whose values do not all fit its type; the base type is used");
        }
        return false;
    }

    private bool TryMapPrimitive(SchemaUse use, out TypeRef type)
    {
        type = null!;
        if (use.Type is not (JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean)) return false;
        var primitive = PrimitiveOf(use.Type, use.Schema.Format);
        type = TypeRef.Primitive(use.Type == JsonSchemaType.String ? AdaptToFramework(primitive, use.Pointer) : primitive, use.Nullable);
        return true;
    }

    /// <summary>The C# primitive for a JSON type and format: the one place a format becomes a type.</summary>
    private string PrimitiveOf(JsonSchemaType type, string? format) => type switch
    {
        JsonSchemaType.String => format switch
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
        },
        JsonSchemaType.Integer => format switch
        {
            "int32" => PrimitiveNames.Int32,
            "unixtime" => PrimitiveNames.UnixTime,
            _ => PrimitiveNames.Int64,
        },
        JsonSchemaType.Number => format switch
        {
            "float" => PrimitiveNames.Single,
            "double" => PrimitiveNames.Double,
            "decimal" => PrimitiveNames.Decimal,
            "int32" => PrimitiveNames.Int32,
            "int64" => PrimitiveNames.Int64,
            _ => NumberType,
        },
        _ => PrimitiveNames.Boolean,
    };

    /// <summary><c>type: array</c>, or <c>items</c> without a type: a list.</summary>
    private bool TryMapArray(SchemaUse use, out TypeRef type)
    {
        type = null!;
        if (!(use.Type == JsonSchemaType.Array || use.Type == 0 && use.Schema.Items is not null)) return false;
        var items = MapSchema(use.Schema.Items, use.ContextName + "Item", use.Pointer + "/items", use.Depth + 1);
        type = new TypeRef(TypeRefKind.List, "List", items, use.Nullable);
        return true;
    }

    /// <summary><c>type: object</c> without properties, or <c>additionalProperties</c> without a type: a dictionary.</summary>
    private bool TryMapMap(SchemaUse use, out TypeRef type)
    {
        type = null!;
        if (!(use.Type == JsonSchemaType.Object || use.Type == 0 && use.Schema.AdditionalProperties is not null)) return false;
        var values = use.Schema.AdditionalProperties is { } additional
            ? MapSchema(additional, use.ContextName + "Value", use.Pointer + "/additionalProperties", use.Depth + 1)
            : TypeRef.Any();
        type = new TypeRef(TypeRefKind.Map, "Dictionary", values, use.Nullable);
        return true;
    }

    /// <summary>No type: any JSON.</summary>
    private bool TryMapUntyped(SchemaUse use, out TypeRef type)
    {
        type = use.Type == 0 ? TypeRef.Any(use.Nullable) : null!;
        return type is not null;
    }

    /// <summary>Several non-null types, such as <c>["string", "integer"]</c>: any JSON, reported.</summary>
    private TypeRef MapTypeList(SchemaUse use)
    {
        ReportUnsupported(use.Pointer, "a list of types");
        return TypeRef.Any(use.Nullable);
    }
}
