using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>The MissingRequired option of an OpenApiSpec item: Strict (the default) or Default.</summary>
public class MissingRequiredOptionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: accounts, version: "1" }
        paths: {}
        components:
          schemas:
            Account:
              type: object
              required: [id, ctaContact]
              properties:
                id: { type: integer, format: int64 }
                ctaContact: { type: string }
        """;

    private static GenerationResult Run(string? value)
        => GeneratorHarness.Run(new SpecFile("/specs/accounts.yaml", Spec,
            Metadata: value is null ? null : new Dictionary<string, string> { ["MissingRequired"] = value }));

    [Fact]
    public void An_invalid_value_is_AF0005_naming_the_option_and_the_values()
    {
        var result = Run("Lenient");
        var d = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("AF0005", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("MissingRequired", message, StringComparison.Ordinal);
        Assert.Contains("'Lenient'", message, StringComparison.Ordinal);
        Assert.Contains("'Strict' or 'Default'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("Account", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Strict", true)]
    [InlineData("strict", true)]
    [InlineData("Default", false)]
    [InlineData("default", false)]
    public void Strict_checks_presence_and_Default_does_not(string? value, bool checks)
    {
        var result = Run(value);
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        var source = result.Source("Models.Account.g.cs");
        // The property table lists the required properties after the names; the reader checks them once at the end.
        Assert.Equal(checks, System.Text.RegularExpressions.Regex.IsMatch(source, @"s_names = new\(""Account"", new\[\] \{[^}]*""ctaContact""[^}]*\}, \d"));
        Assert.Equal(checks, source.Contains("s_names.ThrowIfMissing(ref reader, seen);", StringComparison.Ordinal));
    }
}
