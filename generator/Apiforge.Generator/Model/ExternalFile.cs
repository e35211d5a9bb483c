namespace Apiforge.Generator.Model;

/// <summary>An AdditionalFile that a spec may refer to with a relative $ref: its full path and text, compared by content.</summary>
internal sealed record ExternalFile(string Path, string Text);
