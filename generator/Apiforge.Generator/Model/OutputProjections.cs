using System.Linq;

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

    /// <summary>The JSON context (<c>{Client}JsonContext</c>): the names and the JSON types it exposes, nothing else.</summary>
    public static ClientSpec ForJsonContext(ClientSpec client) => client with
    {
        Description = null,
        DefaultBaseAddress = null,
        Types = EquatableArray<TypeSpec>.Empty,
        Operations = EquatableArray<OperationSpec>.Empty,
        SecuritySchemes = EquatableArray<SecuritySchemeSpec>.Empty,
        ErrorTextProperty = null,
    };

    /// <summary>The validator (<c>{Client}Validator</c>): the types' shapes and constraints; no operation, no documentation.</summary>
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

    private static EquatableArray<TypeSpec> Undocumented(EquatableArray<TypeSpec> types)
        => types.Select(static type => type with
        {
            Description = null,
            Properties = type.Properties.Select(static p => p with { Description = null }).ToEquatableArray(),
            Members = type.Members.Select(static m => m with { Description = null }).ToEquatableArray(),
        }).ToEquatableArray();
}
