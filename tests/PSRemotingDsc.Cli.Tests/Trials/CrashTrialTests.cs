using System.Diagnostics;
using Xunit.Abstractions;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// SIGKILL at random moments of a real <c>set</c>: the config is always exactly the old or the new file, with its type,
/// mode and owner, and the next <c>set</c> finishes and removes every temp file the killed one left, and nothing else.
/// Two lanes (each its own temp config) run side by side so that 200 kills fit in the time on two cores.
/// Seed: PSREMOTINGDSC_TRIAL_SEED, or a fresh one that the output prints; lane i uses seed + i.
/// </summary>
[Collection(TrialsRunAlone.Name)]
public sealed class CrashTrialTests(ITestOutputHelper output)
{
    private const int RequiredKills = 200;
    private const int Lanes = 2;

    [SkippableFact]
    public void Set_KilledAtRandomMoments_LeavesOldOrNewFile_AndTheNextSetCleansUp()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGKILL, file types, modes and owners: this trial is for Unix.");
        int seed = TrialSeed.Get();
        output.WriteLine($"seed {seed} (rerun with {TrialSeed.Variable}={seed}); cli {CliUnderTest.ExecutablePath}");
        var clock = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, Lanes).Select(index => new CrashLane(unchecked(seed + index))).ToList();
        try
        {
            RunSideBySide(lanes, lane => lane.Calibrate());
            RunSideBySide(lanes, lane => lane.Run((RequiredKills + Lanes - 1) / Lanes));
        }
        finally
        {
            Report(lanes, clock.Elapsed);
            lanes.ForEach(lane => lane.Dispose());
        }

        string violations = string.Join(Environment.NewLine, lanes.Select((lane, index) => (lane, index))
            .Where(pair => pair.lane.Tally.Violations.Count > 0)
            .Select(pair => $"lane {pair.index} (seed {unchecked(seed + pair.index)}): {pair.lane.Tally.DescribeViolations()}"));
        Assert.True(violations.Length == 0, violations);
        int kills = lanes.Sum(lane => lane.Tally.Kills);
        Assert.True(kills >= RequiredKills, $"only {kills} kills landed before the process exited (seed {seed}).");
    }

    private static void RunSideBySide(List<CrashLane> lanes, Action<CrashLane> work)
    {
        Task[] tasks = lanes.Select(lane => Task.Factory.StartNew(() => work(lane), TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(tasks);
    }

    private void Report(List<CrashLane> lanes, TimeSpan elapsed)
    {
        output.WriteLine($"sshd -t {(lanes[0].SshdValidates ? "on" : "off (no sshd, or not root)")}");
        for (int index = 0; index < lanes.Count; index++)
        {
            CrashLane lane = lanes[index];
            output.WriteLine($"lane {index}: calibration runs {string.Join(", ", lane.CalibrationRuns.Select(d => $"{d.TotalMilliseconds:F0}"))} ms; kills spread uniformly over [0, span], span {lane.SpanRange.Smallest.TotalMilliseconds:F0}-{lane.SpanRange.Largest.TotalMilliseconds:F0} ms (1.1 x median of the last 9 full runs)");
            lane.Tally.Report(output);
        }

        output.WriteLine($"total: kills {lanes.Sum(l => l.Tally.Kills)} of {lanes.Sum(l => l.Tally.Attempts)} attempts, old {lanes.Sum(l => l.Tally.OldOutcomes)}, new {lanes.Sum(l => l.Tally.NewOutcomes)}, "
            + $"kills leaving temp files {lanes.Sum(l => l.Tally.KillsLeavingTempFiles)} ({lanes.Sum(l => l.Tally.ConfigTempFiles)} config, {lanes.Sum(l => l.Tally.BackupTempFiles)} backup); {elapsed.TotalSeconds:F1} s");
    }
}
