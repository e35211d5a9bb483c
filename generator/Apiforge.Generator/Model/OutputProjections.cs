using System;

namespace Apiforge.Generator.Model;

/// <summary>
/// What each client-level output reads of a <see cref="ClientSpec"/>, as a value the pipeline compares before it emits.
/// </summary>
/// <remarks>
/// <para>
/// The caching contract: an output registered on a projection is emitted again only when the projection changes, so
/// a projection must keep everything its emitter reads (or the output would be stale) and should drop everything else
/// (or an edit the output does not show re-emits it). Each output's file is large (the client of the partner document
/// is hundreds of kilobytes), and the IDE re-runs these on every keystroke in the document.
/// </para>
/// <para>
/// A projection is a <see cref="ClientSpec"/> with what its emitter does not read blanked, rather than a type of its
/// own, so the emitters keep their signature. <c>OutputProjectionTests</c> holds them honest: each emitter writes the
/// same text from its projection as from the whole spec, for the partner document and corpus documents.
/// Schema documentation (type, property and enum member descriptions) is read by the type's own output only
/// (<see cref="TypeOutputSpec"/>), which is why a description edit on a schema re-emits one file.
/// </para>
/// </remarks>
internal static class OutputProjections
{
    /// <summary>
    /// The client (<c>I{Client}</c>, <c>{Client}</c>): operations with their documentation, security, the JSON context's
    /// property names, and of the types only their shape (which of them the client validates before sending).
    /// </summary>
    public static ClientSpec ForClient(ClientSpec client) => client with { Types = Undocumented(client.Types) };

    /// <summary>
    /// The JSON context (<c>{Client}JsonContext</c>): the names and the JSON types it exposes, nothing else. Narrower
    /// than <see cref="ForClient"/>: the same from the whole spec or from the client projection.
    /// </summary>
    public static ClientSpec ForJsonContext(ClientSpec client) => client with
    {
        Description = null,
        DefaultBaseAddress = null,
        Types = EquatableArray<TypeSpec>.Empty,
        Operations = EquatableArray<OperationSpec>.Empty,
        SecuritySchemes = EquatableArray<SecuritySchemeSpec>.Empty,
        ErrorTextProperty = null,
        SentTypes = EquatableArray<string>.Empty,
    };

    /// <summary>
    /// The validator (<c>{Client}Validator</c>): the types' shapes and constraints, and which of them the operations send;
    /// no operation, no documentation.
    /// Narrower than <see cref="ForClient"/>: the same from the whole spec or from the client projection.
    /// </summary>
    public static ClientSpec ForValidator(ClientSpec client) => client with
    {
        Description = null,
        DefaultBaseAddress = null,
        Types = Undocumented(client.Types),
        Operations = EquatableArray<OperationSpec>.Empty,
        JsonTypes = EquatableArray<JsonTypeInfoSpec>.Empty,
        SecuritySchemes = EquatableArray<SecuritySchemeSpec>.Empty,
        ErrorTextProperty = null,
    };

    /// <summary>
    /// The types without their documentation. A type with nothing to blank is kept as it is, and so is the array when
    /// no type changed, so projecting a projection again (the validator's is taken from the client's) allocates nothing.
    /// </summary>
    private static EquatableArray<TypeSpec> Undocumented(EquatableArray<TypeSpec> types)
    {
        TypeSpec[]? blanked = null;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (!IsDocumented(type)) continue;
            if (blanked is null)
            {
                blanked = new TypeSpec[types.Count];
                for (var j = 0; j < i; j++) blanked[j] = types[j];
            }
            blanked[i] = type with
            {
                Description = null,
                Properties = Blank(type.Properties, static p => p.Description is null ? p : p with { Description = null }),
                Members = Blank(type.Members, static m => m.Description is null ? m : m with { Description = null }),
            };
        }
        if (blanked is null) return types;
        for (var i = 0; i < types.Count; i++) blanked[i] ??= types[i];
        return new EquatableArray<TypeSpec>(blanked);
    }

    private static bool IsDocumented(TypeSpec type)
    {
        if (type.Description is not null) return true;
        foreach (var property in type.Properties)
        {
            if (property.Description is not null) return true;
        }
        foreach (var member in type.Members)
        {
            if (member.Description is not null) return true;
        }
        return false;
    }

    private static EquatableArray<T> Blank<T>(EquatableArray<T> items, Func<T, T> blank)
        where T : class, IEquatable<T>
    {
        T[]? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = blank(items[i]);
            if (ReferenceEquals(item, items[i]) && result is null) continue;
            if (result is null)
            {
                result = new T[items.Count];
                for (var j = 0; j < i; j++) result[j] = items[j];
            }
            result[i] = item;
        }
        return result is null ? items : new EquatableArray<T>(result);
    }
}
