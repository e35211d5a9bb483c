using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Apiforge.Benchmarks;

/// <summary>
/// <c>--description-edit [runs]</c>: one schema description of the partner document edited again and again (a new word
/// each time), as typing in the IDE does. Prints one line: the median driver time and the median process CPU time of a
/// rerun, and how many source outputs ran again. Meant for A/B comparisons of two builds run alternately, since the
/// machine may be busy: compare CPU times and ratios, not wall times across runs.
/// </summary>
internal static class DescriptionEditHarness
{
    public static void Run(int runs)
    {
        var doc = Documents.Get(Documents.Partner);
        const string Original = "\"description\":\"Product Tick Size\"";
        if (!doc.Text.Contains(Original, StringComparison.Ordinal)) throw new InvalidOperationException("the partner document no longer has the edited description");
        var consumer = GeneratorHost.Consumer(GeneratorHost.ConsumerSource);
        AdditionalText current = new GeneratorHost.SpecText(doc.Path, doc.Text);
        var driver = GeneratorHost.CreateDriver(new[] { current }, "Bench").RunGenerators(consumer);

        var process = Process.GetCurrentProcess();
        var driverTimes = new List<double>();
        var cpuTimes = new List<double>();
        var rerunOutputs = 0;
        const int Warmup = 5;
        for (var i = 0; i < Warmup + runs; i++)
        {
            var edited = new GeneratorHost.SpecText(doc.Path, doc.Text.Replace(Original, $"\"description\":\"Product Tick Size {i}\"", StringComparison.Ordinal));
            driver = driver.ReplaceAdditionalText(current, edited);
            current = edited;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            driver = driver.RunGenerators(consumer);
            process.Refresh();
            if (i < Warmup) continue;
            cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            driverTimes.Add(driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
            rerunOutputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs)
                .Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"description edit, {doc.Name}, {runs} runs: driver {Median(driverTimes):0.0} ms, process CPU {Median(cpuTimes):0.0} ms (medians); source outputs rerun: {rerunOutputs}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
