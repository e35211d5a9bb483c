namespace Bench.NSwagStj;

/// <summary>
/// The one setting NSwag's System.Text.Json client needs in this project: the benchmark turns reflection-based
/// serialization off by default (Apiforge's client and the hand-written one need none), and NSwag's client serializes by
/// reflection, so it gets the reflection resolver explicitly, which is what it has by default in an ordinary project.
/// </summary>
public partial class Client
{
    static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings)
        => settings.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
}
