using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Options;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// What every stage of a parse shares (load, repair, map): the file being read and where its positions are, the
/// limits, the cancellation token and the one diagnostics collector.
/// </summary>
internal sealed class ParseContext
{
    public ParseContext(string path, SpecLocator locator, SpecLimits limits, DiagnosticCollector diagnostics, CancellationToken cancellationToken)
    {
        Path = path;
        Locator = locator;
        Limits = limits;
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    /// <summary>The file being read: the spec, or an external file one of its <c>$ref</c>s names.</summary>
    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Turns JSON pointers and offsets in <see cref="Path"/> into locations.</summary>
    public SpecLocator Locator { get; }

    public SpecLimits Limits { get; }

    public DiagnosticCollector Diagnostics { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The same parse reading another file: same limits, cancellation and diagnostics.</summary>
    public ParseContext ForFile(string path, SpecLocator locator) => new(path, locator, Limits, Diagnostics, CancellationToken);

    /// <summary>Reports the first few times <paramref name="rule"/> fires in this file.</summary>
    public void ReportCapped(string rule, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] args)
        => Diagnostics.ReportCapped(Path, rule, descriptor, location, args);
}
