using System.Runtime.CompilerServices;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Checked-in snapshots in Verify's naming: <c>Snapshots/{Test}.{name}.verified.cs</c>. A mismatch writes
/// <c>*.received.cs</c> beside it (git-ignored) and fails; set APIFORGE_UPDATE_SNAPSHOTS=1 to accept what was generated.
/// </summary>
internal static class Snapshots
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var update = Environment.GetEnvironmentVariable("APIFORGE_UPDATE_SNAPSHOTS") == "1";
        if (update)
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; wrote {received}. Review it and run with APIFORGE_UPDATE_SNAPSHOTS=1 to accept."
            : $"{name} differs from {verified}; see {received}. Run with APIFORGE_UPDATE_SNAPSHOTS=1 to accept the change.");
    }
}
