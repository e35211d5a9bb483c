using Apiforge.Runtime;

namespace Apiforge.Conformance.Tests;

/// <summary>Assertions the scenario tables share.</summary>
public static class Expect
{
    /// <summary>The call completes and its result equals <paramref name="expected"/> (structurally for lists, maps and byte arrays).</summary>
    public static async Task Value<T>(Task<T> call, T expected)
    {
        var actual = await call;
        Assert.Equal(expected, actual);
    }

    /// <summary>The server's answer must be refused: a body that is not the declared JSON, a status that is not a success.</summary>
    public static async Task Rejected<T>(Func<Task<T>> call)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.True(exception is ApiException or System.Text.Json.JsonException or FormatException or OverflowException or InvalidOperationException,
            $"unexpected exception type {exception.GetType()}: {exception.Message}");
    }

    public static Task Rejected(Func<Task> call) => Rejected(async () => { await call(); return 0; });

    /// <summary>An error status: ApiException with that status code.</summary>
    public static async Task<ApiException> Status(int statusCode, Func<Task> call)
    {
        var exception = await Assert.ThrowsAnyAsync<ApiException>(call);
        Assert.Equal(statusCode, exception.StatusCode);
        return exception;
    }

    public static async Task Ok(Task call) => await call;

    public static async Task Ok<T>(Task<T> call) => await call;
}
