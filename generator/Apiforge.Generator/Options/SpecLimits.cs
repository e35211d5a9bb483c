using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Apiforge.Generator.Options;

/// <summary>
/// The limits that keep a hostile or broken document from hanging the build, blowing the stack or exhausting memory.
/// Each is OpenApiSpec item metadata (see docs/diagnostics.md); an invalid value is reported as AF0005.
/// </summary>
internal sealed record SpecLimits(int MaxDocumentSize, int MaxNestingDepth, int MaxEnumMembers, int MaxExpandedNodes)
{
    /// <summary>16 Mi characters: four times the largest real document in the corpus (Kubernetes, 4 MB).</summary>
    public const int DefaultMaxDocumentSize = 16 * 1024 * 1024;

    /// <summary>Nesting of mappings and sequences; real documents stay under 25.</summary>
    public const int DefaultMaxNestingDepth = 128;

    /// <summary>Members of one enum; the largest in the corpus has 288.</summary>
    public const int DefaultMaxEnumMembers = 5000;

    /// <summary>Nodes created by YAML aliases and by copying external $ref targets (billion-laughs guard).</summary>
    public const int DefaultMaxExpandedNodes = 100_000;

    public static SpecLimits Default { get; } = new(DefaultMaxDocumentSize, DefaultMaxNestingDepth, DefaultMaxEnumMembers, DefaultMaxExpandedNodes);

    /// <summary>The metadata name and value of the first limit that is not a positive integer, if any.</summary>
    public string? InvalidName { get; init; }

    public string? InvalidValue { get; init; }

    public static SpecLimits Read(AnalyzerConfigOptions fileOptions)
    {
        var limits = Default;
        limits = Apply(limits, fileOptions, "MaxDocumentSize", static (l, v) => l with { MaxDocumentSize = v });
        limits = Apply(limits, fileOptions, "MaxNestingDepth", static (l, v) => l with { MaxNestingDepth = v });
        limits = Apply(limits, fileOptions, "MaxEnumMembers", static (l, v) => l with { MaxEnumMembers = v });
        limits = Apply(limits, fileOptions, "MaxExpandedNodes", static (l, v) => l with { MaxExpandedNodes = v });
        return limits;
    }

    private static SpecLimits Apply(SpecLimits limits, AnalyzerConfigOptions options, string name, Func<SpecLimits, int, SpecLimits> set)
    {
        if (!options.TryGetValue("build_metadata.AdditionalFiles." + name, out var raw) || string.IsNullOrWhiteSpace(raw)) return limits;
        var text = raw.Trim().Replace("_", "");
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) return set(limits, value);
        return limits.InvalidName is null ? limits with { InvalidName = name, InvalidValue = raw.Trim() } : limits;
    }
}
