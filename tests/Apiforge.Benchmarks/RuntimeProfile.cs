using System.Diagnostics;
using System.Globalization;

namespace Apiforge.Benchmarks;

/// <summary>
/// `--runtime-profile`: the runtime calls (hand-written, Apiforge, NSwag in System.Text.Json and in Newtonsoft mode)
/// in alternating rounds, each round many calls; the best round per client (least disturbed by other processes on a
/// shared machine) in CPU and wall µs per call, and bytes per call, with ratios to the hand-written call and to NSwag STJ.
/// </summary>
internal static class RuntimeProfile
{
    private static readonly Apiforge.Runtime.ApiOperation s_operation = new("create-trading-permission", "POST", "/user/createtradingpermission", 200);

    public static async Task<List<string>> RunAsync(int rounds = 9, int calls = 20000)
    {
        var bench = new RuntimeBenchmarks();
        bench.Setup();
        using var mainShapedHttp = new HttpClient(new InMemoryHandler(RuntimeBenchmarks.ResponseJson)) { BaseAddress = new Uri("https://live.tradovateapi.com/v1/") };
        var baseUri = new Uri("https://live.tradovateapi.com/v1/");
        var responseBytes = System.Text.Encoding.UTF8.GetBytes(RuntimeBenchmarks.ResponseJson);
        var apiforgeBody = new global::Bench.Apiforge.CreateTradingPermission { AccountId = 7, UserId = 42 };
        var handBody = new HandWritten.CreateTradingPermission { AccountId = 7, UserId = 42 };
        // The floor: what HttpClient itself costs for this call (request with a ready body, send, read the answer),
        // which no generated client can go below.
        using var floorHttp = new HttpClient(new InMemoryHandler(RuntimeBenchmarks.ResponseJson)) { BaseAddress = baseUri };
        var floorUri = new Uri("https://live.tradovateapi.com/v1/user/createtradingpermission");
        var requestBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(apiforgeBody, global::Bench.Apiforge.SeedClientJsonContext.Default.CreateTradingPermission);
        var sink = new byte[4096];
        using var cannedResponse = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(responseBytes) };
        cannedResponse.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var clients = new (string Name, Func<Task<long>> Call)[]
        {
            ("hand-written", bench.HandWrittenCall),
            ("Apiforge", bench.ApiforgeCall),
            ("NSwag STJ", bench.NSwagStjCall),
            ("NSwag Newtonsoft", bench.NSwagCall),
            ("floor: HttpClient.SendAsync + read the body", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, floorUri) { Content = new ByteArrayContent(requestBytes) };
                using var response = await floorHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(sink).ConfigureAwait(false)) > 0) total += read;
                return total;
            }),
            ("floor + Apiforge deserialize (stream)", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, floorUri) { Content = new ByteArrayContent(requestBytes) };
                using var response = await floorHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var r = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, global::Bench.Apiforge.SeedClientJsonContext.Default.TradingPermissionResponse).ConfigureAwait(false);
                return r!.TradingPermission!.Id!.Value;
            }),
            ("floor via Apiforge's ApiResponse.SendAsync (descriptor, no options)", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, floorUri) { Content = new ByteArrayContent(requestBytes) };
                using var response = await Apiforge.Runtime.ApiResponse.SendAsync(floorHttp, request, s_operation, null, CancellationToken.None).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(sink).ConfigureAwait(false)) > 0) total += read;
                return total;
            }),
            ("piece: ApiResult.From + read Value", () => Task.FromResult((long)Apiforge.Runtime.ApiResult.From(cannedResponse, 1).Value)),
            ("Apiforge as on main (no descriptor, no options)", () => MainShapedCall.CallAsync(mainShapedHttp)),
            ("Apiforge, nothing listening (again, after main's)", bench.ApiforgeCall),
            ("piece: Apiforge RequestUriBuilder", () =>
            {
                var url = new Apiforge.Runtime.RequestUriBuilder(baseUri, null);
                url.AppendPath("/user/createtradingpermission");
                return Task.FromResult((long)url.ToUri().OriginalString.Length);
            }),
            ("piece: Apiforge RequestUriBuilder.ToRequest (literal path: the operation's kept URI)", () =>
            {
                var url = new Apiforge.Runtime.RequestUriBuilder(baseUri, null);
                url.AppendPath("/user/createtradingpermission");
                using var request = url.ToRequest(s_operation);
                return Task.FromResult((long)request.RequestUri!.OriginalString.Length);
            }),
            ("piece: new HttpRequestMessage(POST, absolute Uri)", () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, floorUri);
                return Task.FromResult((long)request.RequestUri!.OriginalString.Length);
            }),
            ("piece: new Uri(base, relative)", () => Task.FromResult((long)new Uri(baseUri, "user/createtradingpermission").OriginalString.Length)),
            ("piece: Apiforge ApiContent.Json + copy", async () =>
            {
                using var content = Apiforge.Runtime.ApiContent.Json(apiforgeBody, global::Bench.Apiforge.SeedClientJsonContext.Default.CreateTradingPermission, "application/json");
                await content.CopyToAsync(Stream.Null).ConfigureAwait(false);
                return 1;
            }),
            ("piece: JsonContent.Create + copy", async () =>
            {
                using var content = System.Net.Http.Json.JsonContent.Create(handBody, HandWritten.SeedJsonContext.Default.CreateTradingPermission);
                await content.CopyToAsync(Stream.Null).ConfigureAwait(false);
                return 1;
            }),
            ("piece: Apiforge deserialize (stream)", async () =>
            {
                using var stream = new MemoryStream(responseBytes);
                var r = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, global::Bench.Apiforge.SeedClientJsonContext.Default.TradingPermissionResponse).ConfigureAwait(false);
                return r!.TradingPermission!.Id!.Value;
            }),
            ("piece: STJ source gen deserialize (stream)", async () =>
            {
                using var stream = new MemoryStream(responseBytes);
                var r = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, HandWritten.SeedJsonContext.Default.TradingPermissionResponse).ConfigureAwait(false);
                return r!.TradingPermission!.Id!.Value;
            }),
        };
        foreach (var (name, call) in clients)
        {
            for (var i = 0; i < 3; i++) await call().ConfigureAwait(false);
            var task = call();
            Console.WriteLine($"{name}: completed synchronously: {task.IsCompleted}");
            await task.ConfigureAwait(false);
        }
        var best = clients.ToDictionary(c => c.Name, _ => double.MaxValue);
        var bestCpu = clients.ToDictionary(c => c.Name, _ => double.MaxValue);
        var bytes = clients.ToDictionary(c => c.Name, _ => 0L);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, call) in clients)
            {
                var cpuBefore = Machine.ProcessCpu();
                var before = GC.GetTotalAllocatedBytes(true);
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < calls; i++) await call().ConfigureAwait(false);
                var us = sw.Elapsed.TotalMilliseconds * 1000 / calls;
                bytes[name] = (GC.GetTotalAllocatedBytes(true) - before) / calls;
                var cpuUs = (Machine.ProcessCpu() - cpuBefore).TotalMilliseconds * 1000 / calls;
                best[name] = Math.Min(best[name], us);
                bestCpu[name] = Math.Min(bestCpu[name], cpuUs);
            }
        }
        bench.Cleanup();
        // Every call completes synchronously (printed above), so the process's CPU time is the calls' own: on a busy
        // machine it moves far less than wall time, and the time ratios use it.
        var lines = new List<string>
        {
            $"### Runtime call, best of {rounds} alternating rounds of {calls} calls; CPU time of the process per call (time ratios use it) and wall time; allocations per call, all threads",
            "",
            "| what | CPU µs per call | wall µs per call | bytes per call | CPU time / hand-written | bytes / hand-written | CPU time / NSwag STJ | bytes / NSwag STJ |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        };
        static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
        static string Us(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var (name, _) in clients)
        {
            var ratios = clients.Take(4).Any(c => c.Name == name)
                ? $"{Ratio(bestCpu[name] / bestCpu["hand-written"])} | {Ratio((double)bytes[name] / bytes["hand-written"])} | {Ratio(bestCpu[name] / bestCpu["NSwag STJ"])} | {Ratio((double)bytes[name] / bytes["NSwag STJ"])}"
                : " |  |  | ";
            lines.Add($"| {name} | {Us(bestCpu[name])} | {Us(best[name])} | {bytes[name]} | {ratios} |");
        }
        Harness.Results["runtime-time/hand-written"] = bestCpu["Apiforge"] / bestCpu["hand-written"];
        Harness.Results["runtime-bytes/hand-written"] = (double)bytes["Apiforge"] / bytes["hand-written"];
        Harness.Results["runtime-time/nswag-stj"] = bestCpu["Apiforge"] / bestCpu["NSwag STJ"];
        Harness.Results["runtime-bytes/nswag-stj"] = (double)bytes["Apiforge"] / bytes["NSwag STJ"];
        lines.Add("");
        foreach (var line in lines) Console.WriteLine(line);
        return lines;
    }
}
