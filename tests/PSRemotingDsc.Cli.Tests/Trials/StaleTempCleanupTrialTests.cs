using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// Under the lock, every <c>set</c> and <c>delete</c> removes the stale temp files a killed run can leave —
/// <c>.&lt;file&gt;.psremotingdsc-&lt;12 hex&gt;.tmp</c> and <c>.&lt;file&gt;.psremotingdsc.bak.psremotingdsc-&lt;12 hex&gt;.tmp</c>,
/// regular files only — and nothing else: near-miss names, other files' temp names, and a directory, symbolic link or
/// FIFO with exactly the pattern's name stay.
/// </summary>
[Collection(TrialsRunAlone.Name)]
public sealed class StaleTempCleanupTrialTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] s_stale =
        [".sshd_config.psremotingdsc-0123456789ab.tmp", ".sshd_config.psremotingdsc.bak.psremotingdsc-ba9876543210.tmp"];

    private static readonly string[] s_nearMisses =
    [
        ".sshd_config.psremotingdsc-0123456789a.tmp",
        ".sshd_config.psremotingdsc-0123456789abc.tmp",
        ".sshd_config.psremotingdsc-0123456789ag.tmp",
        ".sshd_config.psremotingdsc-0123456789ab.tmp.keep",
        ".other_config.psremotingdsc-0123456789ab.tmp",
        "sshd_config.psremotingdsc-0123456789ab.tmp",
        ".sshd_config.keep.tmp",
        "unrelated.psremotingdsc-xyz.tmp",
    ];

    private readonly TrialMachine _machine = new();

    public void Dispose() => _machine.Dispose();

    public static TheoryData<string> Operations() => ["set that adds the endpoint", "set that changes nothing", "delete"];

    [SkippableTheory]
    [MemberData(nameof(Operations))]
    public void SetAndDelete_RemoveExactlyTheStaleTempFiles(string operation)
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and the Unix writer's names; the Windows job covers its writer.");
        string input = _machine.Input(new JsonObject { ["name"] = "ep-clean" });
        if (operation != "set that adds the endpoint")
        {
            Assert.Equal(0, _machine.Cli.Run(TrialCli.DscArguments("set", input)).ExitCode);
        }

        string folder = _machine.ConfigDirectory;
        foreach (string name in s_stale.Concat(s_nearMisses))
        {
            File.WriteAllText(Path.Join(folder, name), $"left by someone: {name}\n");
        }

        Directory.CreateDirectory(Path.Join(folder, ".sshd_config.psremotingdsc-aaaaaaaaaaaa.tmp"));
        File.WriteAllText(Path.Join(folder, ".sshd_config.psremotingdsc-aaaaaaaaaaaa.tmp", "inside"), "kept\n");
        string outside = _machine.Directory.WriteFile("outside-target", "the link's target, kept\n");
        File.CreateSymbolicLink(Path.Join(folder, ".sshd_config.psremotingdsc-bbbbbbbbbbbb.tmp"), outside);
        Tool.RunOrThrow("mkfifo", Path.Join(folder, ".sshd_config.psremotingdsc-cccccccccccc.tmp"));
        SortedDictionary<string, string> before = TrialFiles.Snapshot(folder);
        string outsideBefore = File.ReadAllText(outside);

        TrialRun run = operation == "delete"
            ? _machine.Cli.Run(TrialCli.DscArguments("delete", input), timeout: TimeSpan.FromSeconds(30))
            : _machine.Cli.Run(TrialCli.DscArguments("set", input), timeout: TimeSpan.FromSeconds(30));

        SortedDictionary<string, string> after = TrialFiles.Snapshot(folder);
        output.WriteLine($"exit {run.ExitCode}; removed: {string.Join(", ", before.Keys.Except(after.Keys))}; added: {string.Join(", ", after.Keys.Except(before.Keys))}");
        Assert.False(run.TimedOut, run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(s_stale.Order(StringComparer.Ordinal), before.Keys.Except(after.Keys).Order(StringComparer.Ordinal));
        // The config and its backup are the operation's to rewrite; everything else must be as it was.
        string[] rewritten = [TrialMachine.ConfigName, TrialMachine.ConfigName + ".psremotingdsc.bak"];
        foreach ((string name, string description) in before.Where(entry => !s_stale.Contains(entry.Key) && !rewritten.Contains(entry.Key)))
        {
            Assert.True(after.TryGetValue(name, out string? now) && now == description, $"'{name}' was {description}, now {now ?? "gone"}");
        }

        Assert.Equal("kept\n", File.ReadAllText(Path.Join(folder, ".sshd_config.psremotingdsc-aaaaaaaaaaaa.tmp", "inside")));
        Assert.Equal(outsideBefore, File.ReadAllText(outside));
    }
}
