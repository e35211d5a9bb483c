using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>Identical inline unions (same alternatives in the same order, same discriminator) are one type.</summary>
public class SharedUnionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: shared, version: "1" }
        paths: {}
        components:
          schemas:
            Customer:
              type: object
              properties: { id: { type: string }, email: { type: string } }
            Charge:
              type: object
              properties:
                customer:
                  description: The customer charged.
                  anyOf: [ { type: string, maxLength: 5000 }, { $ref: "#/components/schemas/Customer" } ]
                created:
                  anyOf:
                    - { type: object, title: range, properties: { gt: { type: integer }, lt: { type: integer } } }
                    - { type: integer }
            Invoice:
              type: object
              properties:
                customer:
                  description: The customer billed.
                  nullable: true
                  anyOf: [ { type: string, maxLength: 5000 }, { $ref: "#/components/schemas/Customer" } ]
                created:
                  anyOf:
                    - { type: object, title: range, properties: { gt: { type: integer }, lt: { type: integer } } }
                    - { type: integer }
                payer:
                  anyOf: [ { $ref: "#/components/schemas/Customer" }, { type: string, maxLength: 5000 } ]
                buyer:
                  anyOf: [ { type: string, maxLength: 100 }, { $ref: "#/components/schemas/Customer" } ]
            Refund:
              type: object
              properties:
                customer:
                  anyOf: [ { type: string, maxLength: 5000 }, { $ref: "#/components/schemas/Customer" } ]
                  discriminator: { propertyName: kind }
        """;

    private static GenerationResult Run() => GeneratorHarness.Run(new SpecFile("/specs/shared.yaml", Spec));

    private static ITypeSymbol PropertyType(Compilation compilation, string type, string property)
        => compilation.GetTypeByMetadataName("Acme." + type)!.GetMembers(property).OfType<IPropertySymbol>().Single().Type;

    [Fact]
    public void Identical_inline_unions_share_one_type_and_each_use_keeps_its_nullability()
    {
        var result = Run();
        CompileTests.AssertCompilesCleanly(result);
        var charge = PropertyType(result.Output, "Charge", "Customer");
        var invoice = PropertyType(result.Output, "Invoice", "Customer");
        Assert.Equal("ChargeCustomer", charge.Name);
        Assert.True(SymbolEqualityComparer.Default.Equals(charge, invoice));
        Assert.Equal(NullableAnnotation.Annotated, invoice.NullableAnnotation);

        // Alternatives that define types of their own (the inline range object) are shared with the union.
        var created = PropertyType(result.Output, "Charge", "Created");
        Assert.True(SymbolEqualityComparer.Default.Equals(created, PropertyType(result.Output, "Invoice", "Created")));
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("InvoiceCreated", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("InvoiceCustomer", StringComparison.Ordinal));
    }

    [Fact]
    public void Unions_that_differ_in_order_alternatives_or_discriminator_stay_apart()
    {
        var result = Run();
        var charge = PropertyType(result.Output, "Charge", "Customer");
        foreach (var (type, property) in new[] { ("Invoice", "Payer"), ("Invoice", "Buyer"), ("Refund", "Customer") })
        {
            Assert.False(SymbolEqualityComparer.Default.Equals(charge, PropertyType(result.Output, type, property)), $"{type}.{property}");
        }
    }

    [Fact]
    public void A_shared_union_described_differently_by_its_uses_keeps_no_description_of_its_own()
    {
        var source = Run().Source("Models.ChargeCustomer.g.cs");
        Assert.DoesNotContain("The customer charged.", source, StringComparison.Ordinal);
        Assert.DoesNotContain("The customer billed.", source, StringComparison.Ordinal);
        // Each property keeps its own.
        Assert.Contains("The customer billed.", Run().Source("Models.Invoice.g.cs"), StringComparison.Ordinal);
    }
}
