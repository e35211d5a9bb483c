namespace Apiforge.Runtime.Tests;

public class RenewingAccessTokenSourceTests
{
    private const string Secret = "s3cr3t-token-value";

    [Fact]
    public async Task Two_hundred_concurrent_calls_with_an_expired_token_make_exactly_one_acquisition()
    {
        var time = new ManualTimeProvider();
        var calls = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new RenewingAccessTokenSource(async (_, _) =>
        {
            var n = Interlocked.Increment(ref calls);
            if (n > 1) await gate.Task;
            return new AccessToken("token-" + n, time.GetUtcNow() + TimeSpan.FromMinutes(10));
        }, new RenewingAccessTokenSourceOptions { RenewalMargin = TimeSpan.FromMinutes(1), TimeProvider = time });

        Assert.Equal("token-1", await source.GetAccessTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(11));

        var callers = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(async () => await source.GetAccessTokenAsync(CancellationToken.None)))
            .ToArray();
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 2);
        await Task.Delay(50);
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        gate.SetResult();

        var tokens = await Task.WhenAll(callers);
        Assert.All(tokens, t => Assert.Equal("token-2", t));
        Assert.Equal(2, calls);
        Assert.Equal(2, source.AcquisitionCount);
    }

    [Fact]
    public async Task The_token_is_renewed_once_inside_the_margin_and_not_before()
    {
        var time = new ManualTimeProvider();
        var seen = new List<AccessToken?>();
        using var source = new RenewingAccessTokenSource((current, _) =>
        {
            seen.Add(current);
            return new ValueTask<AccessToken>(new AccessToken("token-" + seen.Count, time.GetUtcNow() + TimeSpan.FromMinutes(10)));
        }, new RenewingAccessTokenSourceOptions { RenewalMargin = TimeSpan.FromMinutes(5), TimeProvider = time });

        var first = await source.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Same(first, await source.GetTokenAsync(CancellationToken.None));
        Assert.Single(seen);

        time.Advance(TimeSpan.FromMinutes(2)); // 4 minutes left: inside the 5-minute margin, not expired
        var renewed = await source.GetTokenAsync(CancellationToken.None);
        Assert.Equal("token-2", renewed.Value);
        Assert.Same(first, seen[1]); // the delegate got the token to renew
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(10), source.ExpiresAt);
        Assert.Same(renewed, await source.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task With_background_renewal_an_idle_source_renews_at_the_margin()
    {
        var calls = 0;
        using var source = new RenewingAccessTokenSource((_, _) =>
        {
            var n = Interlocked.Increment(ref calls);
            // The first token is due 200 ms after it arrives; the second lives long.
            var lifetime = n == 1 ? TimeSpan.FromMilliseconds(1200) : TimeSpan.FromHours(1);
            return new ValueTask<AccessToken>(new AccessToken("token-" + n, DateTimeOffset.UtcNow + lifetime));
        }, new RenewingAccessTokenSourceOptions { RenewalMargin = TimeSpan.FromSeconds(1), RenewInBackground = true });

        Assert.Equal("token-1", await source.GetAccessTokenAsync(CancellationToken.None));
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 2);
        await WaitUntilAsync(() => source.ExpiresAt > DateTimeOffset.UtcNow + TimeSpan.FromMinutes(30));
        Assert.Equal("token-2", await source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_failed_renewal_inside_the_margin_keeps_the_valid_token_and_the_next_call_tries_again()
    {
        var time = new ManualTimeProvider();
        var calls = 0;
        using var source = new RenewingAccessTokenSource((_, _) =>
        {
            calls++;
            return calls == 2
                ? throw new HttpRequestException("renewal endpoint down")
                : new ValueTask<AccessToken>(new AccessToken("token-" + calls, time.GetUtcNow() + TimeSpan.FromMinutes(10)));
        }, new RenewingAccessTokenSourceOptions { RenewalMargin = TimeSpan.FromMinutes(5), TimeProvider = time });

        await source.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal("token-1", await source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal("token-3", await source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_failing_acquisition_fails_every_waiting_caller_clearly_and_the_next_call_tries_again()
    {
        var calls = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new RenewingAccessTokenSource(async (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await gate.Task;
                throw new HttpRequestException("login service unavailable");
            }
            return new AccessToken(Secret, null);
        });

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () => await source.GetAccessTokenAsync(CancellationToken.None))).ToArray();
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1);
        await Task.Delay(50);
        gate.SetResult();

        foreach (var caller in callers)
        {
            var ex = await Assert.ThrowsAsync<AccessTokenAcquisitionException>(() => caller);
            Assert.Contains("Acquiring an access token failed after 1 attempt(s)", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("login service unavailable", ex.Message, StringComparison.Ordinal);
            Assert.IsType<HttpRequestException>(ex.InnerException);
            Assert.Equal(1, ex.Attempts);
        }
        Assert.Equal(1, calls);

        Assert.Equal(Secret, await source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task The_retry_policy_is_followed_within_one_acquisition()
    {
        var calls = 0;
        var failures = new List<(int, string)>();
        using var source = new RenewingAccessTokenSource((_, _) =>
        {
            calls++;
            return calls < 3 ? throw new InvalidOperationException("attempt " + calls) : new ValueTask<AccessToken>(new AccessToken("ok", null));
        }, new RenewingAccessTokenSourceOptions
        {
            RetryPolicy = (failed, ex) =>
            {
                failures.Add((failed, ex.Message));
                return failed < 3 ? TimeSpan.Zero : null;
            },
        });

        Assert.Equal("ok", await source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(3, calls);
        Assert.Equal(1, source.AcquisitionCount);
        Assert.Equal(new[] { (1, "attempt 1"), (2, "attempt 2") }, failures);
    }

    [Fact]
    public async Task An_exhausted_retry_policy_reports_the_attempts()
    {
        var calls = 0;
        using var source = new RenewingAccessTokenSource((_, _) =>
        {
            calls++;
            throw new InvalidOperationException("nope");
        }, new RenewingAccessTokenSourceOptions { RetryPolicy = AccessTokenRetry.Fixed(3, TimeSpan.Zero) });

        var ex = await Assert.ThrowsAsync<AccessTokenAcquisitionException>(async () => await source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(3, ex.Attempts);
        Assert.Equal(3, calls);
        Assert.Contains("after 3 attempt(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_one_waiting_caller_does_not_cancel_the_acquisition_for_the_others()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acquisitionToken = CancellationToken.None;
        var calls = 0;
        using var source = new RenewingAccessTokenSource(async (_, ct) =>
        {
            acquisitionToken = ct;
            Interlocked.Increment(ref calls);
            await gate.Task.WaitAsync(ct);
            return new AccessToken("shared", null);
        });

        using var cancel = new CancellationTokenSource();
        var impatient = source.GetAccessTokenAsync(cancel.Token).AsTask();
        var patient = source.GetAccessTokenAsync(CancellationToken.None).AsTask();
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.True(acquisitionToken.CanBeCanceled); // the source's own token, not the caller's
        Assert.False(acquisitionToken.IsCancellationRequested);
        Assert.False(patient.IsCompleted);

        gate.SetResult();
        Assert.Equal("shared", await patient);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task The_token_appears_in_no_ToString_and_no_exception_message()
    {
        var token = new AccessToken(Secret, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain(Secret, token.ToString(), StringComparison.Ordinal);

        using var source = new RenewingAccessTokenSource((_, _) => new ValueTask<AccessToken>(token));
        await source.GetAccessTokenAsync(CancellationToken.None);
        Assert.DoesNotContain(Secret, source.ToString(), StringComparison.Ordinal);

        var credentials = new ApiCredentials().UseBearer(source).UseApiKey(Secret).UseBasic("user", Secret);
        Assert.DoesNotContain(Secret, credentials.ToString(), StringComparison.Ordinal);

        // A handler that cannot satisfy a requirement says which, without any credential in the message.
        using var http = new HttpClient(new ApiAuthenticationHandler(new ApiCredentials().UseApiKey(Secret, "other"), new RecordingHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x");
        request.Options.Set(ApiSecurity.Requirements, new[] { new ApiSecurityRequirement(new ApiSecurityScheme("basicAuth", ApiSecuritySchemeKind.Basic)) });
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(request));
        Assert.Contains("basicAuth (basic)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_answer_makes_the_next_call_acquire_a_new_token()
    {
        var calls = 0;
        using var source = new RenewingAccessTokenSource((_, _) =>
            new ValueTask<AccessToken>(new AccessToken("token-" + Interlocked.Increment(ref calls), null)));
        var inner = new RecordingHandler(System.Net.HttpStatusCode.Unauthorized);
        using var http = new HttpClient(new ApiAuthenticationHandler(ApiCredentials.Bearer(source), inner));

        (await http.GetAsync(new Uri("https://example.com/a"))).Dispose();
        inner.Status = System.Net.HttpStatusCode.OK;
        (await http.GetAsync(new Uri("https://example.com/b"))).Dispose();

        Assert.Equal("Bearer token-1", inner.Requests[0].Headers["Authorization"]);
        Assert.Equal("Bearer token-2", inner.Requests[1].Headers["Authorization"]);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not come true in 10 s.");
            await Task.Delay(5);
        }
    }
}
