namespace Apiforge.Generator.Model;

/// <summary>
/// The validation keywords of one schema that the generated client checks before sending. Numbers are kept as
/// the document's invariant text so the model stays equatable and the emitter writes them as literals.
/// </summary>
/// <param name="Items">The constraints of an array's items or a map's values.</param>
internal sealed record ConstraintSpec(
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    string? Minimum,
    bool ExclusiveMinimum,
    string? Maximum,
    bool ExclusiveMaximum,
    string? MultipleOf,
    int? MinItems,
    int? MaxItems,
    bool UniqueItems,
    int? MinProperties,
    int? MaxProperties,
    ConstraintSpec? Items)
{
    public bool HasStringChecks => MinLength is not null || MaxLength is not null || Pattern is not null;

    public bool HasNumberChecks => Minimum is not null || Maximum is not null || MultipleOf is not null;

    public bool HasCountChecks => MinItems is not null || MaxItems is not null || UniqueItems || MinProperties is not null || MaxProperties is not null;
}
