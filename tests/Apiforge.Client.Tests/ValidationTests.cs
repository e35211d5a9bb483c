using System.Net;
using Apiforge.Runtime;
using Validation;

namespace Apiforge.Client.Tests;

/// <summary>
/// specs/validation.yaml (the AutoRest validation swagger's constraints, and more) and specs/validation31.yaml: a call
/// that breaks a constraint throws <see cref="ApiValidationException"/> before anything reaches the handler; a valid
/// one is sent.
/// </summary>
public class ValidationTests
{
    private static (ValidationClient Client, WireHandler Handler) Create()
    {
        var handler = new WireHandler { Respond = _ => WireHandler.Json(HttpStatusCode.OK, """{"child":{}}""") };
        return (new ValidationClient(new HttpClient(handler)), handler);
    }

    private static Product ValidProduct() => new()
    {
        DisplayNames = ["a", "b"],
        Capacity = 50,
        Image = "http://example",
        Price = 0.5m,
        Child = new ChildProduct { Count = 5, OddName = "x" },
        Children = [new ChildProduct { Count = 1 }],
    };

    private static async Task<ApiValidationException> Refused(WireHandler handler, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<ApiValidationException>(call);
        Assert.Empty(handler.Requests);
        return exception;
    }

    [Theory]
    [InlineData("ab", 100, "01-01-2024", "resourceGroupName", "at least 3 characters")]
    [InlineData("abcdefghijk", 100, "01-01-2024", "resourceGroupName", "at most 10 characters")]
    [InlineData("---", 100, "01-01-2024", "resourceGroupName", "does not match the pattern")]
    [InlineData("abc", 90, "01-01-2024", "id", "at least 100")]
    [InlineData("abc", 1010, "01-01-2024", "id", "at most 1000")]
    [InlineData("abc", 105, "01-01-2024", "id", "multiple of 10")]
    [InlineData("abc", 100, "2024", "apiVersion", "does not match the pattern")]
    public async Task A_parameter_breaking_a_constraint_is_refused_before_sending(string group, long id, string version, string parameter, string problem)
    {
        var (client, handler) = Create();
        var exception = await Refused(handler, () => client.ValidationOfMethodParametersAsync("sub", group, id, version));
        Assert.Equal(parameter, exception.ParamName);
        Assert.Equal(parameter, exception.Path);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(exception);
    }

    [Fact]
    public async Task A_refused_call_returns_a_faulted_task_rather_than_throwing_at_the_call()
    {
        // The method hands its request to one runtime call and is not async itself; a failed check still comes back
        // in the task, as from an async method, so a caller that starts the call and awaits it later sees it there.
        var (client, handler) = Create();
        var started = client.ValidationOfMethodParametersAsync("sub", "ab", 100, "01-01-2024");
        Assert.True(started.IsFaulted);
        await Assert.ThrowsAsync<ApiValidationException>(() => started);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Valid_parameters_are_sent()
    {
        var (client, handler) = Create();
        // An unanchored pattern matches anywhere, as JSON Schema says: "a-b" contains a match of [a-zA-Z0-9']+.
        await client.ValidationOfMethodParametersAsync("sub", "a-b", 1000, "v01-01-2024");
        Assert.Equal("https://validation.example.com/fakepath/sub/a-b/1000?apiVersion=v01-01-2024", Assert.Single(handler.Requests).Uri);
    }

    public static TheoryData<string, Action<Product>, string> BadBodies => new()
    {
        { "$.display_names", p => p.DisplayNames = ["a", "b", "c", "d", "e", "f", "g"], "at most 6 items" },
        { "$.display_names", p => p.DisplayNames = ["a", "b", "a"], "must not repeat an item; item 2" },
        { "$.capacity", p => p.Capacity = 0, "greater than 0" },
        { "$.capacity", p => p.Capacity = 100, "less than 100" },
        { "$.image", p => p.Image = "https://example", "does not match the pattern 'http://\\w+'" },
        { "$.price", p => p.Price = 0.49m, "at least 0.5" },
        { "$.child.count", p => p.Child.Count = 6, "at most 5" },
        { "$.child['odd name']", p => p.Child.OddName = "xy", "at most 1 characters" },
        { "$.children[1].count", p => p.Children = [new ChildProduct(), new ChildProduct { Count = 9 }], "at most 5" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_breaking_a_constraint_is_refused_with_its_JSON_path(string path, Action<Product> breakIt, string problem)
    {
        var (client, handler) = Create();
        var product = ValidProduct();
        breakIt(product);
        var exception = await Refused(handler, () => client.ValidationOfBodyAsync("sub", "abc", 100, "01-01-2024", product));
        Assert.Equal("body", exception.ParamName);
        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_body_is_sent_and_read_only_properties_are_not_checked()
    {
        var (client, handler) = Create();
        var product = ValidProduct();
        product.Id = "longer than two";
        await client.ValidationOfBodyAsync("sub", "abc", 100, "01-01-2024", product);
        await client.ValidationOfBodyAsync("sub", "abc", 100, "01-01-2024", null);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Array_parameters_and_bodies_check_counts_items_and_derived_models()
    {
        var (client, handler) = Create();
        List<Tag> tags = [new Tag { Name = "ok" }];

        Assert.Equal("ratio", (await Refused(handler, () => client.SetTagsAsync(tags, ratio: 0))).Path);
        Assert.Equal("ratio", (await Refused(handler, () => client.SetTagsAsync(tags, ratio: 0.33))).Path);
        Assert.Equal("names", (await Refused(handler, () => client.SetTagsAsync(tags, names: []))).Path);
        Assert.Equal("names[1]", (await Refused(handler, () => client.SetTagsAsync(tags, names: ["a", "abcde"]))).Path);
        Assert.Equal("$", (await Refused(handler, () => client.SetTagsAsync([.. tags, .. tags, .. tags]))).Path);
        Assert.Equal("$[0].name", (await Refused(handler, () => client.SetTagsAsync([new Tag { Name = "x" }]))).Path);
        // A derived model is checked as itself, inherited constraints included.
        Assert.Equal("$[0].level", (await Refused(handler, () => client.SetTagsAsync([new SpecialTag { Name = "ok", Level = 0 }]))).Path);
        Assert.Equal("$[0].name", (await Refused(handler, () => client.SetTagsAsync([new SpecialTag { Name = "x", Level = 1 }]))).Path);
        // .NET's own pattern syntax (a look-behind) where ECMAScript mode cannot parse it.
        Assert.Equal("weird", (await Refused(handler, () => client.SetTagsAsync(tags, weird: "bb"))).Path);

        await client.SetTagsAsync([new SpecialTag { Name = "ok", Level = 1 }], ratio: 0.35, names: ["abcd"], weird: "ab");
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Map_bodies_check_their_entry_count_and_values()
    {
        var (client, handler) = Create();
        Assert.Equal("$", (await Refused(handler, () => client.SetLabelsAsync([]))).Path);
        Assert.Equal("$['a b']", (await Refused(handler, () => client.SetLabelsAsync(new() { ["a b"] = "" }))).Path);
        await client.SetLabelsAsync(new() { ["a"] = "1" });
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task OpenAPI_3_1_numeric_exclusive_bounds_are_checked()
    {
        var handler = new WireHandler();
        var client = new Validation31.Validation31Client(new HttpClient(handler));
        Assert.Equal("value", (await Refused(handler, () => client.RangeAsync(0))).Path);
        Assert.Equal("value", (await Refused(handler, () => client.RangeAsync(10))).Path);
        Assert.Equal("score", (await Refused(handler, () => client.RangeAsync(5, score: 1.5))).Path);
        Assert.Equal("score", (await Refused(handler, () => client.RangeAsync(5, score: -1.01))).Path);
        await client.RangeAsync(9, score: -1);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Validation_false_sends_without_checking()
    {
        var handler = new WireHandler();
        var client = new Unvalidated.UnvalidatedClient(new HttpClient(handler));
        await client.RangeAsync(0, score: 99);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Messages_name_the_constraint_but_never_the_value()
    {
        var exception = Assert.Throws<ApiValidationException>(() => ApiValidation.String("hunter2-secret", 0, 4, null, "password", "password"));
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
        // Length is counted in code points, as JSON Schema does: one emoji is one character.
        ApiValidation.String("\U0001F600\U0001F600", 2, 2, null, "p", "p");
    }
}
