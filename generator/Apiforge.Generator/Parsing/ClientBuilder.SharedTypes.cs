using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Identical inline schemas share one type, as identical inline enums do. Stripe repeats <c>anyOf: [string, Customer]</c>
/// on every expandable field, a range-or-integer <c>created</c> on every list operation, and the same inline address,
/// verification document or person relationship in dozens of request bodies: sharing them removes 235 of its 1,140
/// types, and with them a third of what a consumer's compiler spends on the client.
/// </summary>
internal sealed partial class ClientBuilder
{
    /// <summary>Shared inline types by what defines them (their OpenAPI text), with the description the type got.</summary>
    private readonly Dictionary<string, (TypeRef Type, string? Description)> _inlineTypesByShape = new(StringComparer.Ordinal);

    /// <summary>Shared types whose uses describe them differently: the type is built without a description (each use has its own).</summary>
    private readonly HashSet<string> _typesDescribedDifferently = new(StringComparer.Ordinal);

    /// <summary>
    /// The type of the inline union at <paramref name="pointer"/>: the one an identical union already defined, or a new one.
    /// Nullability is the use's (a <c>null</c> alternative or <c>nullable</c>), not the type's, so it is not part of the key.
    /// </summary>
    private TypeRef InlineUnion(IOpenApiSchema schema, string contextName, string pointer, int depth)
        => SharedInlineType(UnionKey(schema), schema, contextName, pointer, depth, SchemaShape.Union);

    /// <summary>
    /// The type of the inline object at <paramref name="pointer"/>: the one an identical object already defined, or a new
    /// one. Its own description and title are not part of the key (a use describes what it holds); everything inside is.
    /// </summary>
    private TypeRef InlineObject(IOpenApiSchema schema, string contextName, string pointer, int depth)
        => SharedInlineType(ObjectKey(schema), schema, contextName, pointer, depth, SchemaShape.Object);

    private TypeRef SharedInlineType(string? key, IOpenApiSchema schema, string contextName, string pointer, int depth, SchemaShape shape)
    {
        if (key is not null && _inlineTypesByShape.TryGetValue(key, out var shared))
        {
            _inlineTypes[pointer] = shared.Type;
            if (shared.Description != Describe(schema)) _typesDescribedDifferently.Add(shared.Type.Name);
            return shared.Type;
        }
        var name = UniqueTypeName(Names.Pascal(contextName, "Model"), schema);
        var defined = new TypeRef(TypeRefKind.Object, name, null, false);
        _inlineTypes[pointer] = defined;
        // Registered before the members are mapped: an identical schema among them (through a component) is this type.
        if (key is not null) _inlineTypesByShape[key] = (defined, Describe(schema));
        EnqueueType(name, schema, pointer, shape, null, depth);
        return defined;
    }

    /// <summary>A shared type's description: none when its uses describe it differently.</summary>
    private string? SharedDescription(TypeDraft draft)
        => _typesDescribedDifferently.Contains(draft.Name) ? null : Describe(draft.Schema);

    /// <summary>
    /// The union's alternatives, discriminator and deprecation as OpenAPI JSON (references stay <c>$ref</c>s, so equal text
    /// maps to equal types); null when it cannot be written, and such a union is not shared.
    /// </summary>
    private static string? UnionKey(IOpenApiSchema schema)
    {
        var alternatives = NonNullAlternatives(schema, out _);
        if (alternatives is null) return null;
        return KeyText("u", writer =>
        {
            writer.WriteStartArray();
            writer.WriteValue(schema.Deprecated);
            if (schema.Discriminator is { } discriminator) discriminator.SerializeAsV31(writer);
            else writer.WriteNull();
            foreach (var (alternative, _) in alternatives) alternative.SerializeAsV31(writer);
            writer.WriteEndArray();
        });
    }

    /// <summary>The object schema as OpenAPI JSON without its own description and title; null when it cannot be written.</summary>
    private static string? ObjectKey(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema || schema.CreateShallowCopy() is not OpenApiSchema undescribed) return null;
        undescribed.Description = null;
        undescribed.Title = null;
        return KeyText("o", undescribed.SerializeAsV31);
    }

    private static string? KeyText(string kind, Action<OpenApiJsonWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write(kind);
        var writer = new OpenApiJsonWriter(text);
        try
        {
            write(writer);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
        return text.ToString();
    }
}
