using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>String enums (extensible structs) can be switched on through their nested <c>Known</c> enum, with the compiler checking exhaustiveness.</summary>
public class SwitchableEnumTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: permissions, version: "1" }
        paths: {}
        components:
          schemas:
            TradingPermissionStatus:
              type: string
              enum: [Approved, AwaitingSignature, Declined, Known, KnownValue]
        """;

    private static IReadOnlyList<Diagnostic> Compile(string arms, params string[] suppressed)
    {
        var consumer = $$"""
            namespace Consumer
            {
                using Acme;

                /// <summary>A consumer.</summary>
                public static class Marker
                {
                    /// <summary>Describes a status.</summary>
                    /// <param name="status">The status.</param>
                    /// <returns>Text.</returns>
                    public static string Describe(TradingPermissionStatus status) => status.KnownValue switch
                    {
                        {{arms}}
                    };

                    /// <summary>A case label, which the static properties cannot be (CS9135).</summary>
                    /// <param name="status">The status.</param>
                    /// <returns>Whether it is approved.</returns>
                    public static bool IsApproved(TradingPermissionStatus status)
                    {
                        switch (status.KnownValue)
                        {
                            case TradingPermissionStatus.Known.Approved:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
            }
            """;
        var result = GeneratorHarness.Run(new[] { new SpecFile("/specs/permissions.yaml", Spec) }, consumer);
        return result.CompileDiagnostics().Where(d => !suppressed.Contains(d.Id)).ToList();
    }

    private const string AllArms = """
        TradingPermissionStatus.Known.Approved => "approved",
        TradingPermissionStatus.Known.AwaitingSignature => "awaiting",
        TradingPermissionStatus.Known.Declined => "declined",
        TradingPermissionStatus.Known.Known2 => "known",
        TradingPermissionStatus.Known.KnownValue2 => "known value",
        null => "unknown: " + status.Value,
        """;

    [Fact]
    public void A_switch_over_every_known_value_and_null_is_exhaustive()
    {
        // C# warns CS8524 on any enum switch without a discard (an unnamed value such as (Known)42 could exist); KnownValue
        // never returns one, so a project that switches this way turns CS8524 off, and nothing else is reported.
        var diagnostics = Compile(AllArms);
        Assert.All(diagnostics, d => Assert.Equal("CS8524", d.Id));
        Assert.Empty(Compile(AllArms, "CS8524"));
    }

    [Fact]
    public void A_switch_missing_a_known_value_is_CS8509()
    {
        var diagnostics = Compile(AllArms.Replace("TradingPermissionStatus.Known.Declined => \"declined\",", "", StringComparison.Ordinal), "CS8524");
        var missing = Assert.Single(diagnostics);
        Assert.Equal("CS8509", missing.Id);
        Assert.Contains("Declined", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_named_like_the_nested_enum_or_its_property_are_renamed()
    {
        // Known and KnownValue are reserved like Value and IsKnown: such wire values get a number, as any clash does.
        var result = GeneratorHarness.Run(new SpecFile("/specs/permissions.yaml", Spec));
        var source = result.Source("Models.TradingPermissionStatus.g.cs");
        Assert.Contains("public static TradingPermissionStatus Known2 => new(\"Known\");", source, StringComparison.Ordinal);
        Assert.Contains("public static TradingPermissionStatus KnownValue2 => new(\"KnownValue\");", source, StringComparison.Ordinal);
        Assert.Contains("Known2,", source, StringComparison.Ordinal);
        Assert.Contains("KnownValue2,", source, StringComparison.Ordinal);
        CompileTests.AssertCompilesCleanly(result);
    }
}
