namespace Apiforge.Generator.Tests;

/// <summary>OpenAPI 3.1 documents that still write 3.0's <c>nullable: true</c> (OpenAI's) get nullable members, as their servers send nulls.</summary>
public class LegacyNullableTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: t, version: "1" }
        paths:
          /chunk:
            get:
              operationId: getChunk
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Chunk" }
        components:
          schemas:
            Usage:
              type: object
              properties:
                tokens: { type: integer }
            Chunk:
              type: object
              required: [finish_reason, usage, logprobs, index]
              properties:
                finish_reason:
                  type: string
                  enum: [stop, length]
                  nullable: true
                usage:
                  $ref: "#/components/schemas/Usage"
                  nullable: true
                logprobs:
                  nullable: true
                  properties:
                    count: { type: integer }
                index:
                  type: integer
                  nullable: false
                nullable:
                  type: string
                  default: "nullable"
                  example: { nullable: true }
        """;

    [Fact]
    public void Nullable_true_in_a_3_1_document_makes_the_member_nullable_and_the_rest_is_untouched()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/legacy-nullable.yaml", Spec));

        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        var chunk = result.Source("Models.Chunk.g.cs");
        Assert.Matches(@"public required global::Acme\.ChunkFinishReason\? FinishReason", chunk);
        Assert.Matches(@"public required global::Acme\.Usage\? Usage", chunk);
        Assert.Matches(@"public required global::Acme\.ChunkLogprobs\? Logprobs", chunk);
        Assert.Matches(@"public required long Index", chunk);
        Assert.Matches(@"public string\? Nullable", chunk);
    }
}
