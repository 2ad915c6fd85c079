using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// The hostile-input table against the real executable: each rejected row has its exit code and error id, leaves the
/// config byte-identical and adds nothing beside it (the lock file excepted); each accepted row writes what it must.
/// Every run is bounded and capped at 512 MiB of managed heap, so a reader that follows /dev/zero fails instead of
/// eating the machine.
/// </summary>
[Collection(TrialsRunAlone.Name)]
public sealed partial class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_specialFileBound = TimeSpan.FromSeconds(10);

    private readonly TrialMachine _machine = new();

    public void Dispose() => _machine.Dispose();

    public static TheoryData<string, string> JsonRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (string row in HostileInputRows.Json.Keys)
        {
            rows.Add(row, "--input");
            rows.Add(row, "stdin");
        }

        return rows;
    }

    public static TheoryData<string> StdinRows() => [.. HostileInputRows.Stdin.Keys];

    public static TheoryData<string> AcceptedStdinRows() => [.. HostileInputRows.AcceptedStdin.Keys];

    public static TheoryData<string> ShellWords() => [.. HostileInputRows.ShellWords];

    private TrialCli Cli => _machine.Cli.With(new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" });

    [SkippableTheory]
    [MemberData(nameof(JsonRows))]
    public void Set_WithHostileJson_IsRefused_AndChangesNothing(string row, string channel)
    {
        Skip.If(OperatingSystem.IsWindows(), "The table runs the Unix build; the Windows job runs the contract's bad-input tests.");
        (string members, HostileRejection expected) = HostileInputRows.Json[row];
        string json = _machine.Input(members);
        AssertRefused(expected, () => channel == "stdin"
            ? Cli.Run(["set"], Encoding.UTF8.GetBytes(json), s_bound)
            : Cli.Run(TrialCli.DscArguments("set", json), timeout: s_bound));
    }

    [SkippableTheory]
    [MemberData(nameof(StdinRows))]
    public void Set_WithHostileStdin_IsRefused_AndChangesNothing(string row)
    {
        Skip.If(OperatingSystem.IsWindows(), "The table runs the Unix build.");
        (Func<string, byte[]> body, HostileRejection expected) = HostileInputRows.Stdin[row];
        byte[] stdin = body(_machine.Input(new JsonObject { ["name"] = "ep-stdin" }));
        AssertRefused(expected, () => Cli.Run(["set"], stdin, s_bound));
    }

    [SkippableTheory]
    [MemberData(nameof(AcceptedStdinRows))]
    public void Set_WithUnusualButValidStdin_IsAccepted(string row)
    {
        Skip.If(OperatingSystem.IsWindows(), "The table runs the Unix build.");
        byte[] stdin = HostileInputRows.AcceptedStdin[row](_machine.Input(new JsonObject { ["name"] = "ep-stdin" }));

        TrialRun run = Cli.Run(["set"], stdin, s_bound);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(_machine.SubsystemLine("ep-stdin") + "\n", File.ReadAllText(_machine.ConfigPath), StringComparison.Ordinal);
    }

    // No quoting survives every OpenSSH version and login shell (docs/security.md), so shell syntax is refused, named.
    [SkippableTheory]
    [MemberData(nameof(ShellWords))]
    public void Set_WithAShellMetacharacterArgument_IsRefused_NamingTheCharacter_AndChangesNothing(string word)
    {
        Skip.If(OperatingSystem.IsWindows(), "The table runs the Unix build.");
        bool touchedBefore = File.Exists("/tmp/x");
        string input = _machine.Input(new JsonObject { ["name"] = "ep-quoted", ["arguments"] = new JsonArray(word) });
        string named = word.First(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '/')).ToString();

        AssertRefused(new HostileRejection([5], "UnsafeValue", MessageNames: named), () => Cli.Run(TrialCli.DscArguments("set", input), timeout: s_bound));
        Assert.Equal(touchedBefore, File.Exists("/tmp/x"));
    }

    private void AssertRefused(HostileRejection expected, Func<TrialRun> run)
    {
        byte[] before = File.ReadAllBytes(_machine.ConfigPath);
        SortedDictionary<string, string> around = WithoutLock(TrialFiles.Snapshot(_machine.ConfigDirectory));

        TrialRun result = run();

        output.WriteLine($"exit {result.ExitCode}, {result.Elapsed.TotalMilliseconds:F0} ms; stderr: {string.Join(" | ", result.StderrLines.Select(Shorten))}");
        HostileAssert.Refused(expected, result);
        Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(_machine.ConfigPath)), "the config changed:\n" + File.ReadAllText(_machine.ConfigPath));
        Assert.Equal(around, WithoutLock(TrialFiles.Snapshot(_machine.ConfigDirectory)));
    }

    internal static SortedDictionary<string, string> WithoutLock(SortedDictionary<string, string> snapshot)
    {
        snapshot.Remove("." + TrialMachine.ConfigName + ".psremotingdsc.lock");
        return snapshot;
    }

    private static string Shorten(string line) => line.Length > 400 ? line[..400] + "…" : line;
}
