using Xunit.Abstractions;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>Counts of a crash trial: kills that landed, which file each left, temp files left behind, by moment of the kill.</summary>
public sealed class CrashTally
{
    private const int Buckets = 10;
    private readonly int[] _old = new int[Buckets];
    private readonly int[] _new = new int[Buckets];
    private readonly int[] _leftover = new int[Buckets];

    private readonly SortedDictionary<string, (int Count, string First)> _violations = new(StringComparer.Ordinal);

    public int Attempts { get; private set; }

    /// <summary>Broken promises by kind: how often, and the first occurrence in full.</summary>
    public IReadOnlyDictionary<string, (int Count, string First)> Violations => _violations;

    /// <summary>Attempts where SIGKILL ended the process (exit 137); the rest had already exited.</summary>
    public int Kills { get; private set; }

    public int OldOutcomes { get; private set; }

    public int NewOutcomes { get; private set; }

    public int KillsLeavingTempFiles { get; private set; }

    public int ConfigTempFiles { get; private set; }

    public int BackupTempFiles { get; private set; }

    /// <param name="moment">When the kill was sent, as a share of the full run's duration at the time (0 to 1).</param>
    public void Add(double moment, bool killed, bool isNew, IReadOnlyList<string> leftovers)
    {
        ArgumentNullException.ThrowIfNull(leftovers);
        Attempts++;
        if (!killed)
        {
            return;
        }

        int bucket = Math.Clamp((int)(moment * Buckets), 0, Buckets - 1);
        Kills++;
        (isNew ? _new : _old)[bucket]++;
        if (isNew)
        {
            NewOutcomes++;
        }
        else
        {
            OldOutcomes++;
        }

        if (leftovers.Count > 0)
        {
            KillsLeavingTempFiles++;
            _leftover[bucket]++;
        }

        BackupTempFiles += leftovers.Count(name => name.Contains(".psremotingdsc.bak.psremotingdsc-", StringComparison.Ordinal));
        ConfigTempFiles += leftovers.Count(name => !name.Contains(".psremotingdsc.bak.psremotingdsc-", StringComparison.Ordinal));
    }

    public void Violation(string kind, string detail) =>
        _violations[kind] = _violations.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.First) : (1, detail);

    public string DescribeViolations() => string.Join(Environment.NewLine, _violations.Select(pair =>
        $"{pair.Key}: {pair.Value.Count} of {Attempts} attempts; first: {pair.Value.First}"));

    public void Report(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"attempts {Attempts}, kills {Kills} (the other {Attempts - Kills} exited before the kill), outcomes: old {OldOutcomes}, new {NewOutcomes}");
        output.WriteLine($"kills leaving temp files before the next set: {KillsLeavingTempFiles} (config temp files {ConfigTempFiles}, backup temp files {BackupTempFiles})");
        output.WriteLine("  kill moment (share of the span)   old   new   left temp files");
        for (int bucket = 0; bucket < Buckets; bucket++)
        {
            output.WriteLine($"  {bucket * 10,3}-{(bucket + 1) * 10,3} %                      {_old[bucket],4}  {_new[bucket],4}  {_leftover[bucket],4}");
        }

        foreach ((string kind, (int count, _)) in _violations)
        {
            output.WriteLine($"VIOLATION {kind}: {count} of {Attempts} attempts");
        }
    }
}
