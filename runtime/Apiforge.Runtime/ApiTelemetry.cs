using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace Apiforge.Runtime;

/// <summary>
/// What a generated client says about one of its operations, once per operation (a static field): its id, HTTP
/// method and URL template, so a call names them for tracing and metrics without building a string.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiOperation
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="id">The operation's <c>operationId</c> (or the generated method's name when it has none).</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="urlTemplate">The path template of the API description (<c>/account/item/{id}</c>): never the URL with values.</param>
    public ApiOperation(string id, string method, string urlTemplate)
        : this(id, method, urlTemplate, Array.Empty<int>())
    {
    }

    /// <summary>Creates the descriptor of an operation that lists its success statuses.</summary>
    /// <param name="id">The operation's <c>operationId</c> (or the generated method's name when it has none).</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="urlTemplate">The path template of the API description (<c>/account/item/{id}</c>): never the URL with values.</param>
    /// <param name="documentedSuccessStatuses">
    /// The 2xx statuses the API description lists; any other success status is refused by
    /// <see cref="ApiResponse.SendAsync(HttpClient, HttpRequestMessage, ApiOperation?, ApiCallOptions?, System.Threading.CancellationToken)"/>
    /// (<see cref="ApiResponse.UndocumentedStatusAsync"/>). Empty: every success status is taken.
    /// </param>
    public ApiOperation(string id, string method, string urlTemplate, params int[] documentedSuccessStatuses)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        UrlTemplate = urlTemplate ?? throw new ArgumentNullException(nameof(urlTemplate));
        DocumentedSuccessStatuses = documentedSuccessStatuses ?? throw new ArgumentNullException(nameof(documentedSuccessStatuses));
        ActivityName = Method + " " + UrlTemplate;
        HttpMethod = KnownMethod(Method) ?? new HttpMethod(Method);
    }

    /// <summary>The operation's id.</summary>
    public string Id { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path template.</summary>
    public string UrlTemplate { get; }

    /// <summary>The request method: the shared <see cref="System.Net.Http.HttpMethod"/> instance for the standard ones.</summary>
    internal HttpMethod HttpMethod { get; }

    /// <summary>The documented 2xx statuses; empty when any success is taken.</summary>
    internal int[] DocumentedSuccessStatuses { get; }

    /// <summary>Whether <paramref name="response"/> is a success the operation does not document.</summary>
    internal bool IsUndocumentedSuccess(HttpResponseMessage response)
        => DocumentedSuccessStatuses.Length > 0 && response.IsSuccessStatusCode && Array.IndexOf(DocumentedSuccessStatuses, (int)response.StatusCode) < 0;

    private static HttpMethod? KnownMethod(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "PUT" => HttpMethod.Put,
        "POST" => HttpMethod.Post,
        "DELETE" => HttpMethod.Delete,
        "OPTIONS" => HttpMethod.Options,
        "HEAD" => HttpMethod.Head,
#if NET
        "PATCH" => HttpMethod.Patch,
#endif
        "TRACE" => HttpMethod.Trace,
        _ => null,
    };

    /// <summary>The activity's display name, <c>{method} {url.template}</c>, as OpenTelemetry's HTTP client spans are named.</summary>
    internal string ActivityName { get; }

    // The URI of the last call with a path of literal text only (no path value, no query): the same base address and
    // path give the same URI, which a Uri (immutable) can be for every request.
    private LiteralUri? _literalUri;

    /// <summary>The URI built last for <paramref name="baseAddress"/> and the literal <paramref name="path"/>, or null.</summary>
    internal Uri? LiteralUriFor(string baseAddress, string path)
    {
        var cached = Volatile.Read(ref _literalUri);
        return cached is not null
            && (ReferenceEquals(cached.BaseAddress, baseAddress) || string.Equals(cached.BaseAddress, baseAddress, StringComparison.Ordinal))
            && (ReferenceEquals(cached.Path, path) || string.Equals(cached.Path, path, StringComparison.Ordinal))
            ? cached.Uri
            : null;
    }

    /// <summary>Remembers the URI of <paramref name="baseAddress"/> and the literal <paramref name="path"/>.</summary>
    internal void KeepLiteralUri(string baseAddress, string path, Uri uri) => Volatile.Write(ref _literalUri, new LiteralUri(baseAddress, path, uri));

    private sealed class LiteralUri
    {
        public LiteralUri(string baseAddress, string path, Uri uri)
        {
            BaseAddress = baseAddress;
            Path = path;
            Uri = uri;
        }

        public string BaseAddress { get; }

        public string Path { get; }

        public Uri Uri { get; }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({ActivityName})";
}

/// <summary>
/// The traces and metrics of generated clients: one <see cref="Activity"/> per operation call from the
/// <see cref="ActivitySource"/> named <see cref="Name"/>, and the histogram <c>apiforge.client.operation.duration</c>
/// (seconds) from the <see cref="Meter"/> of that name. Tags follow OpenTelemetry's HTTP client conventions:
/// <c>http.request.method</c>, <c>url.template</c>, <c>server.address</c>, <c>server.port</c>,
/// <c>http.response.status_code</c>, <c>error.type</c>, plus <c>apiforge.operation.id</c>. The URL itself
/// (<c>url.full</c>, with path values and query strings) is never recorded. With nothing listening, a call
/// allocates nothing for them.
/// </summary>
public static class ApiTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>Apiforge.Runtime</c>.</summary>
    public const string Name = "Apiforge.Runtime";

    /// <summary>The duration histogram's name.</summary>
    public const string DurationName = "apiforge.client.operation.duration";

    private static readonly string? s_version = typeof(ApiTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The source of the per-operation activities.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, s_version);

    /// <summary>The meter of the duration histogram.</summary>
    public static Meter Meter { get; } = new(Name, s_version);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationName, "s", "Duration of the operations of Apiforge clients, from sending the request to the last byte of the response body.");

    /// <summary>The call's record, or null when nothing listens: then nothing is allocated.</summary>
    internal static ApiCallTelemetry? Start(ApiOperation? operation, HttpRequestMessage request)
    {
        if (operation is null) return null;
        var tracing = ActivitySource.HasListeners();
        var metrics = Duration.Enabled;
        if (!tracing && !metrics) return null;
        var uri = request.RequestUri;
        string? host = null;
        var port = 0;
        if (uri is { IsAbsoluteUri: true })
        {
            host = uri.IdnHost;
            port = uri.Port;
        }
        Activity? activity = null;
        if (tracing)
        {
            activity = ActivitySource.StartActivity(operation.ActivityName, ActivityKind.Client);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("http.request.method", operation.Method);
                activity.SetTag("url.template", operation.UrlTemplate);
                activity.SetTag("apiforge.operation.id", operation.Id);
                if (host is not null)
                {
                    activity.SetTag("server.address", host);
                    activity.SetTag("server.port", port);
                }
            }
        }
        if (activity is null && !metrics) return null;
        return new ApiCallTelemetry(operation, activity, metrics, host, port);
    }

    /// <summary>Records on the call of <paramref name="response"/>, if it is traced, that reading its answer failed.</summary>
    internal static void Fail(HttpResponseMessage response, Exception exception)
    {
        if (response.Content is BoundedResponseContent { Telemetry: { } telemetry }) telemetry.Fail(exception);
    }
}

/// <summary>One traced call: ends when its response is disposed (the body read), or at once when sending failed.</summary>
internal sealed class ApiCallTelemetry
{
    private readonly ApiOperation _operation;
    private readonly Activity? _activity;
    private readonly bool _metrics;
    private readonly string? _host;
    private readonly int _port;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _status;
    private string? _errorType;
    private int _stopped;

    public ApiCallTelemetry(ApiOperation operation, Activity? activity, bool metrics, string? host, int port)
    {
        _operation = operation;
        _activity = activity;
        _metrics = metrics;
        _host = host;
        _port = port;
    }

    public void Respond(HttpResponseMessage response)
    {
        _status = (int)response.StatusCode;
        if (_status >= 400) _errorType ??= _status.ToString(CultureInfo.InvariantCulture);
        _activity?.SetTag("http.response.status_code", _status);
    }

    /// <summary>The first failure wins: what went wrong first is what the call is about.</summary>
    public void Fail(Exception exception)
    {
        _errorType ??= exception is OperationCanceledException { InnerException: TimeoutException }
            ? typeof(TimeoutException).FullName
            : exception.GetType().FullName;
    }

    public void Stop()
    {
        if (System.Threading.Interlocked.Exchange(ref _stopped, 1) != 0) return;
        if (_activity is { } activity)
        {
            if (_errorType is not null)
            {
                activity.SetTag("error.type", _errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }
            activity.Stop();
        }
        if (_metrics)
        {
            var elapsed = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            var tags = new TagList
            {
                { "http.request.method", _operation.Method },
                { "url.template", _operation.UrlTemplate },
                { "apiforge.operation.id", _operation.Id },
            };
            if (_host is not null)
            {
                tags.Add("server.address", _host);
                tags.Add("server.port", _port);
            }
            if (_status != 0) tags.Add("http.response.status_code", _status);
            if (_errorType is not null) tags.Add("error.type", _errorType);
            ApiTelemetry.Duration.Record(elapsed, tags);
        }
    }
}
