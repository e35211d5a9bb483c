using System;
using System.Runtime.CompilerServices;
using Apiforge.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Apiforge.Generator;

/// <summary>Reads <see cref="ConsumerFeatures"/> from the consumer's compilation.</summary>
/// <remarks>
/// The pipeline runs this on every edit of any C# file, so it must not cost in proportion to the project. A plain
/// <c>Compilation.GetTypeByMetadataName</c> does: it merges (and sorts) the declarations of every syntax tree of the
/// new compilation (most of the generator's time per keystroke in a project of 2,000 files). The types are found in
/// two halves instead: in the referenced assemblies, remembered per <see cref="MetadataReference"/> (the same objects
/// from one edit to the next, until the project's references change), and in source (a polyfill), by a syntax
/// provider that looks again only at the trees an edit changed. One difference: a type that two references declare
/// counts as there, where <c>GetTypeByMetadataName</c> answered null for the ambiguity.
/// </remarks>
internal static class ConsumerFeaturesReader
{
    /// <summary>The types the generated code depends on, one bit each in a <see cref="TypeSet"/>.</summary>
    private static readonly string[] s_probedTypes =
    {
        "System.Runtime.CompilerServices.RequiredMemberAttribute",
        "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute",
        "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
        "System.DateOnly",
        "System.TimeOnly",
        Emitting.DependencyInjectionEmitter.MarkerType,
    };

    private const int RequiredMemberAttributes = 0b000111;
    private const int DateOnlyAndTimeOnly = 0b011000;
    private const int HttpClientFactoryMarker = 0b100000;

    private static readonly ConditionalWeakTable<MetadataReference, StrongBox<int>> s_referencedTypes = new();

    /// <summary>The probed types a set of assemblies or source files declares, one bit each.</summary>
    internal readonly record struct TypeSet(int Bits)
    {
        public TypeSet Union(TypeSet other) => new(Bits | other.Bits);

        public bool HasAll(int bits) => (Bits & bits) == bits;
    }

    /// <summary>What the compilation itself tells: its C# version, and which probed types its references declare.</summary>
    internal readonly record struct CompilationFacts(int LanguageVersion, TypeSet Referenced);

    public static CompilationFacts ReadCompilation(Compilation compilation)
    {
        var languageVersion = compilation is CSharpCompilation csharp ? Number(csharp.LanguageVersion) : int.MaxValue;
        var bits = 0;
        foreach (var reference in compilation.References)
        {
            if (!s_referencedTypes.TryGetValue(reference, out var declared))
            {
                declared = s_referencedTypes.GetValue(reference, r => new StrongBox<int>(DeclaredIn(compilation, r)));
            }
            bits |= declared.Value;
        }
        return new CompilationFacts(languageVersion, new TypeSet(bits));
    }

    private static int DeclaredIn(Compilation compilation, MetadataReference reference)
    {
        var assembly = compilation.GetAssemblyOrModuleSymbol(reference) switch
        {
            IAssemblySymbol a => a,
            IModuleSymbol m => m.ContainingAssembly,
            _ => null,
        };
        if (assembly is null) return 0;
        var bits = 0;
        for (var i = 0; i < s_probedTypes.Length; i++)
        {
            if (assembly.GetTypeByMetadataName(s_probedTypes[i]) is not null) bits |= 1 << i;
        }
        return bits;
    }

    /// <summary>The syntax provider's cheap filter: a top-level type named like one of the probed types.</summary>
    public static bool MayDeclareProbedType(SyntaxNode node)
        => node is BaseTypeDeclarationSyntax { Parent: BaseNamespaceDeclarationSyntax or CompilationUnitSyntax } type &&
           (type is not TypeDeclarationSyntax { TypeParameterList: not null }) &&
           Array.Exists(s_probedTypes, name => EndsWithSimpleName(name, type.Identifier.ValueText));

    /// <summary>Which probed type <paramref name="node"/> (passed by <see cref="MayDeclareProbedType"/>) declares, by its namespace.</summary>
    public static TypeSet DeclaredBy(SyntaxNode node)
    {
        var type = (BaseTypeDeclarationSyntax)node;
        var fullName = type.Identifier.ValueText;
        for (var parent = type.Parent; parent is BaseNamespaceDeclarationSyntax ns; parent = parent.Parent)
        {
            fullName = ns.Name.ToString().Replace(" ", "") + "." + fullName;
        }
        var index = Array.IndexOf(s_probedTypes, fullName);
        return new TypeSet(index < 0 ? 0 : 1 << index);
    }

    public static ConsumerFeatures Features(CompilationFacts compilation, TypeSet declaredInSource)
    {
        var types = compilation.Referenced.Union(declaredInSource);
        return new ConsumerFeatures(compilation.LanguageVersion, types.HasAll(RequiredMemberAttributes), types.HasAll(DateOnlyAndTimeOnly));
    }

    /// <summary>services.Add{Client}() is generated only when the consumer references Microsoft.Extensions.Http.</summary>
    public static bool HasHttpClientFactory(CompilationFacts compilation, TypeSet declaredInSource)
        => compilation.Referenced.Union(declaredInSource).HasAll(HttpClientFactoryMarker);

    private static bool EndsWithSimpleName(string fullName, string simpleName)
        => fullName.Length > simpleName.Length && fullName[fullName.Length - simpleName.Length - 1] == '.' &&
           string.CompareOrdinal(fullName, fullName.Length - simpleName.Length, simpleName, 0, simpleName.Length) == 0;

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
