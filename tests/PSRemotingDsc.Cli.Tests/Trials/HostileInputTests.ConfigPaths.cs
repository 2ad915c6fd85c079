namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>The table's <c>sshdConfigPath</c> rows (<see cref="HostileConfigPathRows"/>).</summary>
public sealed partial class HostileInputTests
{
    public static TheoryData<string> ConfigPathRows() => [.. HostileConfigPathRows.Rows.Keys];

    [SkippableTheory]
    [MemberData(nameof(ConfigPathRows))]
    public void Set_WithAConfigPathThatIsNotARegularFile_IsRefused_AndLeavesItAsItWas(string row)
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs, device nodes and /dev are Unix.");
        ConfigPathRow spec = HostileConfigPathRows.Rows[row];
        Skip.If(spec.NeedsRoot && !Environment.IsPrivilegedProcess, "Making a device node (mknod) needs root.");
        if (spec.StandIn is not null && Environment.IsPrivilegedProcess)
        {
            // As root, a writer that replaces (or follows and replaces) the path would replace the machine's own device.
            string standInFolder = _machine.Directory.Combine("stand-in");
            Directory.CreateDirectory(standInFolder);
            using SpecialConfigPath standIn = spec.StandIn(standInFolder);
            ConfigPathOutcome probe = Attempt(standIn, spec.Bound);
            Assert.True(probe.LeftAsItWas && spec.Expected.ExitCodes.Contains(probe.Run.ExitCode),
                $"Not run against {row}: on a stand-in the code under test exited {probe.Run.ExitCode} and the stand-in went from "
                + $"'{probe.Before}' to '{probe.After}'{(probe.FolderChanged ? " with its folder changed" : string.Empty)}; on {row} it would do that to this machine.\n{probe.Run}");
        }

        string folder = _machine.Directory.Combine("special");
        Directory.CreateDirectory(folder);
        using SpecialConfigPath path = spec.Make(folder);
        ConfigPathOutcome outcome = Attempt(path, spec.Bound);

        HostileAssert.Refused(spec.Expected, outcome.Run);
        Assert.Equal(outcome.Before, outcome.After);
        Assert.False(outcome.FolderChanged, $"files were added, removed or changed beside {path.Path}:\n{outcome.Run}");
        Assert.True(outcome.CreatedInDev.Count == 0, $"created in /dev: {string.Join(", ", outcome.CreatedInDev)}");
    }

    /// <summary>One bounded set on <paramref name="path"/>, with what it did to the path, its folder and /dev; restores /dev/null and /dev/zero if replaced.</summary>
    private ConfigPathOutcome Attempt(SpecialConfigPath path, TimeSpan bound)
    {
        string folder = Path.GetDirectoryName(path.Path)!;
        bool inTrialFolder = folder.StartsWith(_machine.Directory.Path, StringComparison.Ordinal);
        SortedDictionary<string, string>? around = inTrialFolder ? WithoutLock(TrialFiles.Snapshot(folder)) : null;
        string before = path.Describe();
        HashSet<string> inDev = DevEntries();

        TrialRun run = Cli.Run(TrialCli.DscArguments("set", _machine.Input("\"name\":\"ep-special\"", path.Path)), timeout: bound);

        string after = path.Describe();
        DeviceGuard.RestoreIfReplaced("/dev/null", 3);
        DeviceGuard.RestoreIfReplaced("/dev/zero", 5);
        var created = DevEntries().Except(inDev).Order(StringComparer.Ordinal).ToList();
        foreach (string entry in created)
        {
            File.Delete(entry); // nothing of a test may stay in /dev
        }

        output.WriteLine($"{path.Path}: exit {run.ExitCode}{(run.TimedOut ? " (timed out, killed)" : string.Empty)} after {run.Elapsed.TotalMilliseconds:F0} ms; stderr: {string.Join(" | ", run.StderrLines.Select(Shorten))}");
        output.WriteLine($"  before: {before}{Environment.NewLine}  after:  {after}");
        bool folderChanged = around is not null && !around.SequenceEqual(WithoutLock(TrialFiles.Snapshot(folder)));
        var createdNotLock = created.Where(entry => !entry.EndsWith(".psremotingdsc.lock", StringComparison.Ordinal)).ToList();
        if (created.Count > createdNotLock.Count)
        {
            output.WriteLine($"  note: the run created a lock file in /dev (removed): {string.Join(", ", created.Except(createdNotLock))}");
        }

        return new ConfigPathOutcome(run, before, after, folderChanged, createdNotLock);
    }

    private static HashSet<string> DevEntries() =>
        OperatingSystem.IsWindows() ? [] : [.. Directory.GetFileSystemEntries("/dev", "*psremotingdsc*")];
}
