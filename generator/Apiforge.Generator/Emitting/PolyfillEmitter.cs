namespace Apiforge.Generator.Emitting;

/// <summary>
/// The attributes C# 11's <c>required</c> members need, for consumers whose framework lacks them (netstandard2.0,
/// .NET Framework, .NET 6): internal to the consumer's assembly, so they never clash with another assembly's copy.
/// </summary>
internal static class PolyfillEmitter
{
    public const string HintName = "Apiforge.RequiredMemberAttributes.g.cs";

    public static string EmitRequiredMemberAttributes() => CSharp.Header + """

        namespace System.Runtime.CompilerServices
        {
            /// <summary>Marks a type that has required members (C# 11); added by Apiforge because the target framework lacks it.</summary>
            [global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct | global::System.AttributeTargets.Field | global::System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
            internal sealed class RequiredMemberAttribute : global::System.Attribute
            {
            }

            /// <summary>Names a compiler feature a member needs (C# 11); added by Apiforge because the target framework lacks it.</summary>
            [global::System.AttributeUsage(global::System.AttributeTargets.All, AllowMultiple = true, Inherited = false)]
            internal sealed class CompilerFeatureRequiredAttribute : global::System.Attribute
            {
                /// <summary>The feature.</summary>
                /// <param name="featureName">Its name.</param>
                public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;

                /// <summary>The feature's name.</summary>
                public string FeatureName { get; }

                /// <summary>Whether a compiler that does not know the feature may ignore it.</summary>
                public bool IsOptional { get; set; }
            }
        }

        namespace System.Diagnostics.CodeAnalysis
        {
            /// <summary>The constructor sets all required members (C# 11); added by Apiforge because the target framework lacks it.</summary>
            [global::System.AttributeUsage(global::System.AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
            internal sealed class SetsRequiredMembersAttribute : global::System.Attribute
            {
            }
        }

        """;
}
