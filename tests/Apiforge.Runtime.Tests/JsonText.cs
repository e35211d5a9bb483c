using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime.Tests;

/// <summary>JSON text in and out of the runtime's readers and writers, for tests of single values.</summary>
internal static class JsonText
{
    /// <summary>A reader positioned on the first token of <paramref name="json"/>.</summary>
    public static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    /// <summary>What <paramref name="write"/> writes, as text.</summary>
    public static string Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
