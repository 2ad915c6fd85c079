using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// Many <c>set</c>s of different endpoints at once on one sshd_config: none is lost (the lock serialises read, plan,
/// write and rename, and each re-reads after taking it), foreign lines keep every byte and their order, and a process
/// that cannot get the lock in time exits 19 (<c>SshdConfigLocked</c>) having changed nothing.
/// </summary>
[Collection(TrialsRunAlone.Name)]
public sealed class ConcurrencyTrialTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 5;
    private const int Processes = 20;
    private const int LockedExitCode = 19;

    private readonly TrialMachine _machine = new();

    public void Dispose() => _machine.Dispose();

    [SkippableFact]
    public void TwentySetsAtOnce_OfDifferentEndpoints_AllLand_AndForeignLinesKeepTheirBytes()
    {
        Skip.If(OperatingSystem.IsWindows(), "The lock is flock(2); the Windows writer is covered by the Windows CI job.");
        var names = Enumerable.Range(1, Processes).Select(index => $"ep-{index:D2}").ToList();
        var total = Stopwatch.StartNew();
        for (int round = 1; round <= Rounds; round++)
        {
            // Round 1 adds twenty lines; every later round rewrites all twenty with new arguments.
            string argument = $"-Round{round}";
            var clock = Stopwatch.StartNew();
            var processes = names
                .Select(name => _machine.Cli.Start(TrialCli.DscArguments("set", _machine.Input(new JsonObject { ["name"] = name, ["arguments"] = new JsonArray(argument) }))))
                .ToList();
            processes.ForEach(process => process.WriteStdinAndClose(null));
            var runs = processes.Select(process => process.WaitForExit(TimeSpan.FromSeconds(180))).ToList();
            processes.ForEach(process => process.Dispose());

            int locked = runs.Count(run => run.ExitCode == LockedExitCode);
            output.WriteLine($"round {round}: {runs.Count(run => run.ExitCode == 0)} exit 0, {locked} exit 19, {runs.Count(run => run.ExitCode is not 0 and not LockedExitCode)} other; "
                + $"{clock.Elapsed.TotalSeconds:F1} s, slowest process {runs.Max(run => run.Elapsed).TotalSeconds:F1} s");
            foreach (TrialRun run in runs)
            {
                Assert.True(run.ExitCode is 0 or LockedExitCode, $"round {round}: a set exited {run.ExitCode}:\n{run}");
                Assert.True(run.ExitCode == 0 || run.ErrorId == "SshdConfigLocked", $"round {round}: exit 19 without SshdConfigLocked:\n{run}");
            }

            string[] lines = File.ReadAllText(_machine.ConfigPath).Split('\n');
            var lost = new List<string>();
            for (int index = 0; index < names.Count; index++)
            {
                string[] definitions = lines.Where(line => line.StartsWith($"Subsystem {names[index]} ", StringComparison.Ordinal)).ToArray();
                if (runs[index].ExitCode == 0 && !definitions.SequenceEqual([_machine.SubsystemLine(names[index], argument)]))
                {
                    lost.Add($"{names[index]}: {(definitions.Length == 0 ? "no line" : string.Join(" | ", definitions))}");
                }
            }

            Assert.True(lost.Count == 0, $"round {round}: {lost.Count} of the sets that exited 0 are not in the config as they wrote it (lost updates):\n{string.Join('\n', lost)}");
            Assert.Equal(_machine.ForeignText, string.Join('\n', lines.Where(line => !line.StartsWith("Subsystem ep-", StringComparison.Ordinal))));
            Assert.Empty(TrialFiles.TempLeftovers(_machine.ConfigDirectory));

            // At the default 30 s timeout twenty short sets never time out: all must be there.
            Assert.True(locked == 0, $"round {round}: {locked} of {Processes} sets timed out on the lock at the default timeout.");
        }

        output.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
    }

    [SkippableFact]
    public void Set_WhileAnotherProcessHoldsTheLock_ExitsLockedAfterTheTimeout_AndChangesNothing()
    {
        Skip.If(OperatingSystem.IsWindows(), "The lock is flock(2); .NET takes it for FileShare.None on Unix only.");
        byte[] before = File.ReadAllBytes(_machine.ConfigPath);
        DateTime written = File.GetLastWriteTimeUtc(_machine.ConfigPath);
        var entries = _machine.Directory.EntryNames();
        string input = _machine.Input(new JsonObject { ["name"] = "ep-locked" });

        TrialRun run;
        using (HoldLock())
        {
            run = _machine.Cli.With(new Dictionary<string, string?> { ["PSREMOTINGDSC_LOCK_TIMEOUT"] = "1" })
                .Run(TrialCli.DscArguments("set", input), timeout: TimeSpan.FromSeconds(30));
        }

        output.WriteLine($"locked out after {run.Elapsed.TotalSeconds:F2} s");
        Assert.False(run.TimedOut, run.ToString());
        Assert.True(run.ExitCode == LockedExitCode, run.ToString());
        Assert.Equal("SshdConfigLocked", run.ErrorId);
        Assert.True(run.StderrIsJsonLines, run.ToString());
        Assert.Empty(run.Stdout);
        Assert.True(run.Elapsed >= TimeSpan.FromSeconds(0.9), $"it gave up after {run.Elapsed.TotalSeconds:F2} s, before the 1 s timeout.");
        Assert.Equal(before, File.ReadAllBytes(_machine.ConfigPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(_machine.ConfigPath));
        Assert.Empty(TrialFiles.TempLeftovers(_machine.ConfigDirectory));
        Assert.Equal(entries, _machine.Directory.EntryNames());

        // Released, the same set goes through: it was the lock, not the input.
        Assert.Equal(0, _machine.Cli.Run(TrialCli.DscArguments("set", input)).ExitCode);
    }

    [SkippableFact]
    public void Set_WaitsForTheLock_AndProceedsWhenItIsReleasedWithinTheTimeout()
    {
        Skip.If(OperatingSystem.IsWindows(), "The lock is flock(2); .NET takes it for FileShare.None on Unix only.");
        string input = _machine.Input(new JsonObject { ["name"] = "ep-waited" });
        TrialProcess process;
        using (HoldLock())
        {
            process = _machine.Cli.With(new Dictionary<string, string?> { ["PSREMOTINGDSC_LOCK_TIMEOUT"] = "20" }).Start(TrialCli.DscArguments("set", input));
            process.WriteStdinAndClose(null);
            Thread.Sleep(TimeSpan.FromSeconds(1.5));
            Assert.False(process.HasExited, "the set finished while the lock was held by another process.");
            Assert.DoesNotContain(_machine.SubsystemLine("ep-waited"), File.ReadAllText(_machine.ConfigPath), StringComparison.Ordinal);
        }

        using (process)
        {
            TrialRun run = process.WaitForExit(TimeSpan.FromSeconds(30));
            output.WriteLine($"the set finished {run.Elapsed.TotalSeconds:F2} s after it started (lock released at 1.5 s)");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains(_machine.SubsystemLine("ep-waited") + "\n", File.ReadAllText(_machine.ConfigPath), StringComparison.Ordinal);
        }
    }

    /// <summary>Holds the config's lock: .NET takes flock(LOCK_EX) for FileShare.None on Unix.</summary>
    private FileStream HoldLock() =>
        new(TrialMachine.LockPath(_machine.ConfigPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
