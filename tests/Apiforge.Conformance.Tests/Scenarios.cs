namespace Apiforge.Conformance.Tests;

/// <summary>Every scenario, table by table (one partial file per group of swaggers).</summary>
public static partial class Scenarios
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        .. Primitives(), .. Dates(), .. ComplexTypes(), .. ArraysAndDictionaries(), .. UrlAndHeaders(), .. Infrastructure(), .. Others(),
    ];

    public static readonly IReadOnlyDictionary<string, Scenario> ByName = All.ToDictionary(scenario => scenario.Name, StringComparer.Ordinal);

    /// <summary>Reasons a scenario is pending (its fix belongs elsewhere or is not done yet); none today.</summary>
    internal static class Because
    {
    }
}
