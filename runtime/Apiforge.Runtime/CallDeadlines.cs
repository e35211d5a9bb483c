using System;
using System.Diagnostics;
using System.Threading;

namespace Apiforge.Runtime;

/// <summary>
/// The cancellation source that ends a call at its deadline. A long timeout (HttpClient's default is 100 s) is
/// rounded up to a slot of at most 1/64 of it, and every call whose deadline falls in that slot shares one source: a
/// call then costs no timer and no allocation of its own, and ends at most 1/64 of its timeout (1.6 %) after it
/// would have. A timeout under about a second gets a source of its own, exact.
/// </summary>
internal static class CallDeadlines
{
    // The smallest slot shared: below it (a timeout under 64 × 16 ms) a call has its own exact timer.
    private const long MinSlotMilliseconds = 16;
    private const int Slots = 8;

    private static readonly Slot?[] s_slots = new Slot?[Slots];

    /// <summary>
    /// The source for a call bounded by <paramref name="timeout"/> (not infinite). <paramref name="owned"/>: whether
    /// the call owns it (and disposes it); a shared one is never disposed, it ends when its timer fires.
    /// </summary>
    public static CancellationTokenSource For(TimeSpan timeout, out bool owned)
    {
        var milliseconds = (long)timeout.TotalMilliseconds;
        var slot = milliseconds / 64;
        if (slot < MinSlotMilliseconds || milliseconds > int.MaxValue / 2)
        {
            owned = true;
            return new CancellationTokenSource(timeout);
        }
        // A power of two, so that timeouts close to each other share slots.
        var size = MinSlotMilliseconds;
        while (size * 2 <= slot) size *= 2;
        var now = NowMilliseconds();
        var end = (now + milliseconds + size - 1) / size;
        var index = (int)((end ^ size) & (Slots - 1));
        owned = false;
        var current = Volatile.Read(ref s_slots[index]);
        if (current is not null && current.End == end && current.Size == size) return current.Source;
        var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(end * size - now));
        Volatile.Write(ref s_slots[index], new Slot(end, size, source));
        return source;
    }

    private static long NowMilliseconds()
#if NET
        => Environment.TickCount64;
#else
        => Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1000);
#endif

    private sealed class Slot
    {
        public Slot(long end, long size, CancellationTokenSource source)
        {
            End = end;
            Size = size;
            Source = source;
        }

        public long End { get; }

        public long Size { get; }

        public CancellationTokenSource Source { get; }
    }
}
