using Apiforge.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Apiforge.Generator;

/// <summary>Reads <see cref="ConsumerFeatures"/> from the consumer's compilation.</summary>
internal static class ConsumerFeaturesReader
{
    public static ConsumerFeatures Read(Compilation compilation)
    {
        var languageVersion = compilation is CSharpCompilation csharp ? Number(csharp.LanguageVersion) : int.MaxValue;
        var hasRequired =
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null &&
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is not null &&
            compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute") is not null;
        var hasDateOnly =
            compilation.GetTypeByMetadataName("System.DateOnly") is not null &&
            compilation.GetTypeByMetadataName("System.TimeOnly") is not null;
        return new ConsumerFeatures(languageVersion, hasRequired, hasDateOnly);
    }

    /// <summary>AF0101 instead of a client when the project's C# version is below what the generated code needs; null otherwise.</summary>
    public static ParseResult? Unsupported(SpecInput input)
    {
        var features = input.Options.Features;
        if (features.LanguageVersionSupported) return null;
        var fileStart = new Diagnostics.SpecLocation(input.Path, 0, 0, 0, 0, 0, 0);
        var diagnostic = Diagnostics.DiagnosticInfo.Create(
            Diagnostics.DiagnosticDescriptors.LanguageVersionTooLow, fileStart,
            Display(features.LanguageVersion), System.IO.Path.GetFileName(input.Path), Display(ConsumerFeatures.MinimumLanguageVersion));
        return new ParseResult(input.Path, null, new EquatableArray<Diagnostics.DiagnosticInfo>(new[] { diagnostic }));
    }

    /// <summary>C# 7.3 → 703, C# 11 → 1100; preview and anything newer than this Roslyn knows → the largest.</summary>
    private static int Number(LanguageVersion version)
    {
        var effective = version.MapSpecifiedToEffectiveVersion();
        if (effective == LanguageVersion.Preview) return int.MaxValue;
        var n = (int)effective;
        // The enum is 1..7 for C# 1-7, then 701, 702, 703, 800, 900, 1000, 1100, 1200.
        return n < 100 ? n * 100 : n;
    }

    /// <summary>The C# version as people write it in LangVersion (703 → "7.3", 1000 → "10").</summary>
    public static string Display(int version)
        => version == int.MaxValue ? "preview" : version % 100 == 0 ? (version / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : (version / 100) + "." + (version % 100);
}
