using Apiforge.Generator.Options;

namespace Apiforge.Generator.Model;

/// <summary>One spec file with its options: the pipeline's input, compared by content.</summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options)
{
    /// <summary>The other AdditionalFiles this spec refers to (transitively) with external $refs.</summary>
    public EquatableArray<ExternalFile> ExternalFiles { get; init; } = EquatableArray<ExternalFile>.Empty;
}

/// <summary>What parsing one spec gives: a client to emit (unless the document is unusable) and diagnostics.</summary>
internal sealed record ParseResult(string Path, ClientSpec? Client, EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics);
