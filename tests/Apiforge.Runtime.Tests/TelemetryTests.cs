using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Wire;

namespace Apiforge.Runtime.Tests;

/// <summary>
/// Issue 12, tracing and metrics: one activity per operation with OpenTelemetry's HTTP client tags and no raw URL,
/// the duration histogram, and no allocation for either when nothing listens.
/// </summary>
[Collection(TelemetryCollection.Name)]
public class TelemetryTests
{
    private const string Host = "telemetry.test";
    private const string SecretId = "secret-id-42";
    private const string QueryKey = "query-secret-7";

    private static WireClient Client(HttpMessageHandler primary)
        => new(new HttpClient(new ApiAuthenticationHandler(
            new ApiCredentials().UseApiKey("header-secret-5", "headerKey").UseApiKey("cookie-secret-6", "cookieKey").UseApiKey(QueryKey, "queryKey"),
            primary))
        {
            BaseAddress = new Uri($"https://{Host}:8443/v1/"),
        });

    private sealed class Recorder : IDisposable
    {
        private readonly ActivityListener _listener;

        public Recorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == ApiTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem("server.address"), Host)) lock (Stopped) Stopped.Add(activity);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<Activity> Stopped { get; } = new();

        public void Dispose() => _listener.Dispose();
    }

    private static void AssertNoRawValues(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Assert.DoesNotContain(SecretId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
            Assert.NotEqual("url.full", key);
        }
    }

    [Fact]
    public async Task An_operation_is_one_client_activity_with_the_template_and_not_the_url()
    {
        using var recorder = new Recorder();
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"id":"1","name":"one"}""");

        await Client(handler).GetItemAsync(SecretId, xTrace: "trace-secret-8");

        Assert.Contains(SecretId, handler.Requests.Single().Uri.AbsolutePath, StringComparison.Ordinal);
        var activity = Assert.Single(recorder.Stopped);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("GET /items/{id}", activity.DisplayName);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("/items/{id}", activity.GetTagItem("url.template"));
        Assert.Equal("getItem", activity.GetTagItem("apiforge.operation.id"));
        Assert.Equal(Host, activity.GetTagItem("server.address"));
        Assert.Equal(8443, activity.GetTagItem("server.port"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        AssertNoRawValues(activity.TagObjects);
    }

    [Fact]
    public async Task An_error_status_is_the_error_type_and_the_activity_ends_after_the_body_was_read()
    {
        using var recorder = new Recorder();
        var handler = new RecordingHandler(HttpStatusCode.NotFound, """{"code":4,"message":"no such item"}""");

        await Assert.ThrowsAnyAsync<ApiException>(() => Client(handler).GetItemAsync(SecretId));

        var activity = Assert.Single(recorder.Stopped);
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("404", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        AssertNoRawValues(activity.TagObjects);
    }

    [Fact]
    public async Task A_transport_failure_is_the_exceptions_type()
    {
        using var recorder = new Recorder();

        await Assert.ThrowsAsync<HttpRequestException>(() => Client(new FailingHandler()).GetItemAsync(SecretId));

        var activity = Assert.Single(recorder.Stopped);
        Assert.Equal(typeof(HttpRequestException).FullName, activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task The_duration_histogram_records_each_call_in_seconds_with_the_same_tags()
    {
        var measurements = new List<(double Value, Dictionary<string, object?> Tags)>();
        string? unit = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name != ApiTelemetry.Name || instrument.Name != ApiTelemetry.DurationName) return;
                unit = instrument.Unit;
                l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value;
            if (Equals(copy.GetValueOrDefault("server.address"), Host)) lock (measurements) measurements.Add((value, copy));
        });
        listener.Start();
        var handler = new RecordingHandler(HttpStatusCode.OK, """{"id":"1","name":"one"}""");

        await Client(handler).GetItemAsync(SecretId);
        handler.Status = HttpStatusCode.InternalServerError;
        await Assert.ThrowsAnyAsync<ApiException>(() => Client(handler).GetItemAsync(SecretId));

        Assert.Equal(2, measurements.Count);
        var (value, tags) = measurements[0];
        Assert.InRange(value, 0, 60);
        Assert.Equal("GET", tags["http.request.method"]);
        Assert.Equal("/items/{id}", tags["url.template"]);
        Assert.Equal("getItem", tags["apiforge.operation.id"]);
        Assert.Equal(200, tags["http.response.status_code"]);
        Assert.False(tags.ContainsKey("error.type"));
        Assert.Equal("500", measurements[1].Tags["error.type"]);
        AssertNoRawValues(measurements.SelectMany(m => m.Tags));
        Assert.Equal("s", unit);
    }

    [Fact]
    public async Task Nothing_is_allocated_for_telemetry_when_nothing_listens()
    {
        var operation = new ApiOperation("getItem", "GET", "/items/{id}");
        using var http = new HttpClient(new AnsweringHandler()) { Timeout = Timeout.InfiniteTimeSpan };

        var plain = await AllocatedPerCallAsync(http, null);
        var described = await AllocatedPerCallAsync(http, operation);
        long traced;
        using (new Recorder())
        {
            traced = await AllocatedPerCallAsync(http, operation);
        }

        Assert.False(ApiTelemetry.ActivitySource.HasListeners());
        Assert.Equal(plain, described);
        // The measure can see telemetry: with a listener, the activity and its tags are allocated.
        Assert.True(traced > described + 200, $"traced {traced} B, not traced {described} B per call");
    }

    /// <summary>The fewest bytes one call allocated over several rounds, on this thread: the handler answers synchronously.</summary>
    private static async Task<long> AllocatedPerCallAsync(HttpClient http, ApiOperation? operation)
    {
        const int calls = 50;
        var best = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < calls; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "https://telemetry.test/items/1");
                var task = ApiResponse.SendAsync(http, request, operation, null, CancellationToken.None);
                Assert.True(task.IsCompleted);
                using var response = await task;
            }
            best = Math.Min(best, (GC.GetAllocatedBytesForCurrentThread() - before) / calls);
        }
        return best;
    }

    private sealed class AnsweringHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"));
    }
}

/// <summary>Telemetry tests run alone: listeners are process-wide, and one test measures allocations.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
