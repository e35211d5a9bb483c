namespace Apiforge.Generator.Model;

/// <summary>
/// What the consumer's compilation offers that the generated code depends on. Small and equatable: it is read from
/// the compilation on every edit but changes only when the project's target framework or LangVersion does, so the
/// steps that depend on it stay cached.
/// </summary>
/// <param name="LanguageVersion">The C# version as its number times 100 (1100 for C# 11), <see cref="int.MaxValue"/> for preview.</param>
/// <param name="HasRequiredMemberAttributes">RequiredMemberAttribute, CompilerFeatureRequiredAttribute and SetsRequiredMembersAttribute exist (.NET 7+).</param>
/// <param name="HasDateOnly">System.DateOnly and System.TimeOnly exist (.NET 6+).</param>
internal sealed record ConsumerFeatures(int LanguageVersion, bool HasRequiredMemberAttributes, bool HasDateOnly)
{
    /// <summary>The lowest C# version the generated code compiles with (<c>required</c> members, <c>"..."u8</c> literals).</summary>
    public const int MinimumLanguageVersion = 1100;

    /// <summary>A current .NET with the latest C#: what the generator assumes when it cannot tell.</summary>
    public static ConsumerFeatures Latest { get; } = new(int.MaxValue, true, true);

    public bool LanguageVersionSupported => LanguageVersion >= MinimumLanguageVersion;

    /// <summary>The consumer lacks the attributes <c>required</c> needs: the generator adds them, internal to the consumer.</summary>
    public bool NeedsRequiredMemberAttributes => !HasRequiredMemberAttributes;
}
