using System.Xml.Linq;
using Apiforge.Generator.Emitting;
using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>CommonMark in descriptions becomes XML doc markup, and never anything that is not well-formed XML.</summary>
public class MarkdownDocTests
{
    private static string Xml(string markdown, string? baseUri = null)
    {
        var lines = MarkdownDoc.ToXmlLines(markdown, baseUri);
        var xml = string.Join("\n", lines);
        // Throws on anything that is not well-formed: what CS1570 would report.
        XElement.Parse("<summary>" + xml + "</summary>");
        return xml;
    }

    [Theory]
    [InlineData("Use `accountId` here.", "Use <c>accountId</c> here.")]
    [InlineData("Two ``a ` b`` ticks.", "Two <c>a ` b</c> ticks.")]
    [InlineData("Unbalanced `tick and ``two.", "Unbalanced `tick and ``two.")]
    [InlineData("**bold** and *em* and _em_ and ***both***", "<b>bold</b> and <i>em</i> and <i>em</i> and <i><b>both</b></i>")]
    [InlineData("***Note***: read this", "<i><b>Note</b></i>: read this")]
    [InlineData("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4")]
    [InlineData("**unclosed and *half", "**unclosed and *half")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("List<T> & <script>alert(1)</script>", "List&lt;T&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("&amp; &lt;x&gt; &#65; &bogus;", "&amp; &lt;x&gt; A &amp;bogus;")]
    [InlineData(@"\*not em\* and \`not code\`", "*not em* and `not code`")]
    [InlineData("[the docs](https://example.com/a?b=1&c=\"2\")", "<see href=\"https://example.com/a?b=1&amp;c=%222%22\">the docs</see>")]
    [InlineData("[a [nested] text](https://example.com/x)", "<see href=\"https://example.com/x\">a [nested] text</see>")]
    [InlineData("[`createOrder`](https://example.com/o \"title\")", "<see href=\"https://example.com/o\"><c>createOrder</c></see>")]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("[relative](/api/orders) without a base", "relative without a base")]
    [InlineData("[unclosed](https://example.com", "[unclosed](https://example.com")]
    [InlineData("![logo](https://example.com/logo.png) text", "logo text")]
    [InlineData("see <https://example.com/x> now", "see <see href=\"https://example.com/x\">https://example.com/x</see> now")]
    [InlineData("line one<br>line two", "line one\nline two")]
    public void Inline_markup(string markdown, string expected) => Assert.Equal(expected, Xml(markdown));

    [Fact]
    public void Relative_links_resolve_against_the_base()
    {
        Assert.Equal("<see href=\"https://docs.example.com/api/orders\">orders</see>", Xml("[orders](/api/orders)", "https://docs.example.com/v1"));
        Assert.Equal("<see href=\"https://docs.example.com/v1/orders#top\">orders</see>", Xml("[orders](orders#top)", "https://docs.example.com/v1/"));
    }

    [Fact]
    public void Paragraphs_lists_and_code_blocks()
    {
        var markdown = "First paragraph\nstill first.\r\n\r\n- one\n- **two**\n  continued\n\n1. a\n2. b\n\n```json\n{ \"a\": \"<b>\" }\n```\n\n    indented & code\n\n# Heading";
        Assert.Equal(
            "<para>First paragraph\nstill first.</para>\n" +
            "<list type=\"bullet\">\n<item><description>one</description></item>\n<item><description><b>two</b>\ncontinued</description></item>\n</list>\n" +
            "<list type=\"number\">\n<item><description>a</description></item>\n<item><description>b</description></item>\n</list>\n" +
            "<code>\n{ \"a\": \"&lt;b&gt;\" }\n</code>\n" +
            "<code>\nindented &amp; code\n</code>\n" +
            "<para><b>Heading</b></para>",
            Xml(markdown));
    }

    [Fact]
    public void A_number_starting_a_line_inside_a_paragraph_stays_text()
        => Assert.Equal("Founded in\n2020. A good year.", Xml("Founded in\n2020. A good year."));

    [Fact]
    public void Nested_lists_nest()
        => Assert.Equal(
            "<list type=\"bullet\">\n<item><description><para>outer</para>\n<list type=\"bullet\">\n<item><description>inner</description></item>\n</list></description></item>\n</list>",
            Xml("- outer\n  - inner"));

    [Fact]
    public void Line_ends_and_characters_a_comment_cannot_hold_are_neutralised()
    {
        var xml = Xml("a\u2028b\u0085c\rd\u0000e\u202Ef\uFFFEg\uD800h");
        Assert.Equal("a\nb\nc\nd e f g h", xml);
    }

    [Fact]
    public void Random_markdown_is_always_well_formed_xml()
    {
        const string alphabet = "*_`[]()<>&#!\\-+1. \n\r\t\"'abc:/~>|";
        var random = new Random(12345);
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(1, 60)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            try
            {
                Xml(text, random.Next(2) == 0 ? null : "https://example.com/base/");
            }
            catch (Exception ex)
            {
                Assert.Fail($"{ex.GetType().Name} for {System.Text.Json.JsonSerializer.Serialize(text)}: {ex.Message}");
            }
        }
    }

    [Fact]
    public void Hostile_sizes_stay_cheap()
    {
        // Scans are bounded: thousands of openers without closers are read once, not once per opener.
        foreach (var unit in new[] { "[", "`", "<", "&", "*a", "_ ", "[a](" })
        {
            var text = string.Concat(Enumerable.Repeat(unit, 50_000));
            var lines = MarkdownDoc.ToXmlLines(text, "https://example.com/");
            XElement.Parse("<summary>" + string.Join("\n", lines) + "</summary>");
        }
    }

    private const string Spec = """
        openapi: 3.0.3
        info:
          title: docs
          version: "1"
          description: "The **Docs** API. See [the guide](/guide)."
        externalDocs:
          url: https://docs.example.com/reference/
        servers:
          - url: https://api.example.com/v1
        paths:
          /orders/{orderId}:
            get:
              operationId: getOrder
              summary: "Get an `Order` by id (see [orders](orders))"
              description: |
                ***Note***: the order must exist.

                - one & two
                - <three>

                ```
                GET /orders/1 < 2
                ```
              parameters:
                - name: orderId
                  in: path
                  required: true
                  description: "The `id`, unbalanced ` tick and [broken](link"
                  schema: { type: integer }
              responses:
                '200':
                  description: "The **order**."
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
        components:
          schemas:
            Order:
              type: object
              description: "An order.\r\n\r\nSecond paragraph with <angle> & amp."
              properties:
                id: { type: integer }
                note: { type: string, title: "A `note` title" }
                state: { $ref: '#/components/schemas/State' }
            State:
              type: string
              enum: [open, "*closed*", Known, KnownValue]
        """;

    [Fact]
    public void Generated_docs_compile_with_documentation_diagnostics_as_errors()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/docs.yaml", Spec));
        // GeneratorHarness compiles with DocumentationMode.Diagnose and every warning an error: CS1570, CS1591, CS1573 included.
        CompileTests.AssertCompilesCleanly(result);
        var order = result.Source("Models.Order.g.cs");
        Assert.Contains("/// <para>An order.</para>", order, StringComparison.Ordinal);
        Assert.Contains("/// <para>Second paragraph with &lt;angle&gt; &amp; amp.</para>", order, StringComparison.Ordinal);
        // No filler: a property without a description or title has an empty doc comment, one with a title gets it.
        Assert.Contains("///\n        [global::System.Text.Json.Serialization.JsonPropertyName(\"id\")]", order, StringComparison.Ordinal);
        Assert.Contains("/// <summary>A <c>note</c> title</summary>", order, StringComparison.Ordinal);
        Assert.DoesNotContain("The JSON property", order, StringComparison.Ordinal);

        var client = result.Source(".DocsClient.g.cs");
        Assert.Contains("/// <summary>Get an <c>Order</c> by id (see <see href=\"https://docs.example.com/reference/orders\">orders</see>)</summary>", client, StringComparison.Ordinal);
        Assert.Contains("/// <para><i><b>Note</b></i>: the order must exist.</para>", client, StringComparison.Ordinal);
        Assert.Contains("/// <summary>The <b>Docs</b> API. See <see href=\"https://docs.example.com/guide\">the guide</see>.</summary>", client, StringComparison.Ordinal);
        Assert.Contains("<param name=\"orderId\">The <c>id</c>, unbalanced ` tick and [broken](link</param>", client, StringComparison.Ordinal);

        var state = result.Source("Models.State.g.cs");
        Assert.Contains("/// <summary>JSON value \"*closed*\".</summary>", state, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The account id.", true)]
    [InlineData("Id of the user (see /user/list), 100% of the time: yes = true; \"quoted\" 'too'.", true)]
    [InlineData("Uses `code`.", false)]
    [InlineData("1. a list", false)]
    [InlineData("- a list", false)]
    [InlineData("# heading", false)]
    [InlineData(" indented", false)]
    [InlineData("two  spaces", false)]
    [InlineData("a < b", false)]
    [InlineData("a & b", false)]
    [InlineData("*emphasis*", false)]
    [InlineData("a_b", false)]
    [InlineData("[link](http://x)", false)]
    [InlineData("line\nbreak", false)]
    [InlineData("", false)]
    public void Plain_sentences_take_the_shortcut_and_nothing_else_does(string text, bool plain)
        => Assert.Equal(plain, MarkdownDoc.IsPlainSentence(text));

    [Fact]
    public void The_shortcut_gives_what_the_renderer_gives_for_every_description_of_the_shared_documents()
    {
        var compared = 0;
        foreach (var file in Directory.GetFiles(GeneratorHarness.SharedDirectory, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file))
            {
                // Good enough to pull one-line descriptions out of JSON and YAML without a parser.
                var at = line.IndexOf("description\":", StringComparison.Ordinal) is var j and >= 0 ? j + 14 : line.IndexOf("description:", StringComparison.Ordinal) is var k and >= 0 ? k + 12 : -1;
                if (at < 0) continue;
                var text = line.Substring(at).Trim().Trim(',').Trim('"', '\'');
                if (!MarkdownDoc.IsPlainSentence(text)) continue;
                Assert.Equal(MarkdownDoc.Render(text, "https://example.com/docs/"), MarkdownDoc.ToXmlLines(text, "https://example.com/docs/"));
                compared++;
            }
        }
        Assert.True(compared > 1000, $"only {compared} plain descriptions found");
    }
}
