using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Apiforge.Benchmarks;

/// <summary>
/// What the tables need from the machine: CPU time of this process and of the child processes it has waited for,
/// and the load average, so a reader can judge how quiet the machine was.
/// </summary>
internal static class Machine
{
    /// <summary>CPU time (user + system) of this process, all its threads, the garbage collector's included.</summary>
    public static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time (user + system) of every child process that has ended and been waited for, and of their own waited-for
    /// descendants (getrusage RUSAGE_CHILDREN): a <c>dotnet build</c> whose MSBuild nodes and compiler processes all
    /// end with it (no build servers) is all in here. Null where the platform has no getrusage.
    /// </summary>
    public static TimeSpan? ChildrenCpu()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return null;
        if (GetResourceUsage(ResourceUsageChildren, out var usage) != 0) return null;
        return TimeSpan.FromTicks((usage.UserSeconds + usage.SystemSeconds) * TimeSpan.TicksPerSecond
            + ((usage.UserMicroseconds + usage.SystemMicroseconds) * TimeSpan.TicksPerMillisecond / 1000));
    }

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg ("n/a" elsewhere).</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" ", fields.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public static string Describe()
        => $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";

    private const int ResourceUsageChildren = -1;

    // struct rusage on 64-bit Linux and macOS: two timevals (seconds, microseconds as longs), then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResident, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults, Swaps, BlockIn, BlockOut, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);
}
