namespace Apiforge.Conformance.Tests;

/// <summary>
/// One call (or a few) the way AutoRest's own tests make it, with the values and expectations the server's route checks.
/// <paramref name="Pending"/> names what is missing for it to pass (another engineer's work, a known generator gap):
/// such a scenario still runs (the server counts the hit) and is expected to fail; when it passes, the test says so
/// and the mark must go.
/// </summary>
public sealed record Scenario(string Name, Func<Clients, Task> Run, string? Pending = null)
{
    public override string ToString() => Name;
}

/// <summary>Builds the scenario tables one line per scenario.</summary>
public sealed class ScenarioTable : List<Scenario>
{
    public void Add(string name, Func<Clients, Task> run) => Add(new Scenario(name, run));

    public void Add(string name, Func<Clients, Task> run, string pending) => Add(new Scenario(name, run, pending));
}
