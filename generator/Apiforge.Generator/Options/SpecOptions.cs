using Microsoft.CodeAnalysis.Diagnostics;

namespace Apiforge.Generator.Options;

/// <summary>The options of one OpenApiSpec item, as raw text; validated by the parser so errors are located.</summary>
internal sealed record SpecOptions(string? Namespace, string? ClientName, string? NumberType, string? RootNamespace)
{
    /// <summary>ErrorTextProperty: a JSON property whose non-empty value in a success response is an error.</summary>
    public string? ErrorTextProperty { get; init; }
    /// <summary>Validation: "false" turns off the client-side checks of parameter and body constraints.</summary>
    public string? Validation { get; init; }
    /// <summary>GroupBy: "Tag" gives one sub-client per first tag; "None" (the default) one flat client.</summary>
    public string? GroupBy { get; init; }
    /// <summary>MissingRequired: "Strict" (the default) fails reading JSON that lacks a required property, "Default" reads it as default/null.</summary>
    public string? MissingRequired { get; init; }
    /// <summary>Limits against hostile input (MaxDocumentSize, MaxNestingDepth, MaxEnumMembers, MaxExpandedNodes metadata).</summary>
    public SpecLimits Limits { get; init; } = SpecLimits.Default;
    /// <summary>What the consumer's compilation offers (target framework, C# version); set by the pipeline.</summary>
    public Model.ConsumerFeatures Features { get; init; } = Model.ConsumerFeatures.Latest;
}

/// <summary>Reads the MSBuild metadata that buildTransitive/Apiforge.Generator.props makes visible to the compiler.</summary>
internal static class SpecOptionsReader
{
    public static bool IsSpec(AnalyzerConfigOptions fileOptions)
        => fileOptions.TryGetValue("build_metadata.AdditionalFiles.ApiforgeSpec", out var value) &&
           string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

    public static SpecOptions Read(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions)
        => new(
            Get(fileOptions, "build_metadata.AdditionalFiles.Namespace"),
            Get(fileOptions, "build_metadata.AdditionalFiles.ClientName"),
            Get(fileOptions, "build_metadata.AdditionalFiles.NumberType"),
            Get(globalOptions, "build_property.RootNamespace"))
        {
            ErrorTextProperty = Get(fileOptions, "build_metadata.AdditionalFiles.ErrorTextProperty"),
            Validation = Get(fileOptions, "build_metadata.AdditionalFiles.Validation"),
            GroupBy = Get(fileOptions, "build_metadata.AdditionalFiles.GroupBy"),
            MissingRequired = Get(fileOptions, "build_metadata.AdditionalFiles.MissingRequired"),
            Limits = SpecLimits.Read(fileOptions),
        };

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
