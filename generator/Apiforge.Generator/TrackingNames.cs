namespace Apiforge.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string Parsed = nameof(Parsed);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Types = nameof(Types);
    public const string Clients = nameof(Clients);
    public const string HttpClientFactory = nameof(HttpClientFactory);
    public const string DependencyInjection = nameof(DependencyInjection);
    public const string ConsumerFeatures = nameof(ConsumerFeatures);
    public const string ClientOutput = nameof(ClientOutput);
    public const string JsonContextOutput = nameof(JsonContextOutput);
    public const string ValidatorOutput = nameof(ValidatorOutput);
}
