using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Identical inline objects (the same OpenAPI text but for their own description and title) are one type, named after
/// the first use; objects that differ in anything inside stay apart.
/// </summary>
public class SharedObjectTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: shared, version: "1" }
        paths:
          /people:
            post:
              operationId: createPerson
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        address:
                          description: Where the person lives.
                          type: object
                          required: [line1]
                          properties:
                            line1: { type: string, maxLength: 200, description: The street. }
                            city: { type: string }
              responses:
                "204": { description: ok }
          /owners:
            post:
              operationId: createOwner
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        address:
                          description: Where the owner can be reached.
                          type: object
                          required: [line1]
                          properties:
                            line1: { type: string, maxLength: 200, description: The street. }
                            city: { type: string }
                        billing:
                          type: object
                          required: [line1]
                          properties:
                            line1: { type: string, maxLength: 200, description: The street. }
                            city: { type: string }
                        shipping:
                          type: object
                          properties:
                            line1: { type: string, maxLength: 200, description: The street. }
                            city: { type: string }
                        postal:
                          type: object
                          required: [line1]
                          properties:
                            line1: { type: string, maxLength: 200, description: The road. }
                            city: { type: string }
                        legal:
                          type: object
                          required: [line1]
                          properties:
                            line1: { type: string, maxLength: 200, description: The street. }
                            city: { type: integer }
              responses:
                "204": { description: ok }
        """;

    private static GenerationResult Run() => GeneratorHarness.Run(new SpecFile("/specs/shared.yaml", Spec));

    private static ITypeSymbol PropertyType(Compilation compilation, string type, string property)
        => compilation.GetTypeByMetadataName("Acme." + type)!.GetMembers(property).OfType<IPropertySymbol>().Single().Type;

    [Fact]
    public void Identical_inline_objects_share_the_type_of_the_first_use()
    {
        var result = Run();
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        var first = PropertyType(result.Output, "CreatePersonRequest", "Address");
        Assert.Equal("CreatePersonRequestAddress", first.Name);
        Assert.True(SymbolEqualityComparer.Default.Equals(first, PropertyType(result.Output, "CreateOwnerRequest", "Address")));
        // A use without a description of its own is the same object too.
        Assert.True(SymbolEqualityComparer.Default.Equals(first, PropertyType(result.Output, "CreateOwnerRequest", "Billing")));
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("CreateOwnerRequestAddress", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("CreateOwnerRequestBilling", StringComparison.Ordinal));
    }

    [Fact]
    public void Objects_that_differ_inside_stay_apart()
    {
        var result = Run();
        var first = PropertyType(result.Output, "CreatePersonRequest", "Address");
        // Shipping: line1 not required; Postal: a property described differently; Legal: city an integer.
        foreach (var property in new[] { "Shipping", "Postal", "Legal" })
        {
            Assert.False(SymbolEqualityComparer.Default.Equals(first, PropertyType(result.Output, "CreateOwnerRequest", property)), property);
        }
    }

    [Fact]
    public void A_shared_object_described_differently_by_its_uses_keeps_no_description_and_each_property_its_own()
    {
        var result = Run();
        var shared = result.Source("Models.CreatePersonRequestAddress.g.cs");
        Assert.DoesNotContain("Where the person lives.", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("Where the owner can be reached.", shared, StringComparison.Ordinal);
        Assert.Contains("The street.", shared, StringComparison.Ordinal);
        Assert.Contains("Where the person lives.", result.Source("Models.CreatePersonRequest.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Where the owner can be reached.", result.Source("Models.CreateOwnerRequest.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_checks_the_shared_type_once_for_every_use()
    {
        var validator = Run().Source("Acme.SharedClientValidator.g.cs");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(validator, @"void ValidateCreatePersonRequestAddress\(").Cast<object>());
        Assert.Contains("ValidateCreatePersonRequestAddress(value.Billing,", validator, StringComparison.Ordinal);
    }
}
