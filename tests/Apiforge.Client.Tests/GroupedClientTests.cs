using System.Net;
using Apiforge.Runtime;
using Grouped;

namespace Apiforge.Client.Tests;

/// <summary>specs/grouped.yaml with GroupBy="Tag": sub-clients per first tag, each with its own interface.</summary>
public class GroupedClientTests
{
    private static (GroupedClient Client, WireHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new WireHandler { Respond = respond };
        return (new GroupedClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/v1/") }), handler);
    }

    [Fact]
    public async Task A_group_sends_its_operations_with_the_tag_dropped_from_the_names()
    {
        var (client, handler) = Create(request => request.RequestUri!.AbsolutePath.EndsWith("/list", StringComparison.Ordinal)
            ? WireHandler.Json(HttpStatusCode.OK, """[{"id":1,"name":"main"}]""")
            : WireHandler.Json(HttpStatusCode.OK, """{"id":7}"""));
        IGroupedClient root = client;

        var accounts = await root.Account.ListAsync();
        Assert.Equal("main", Assert.Single(accounts).Name);
        Assert.Equal("http://api.test/v1/account/list", handler.Last.Uri);

        // Several tags: the first decides (account, not order).
        var item = await root.Account.ItemWithResponseAsync(7);
        Assert.Equal((200, 7L), (item.StatusCode, item.Value.Id));
        Assert.Equal("http://api.test/v1/account/item?id=7", handler.Last.Uri);

        var placed = await root.Order.PlaceAsync(new Account { Id = 3 });
        Assert.Equal(7, placed.Id);
        Assert.Equal("""{"id":3}""", handler.Last.BodyText);
    }

    [Fact]
    public async Task Errors_and_untagged_operations_behave_as_on_a_flat_client()
    {
        var (client, handler) = Create(request => request.RequestUri!.AbsolutePath.EndsWith("/item", StringComparison.Ordinal)
            ? WireHandler.Json(HttpStatusCode.NotFound, """{"detail":"no such account"}""")
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.Account.ItemAsync(9));
        Assert.Equal("no such account", error.Error.Detail);

        await client.HealthAsync();
        Assert.Equal("http://api.test/v1/health", handler.Last.Uri);
        // A shortened name that another operation of the group already has keeps the tag: accountFind stays whole.
        await client.Account.AccountFindAsync();
        await client.Account.FindAsync();
        Assert.Equal("http://api.test/v1/find", handler.Last.Uri);
        // A tag named like a member of the client is numbered.
        await client.DefaultBaseAddress2.SettingsReadAsync();
        Assert.Equal("http://api.test/v1/settings", handler.Last.Uri);
    }

    [Fact]
    public void Each_group_has_an_interface_of_its_own_and_the_root_only_what_has_no_tag()
    {
        var root = typeof(IGroupedClient).GetMethods().Where(m => !m.IsSpecialName).Select(m => m.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["HealthAsync", "HealthWithResponseAsync"], root);
        Assert.Equal(["Account", "DefaultBaseAddress2", "Order"], typeof(IGroupedClient).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        var order = typeof(IGroupedClientOrder).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["PlaceAsync", "PlaceWithResponseAsync", "WatchAsync"], order);
        Assert.Equal(typeof(IAsyncEnumerable<ApiServerSentEvent<Account>>), typeof(IGroupedClientOrder).GetMethod("WatchAsync")!.ReturnType);
    }

    [Fact]
    public async Task A_group_interface_can_be_faked_alone()
    {
        IGroupedClientAccount fake = new FakeAccounts();
        Assert.Equal(42, (await fake.ListAsync()).Single().Id);
    }

    private sealed class FakeAccounts : IGroupedClientAccount
    {
        public Task<List<Account>> ListAsync(ApiCallOptions? options = null, CancellationToken cancellationToken = default) => Task.FromResult(new List<Account> { new() { Id = 42 } });

        public Task<ApiResult<List<Account>>> ListWithResponseAsync(ApiCallOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Account> ItemAsync(long id, ApiCallOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ApiResult<Account>> ItemWithResponseAsync(long id, ApiCallOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task AccountFindAsync(ApiCallOptions? options = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<ApiResult> AccountFindWithResponseAsync(ApiCallOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task FindAsync(ApiCallOptions? options = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<ApiResult> FindWithResponseAsync(ApiCallOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
