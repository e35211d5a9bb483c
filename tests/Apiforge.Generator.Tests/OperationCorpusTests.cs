using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>
/// The corpus documents richest in operation shapes, one generator run each: the output compiles cleanly and
/// (almost) no operation is skipped with AF0008.
/// </summary>
public class OperationCorpusTests
{
    [SharedTheory]
    [InlineData("swagger-petstore-v3.yaml")]
    [InlineData("oai-uspto.yaml")]
    [InlineData("twilio-api-v2010.yaml")]
    [InlineData("stripe-2019-12.yaml")]
    [InlineData("slack-web-v2.json")]
    [InlineData("github-api-2021.yaml")]
    [InlineData("box-platform.json")]
    [InlineData("discord-v10.json")]
    [InlineData("oai-v2-petstore.json")]
    [InlineData("autorest-url.json")]
    [InlineData("autorest-header.json")]
    [InlineData("oai-callback-example.json")]
    [InlineData("oai-webhook-example.yaml")]
    public void Corpus_document_generates_and_compiles(string file)
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "corpus", file);
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path)));
        var skipped = result.GeneratorDiagnostics.Count(d => d.Id == "AF0008");
        var errors = result.CompileDiagnostics();
        var report = Environment.GetEnvironmentVariable("APIFORGE_OPS_REPORT");
        if (report is not null)
        {
            File.AppendAllText(report, $"{file}\tAF0008={skipped}\tcompile={errors.Count}\t{string.Join(" | ", errors.Take(3).Select(e => e.Id + " " + e.GetMessage()))}\n");
            foreach (var d in result.GeneratorDiagnostics.Where(d => d.Id == "AF0008").Take(5)) File.AppendAllText(report, "   " + d.GetMessage() + "\n");
        }
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        Assert.Equal(0, skipped);
        CompileTests.AssertCompilesCleanly(result);
    }

    [SharedFact]
    public void Stripe_form_bodies_use_deepObject_fields_and_empty_GET_bodies_disappear()
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "corpus", "stripe-2019-12.yaml");
        var result = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path), "Stripe", "StripeClient"));
        var client = result.Source("Stripe.StripeClient.g.cs");

        // GET /v1/account: the empty form schema is no parameter; 'expand' is a deepObject query array.
        Assert.Contains("GetAccountAsync(global::System.Collections.Generic.List<string>? expand = null, __Rt::ApiCallOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        Assert.Contains("ApiParameter.Pairs(\"expand\", expand, __Rt::ParameterStyle.DeepObject, true)", client, StringComparison.Ordinal);
        // POST /v1/account: a form body whose encoding object makes nested fields deepObject.
        Assert.Contains("new(\"metadata\", __Rt::ParameterStyle.DeepObject, true)", client, StringComparison.Ordinal);
        Assert.Contains("__Rt::ApiContent.Form(body, StripeClientJsonContext.Default.PostAccountRequest, new __Rt::FormField[]", client, StringComparison.Ordinal);
        // 'default' is Stripe's error body (read by the one runtime call that sends the request and reads the answer).
        Assert.Contains("StripeClientJsonContext.Default.Account, StripeClientJsonContext.Default.Error, null, cancellationToken);", client, StringComparison.Ordinal);
    }
}
