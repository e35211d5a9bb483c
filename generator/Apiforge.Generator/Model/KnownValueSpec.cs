namespace Apiforge.Generator.Model;

/// <summary>
/// The value a required property has when an answer leaves it out, because only one value is possible: the
/// discriminator value of the type being read (an answer without its discriminator is the declared type), or the
/// one member of a single-value enum (AutoRest's constants).
/// </summary>
internal sealed record KnownValueSpec(string JsonName, string WireValue);
