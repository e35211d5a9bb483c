using Apiforge.Generator.Emitting;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Each client-level output is emitted from a projection of the client spec (<see cref="OutputProjections"/>): it must
/// write the very text the whole spec gives, or the projection dropped something its emitter reads.
/// </summary>
public class OutputProjectionTests
{
    [Theory]
    [InlineData("tradovate-partner.json")]
    [InlineData("tradovate-seed.yaml")]
    public void Projections_emit_what_the_whole_spec_emits(string fileName)
        => AssertProjectionsEmitTheSame(Path.Combine(GeneratorHarness.SpecsDirectory, fileName));

    [SharedTheory]
    [InlineData("corpus/oag-csharp-fake-endpoints.yaml")]
    [InlineData("corpus/autorest-body-complex.json")]
    [InlineData("corpus/adyen-checkout-v71.json")]
    [InlineData("corpus/oai-v2-petstore.json")]
    public void Projections_emit_what_the_whole_spec_emits_for_corpus_documents(string document)
        => AssertProjectionsEmitTheSame(Path.Combine(GeneratorHarness.SharedDirectory, document));

    private static void AssertProjectionsEmitTheSame(string path)
    {
        var input = new SpecInput(path, File.ReadAllText(path), new SpecOptions("Acme", null, null, "Consumer") { ErrorTextProperty = "errorText" });
        var client = DocumentParser.Parse(input, CancellationToken.None).Client;
        Assert.NotNull(client);

        Assert.Equal(ClientEmitter.Emit(client), ClientEmitter.Emit(OutputProjections.ForClient(client)));
        Assert.Equal(JsonEmitter.EmitContext(client), JsonEmitter.EmitContext(OutputProjections.ForJsonContext(client)));
        Assert.Equal(ValidationEmitter.Emit(client), ValidationEmitter.Emit(OutputProjections.ForValidator(client)));

        // The pipeline takes the JSON context's and the validator's projections from the client's (so a schema
        // documentation edit, which leaves the client projection unchanged, skips them): they must be the same values.
        var clientProjection = OutputProjections.ForClient(client);
        Assert.Equal(OutputProjections.ForJsonContext(client), OutputProjections.ForJsonContext(clientProjection));
        Assert.Equal(OutputProjections.ForValidator(client), OutputProjections.ForValidator(clientProjection));
    }
}
