using PSRemotingDsc.Fuzzing.Targets;

namespace PSRemotingDsc.Fuzzing;

/// <summary>Every fuzz target, shared by the fuzzing harness and the smoke tests of the test suite.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } = [new JsonTarget(), new SshdConfigTarget(), new SddlTarget(), new PluginXmlTarget()];

    /// <summary>The target with that name, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(target => string.Equals(target.Name, name, StringComparison.Ordinal));

    /// <summary>The target with that name; throws <see cref="ArgumentException"/> naming the known ones otherwise.</summary>
    public static FuzzTarget Get(string name) =>
        Find(name) ?? throw new ArgumentException($"'{name}' is not a fuzz target; use one of: {string.Join(", ", All.Select(target => target.Name))}.", nameof(name));
}
