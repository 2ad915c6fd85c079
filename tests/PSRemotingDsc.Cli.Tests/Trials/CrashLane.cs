using System.Text;
using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// One sequence of the crash trial on its own <see cref="TrialMachine"/>: kill a <c>set</c> at a random moment, check the
/// config, run the next <c>set</c> to completion, check again. The desired state cycles absent -> <c>-TrialA</c> ->
/// <c>-TrialB</c> -> absent, so that old and new always differ and each kill interrupts an add, a rewrite or a removal.
/// </summary>
public sealed class CrashLane : IDisposable
{
    private const int MaxAttemptsPerKill = 3;
    private const int FullRunWindow = 9;
    private const double SpanFactor = 1.1;
    private const string Endpoint = "powershell-trial";
    private const string TestGroupId = "4242"; // a gid no account uses, so a reset to root's group shows

    /// <summary>Files a person keeps beside sshd_config; their names only look like the writer's.</summary>
    private static readonly string[] s_neighbours =
        [".sshd_config.keep.tmp", "unrelated.psremotingdsc-xyz.tmp", "sshd_config.psremotingdsc-0123456789ab.tmp", ".sshd_config.psremotingdsc-0123456789ab.tmp.orig"];

    private readonly TrialMachine _machine = new();
    private readonly Random _random;
    private readonly string[] _inputs;
    private readonly byte[][] _contents = new byte[3][];
    private string _ownerAndMode = string.Empty;
    private SortedDictionary<string, string> _neighbourhood = new(StringComparer.Ordinal);
    private readonly Queue<TimeSpan> _recentFullRuns = new();
    private int _state;

    public CrashLane(int seed)
    {
        _random = new Random(seed);
        _inputs =
        [
            _machine.Input(new JsonObject { ["name"] = Endpoint, ["_exist"] = false }),
            _machine.Input(new JsonObject { ["name"] = Endpoint, ["arguments"] = new JsonArray("-TrialA") }),
            _machine.Input(new JsonObject { ["name"] = Endpoint, ["arguments"] = new JsonArray("-TrialB") }),
        ];
    }

    public bool SshdValidates => _machine.SshdValidates;

    /// <summary>The calibrated range of kill moments, from the start of the process.</summary>
    public TimeSpan Span => Median(_recentFullRuns) * SpanFactor;

    /// <summary>The spans kills were drawn from, smallest and largest (the span follows the machine's load).</summary>
    public (TimeSpan Smallest, TimeSpan Largest) SpanRange { get; private set; }

    public IReadOnlyList<TimeSpan> CalibrationRuns { get; private set; } = [];

    public CrashTally Tally { get; } = new();

    /// <summary>
    /// Mode 0640 (as root: owner root, group <see cref="TestGroupId"/>), the neighbours written, then three full cycles of
    /// the three states, each state's bytes recorded. Kills are drawn from [0, span]: the span is the median of the last
    /// <see cref="FullRunWindow"/> full runs (calibration, then every completing set that wrote) plus a tenth, so kills
    /// cover start-up to exit even as the machine's load changes, and a few land after a run has ended (attempts, not kills).
    /// </summary>
    public void Calibrate()
    {
        PrepareConfig();
        foreach (string name in s_neighbours)
        {
            File.WriteAllText(Path.Join(_machine.ConfigDirectory, name), $"kept by a person: {name}\n");
        }

        var durations = new List<TimeSpan>();
        for (int run = 1; run <= 9; run++)
        {
            int state = run % 3;
            TrialRun set = _machine.Cli.Run(TrialCli.DscArguments("set", _inputs[state]));
            Assert.True(set.ExitCode == 0, $"calibration set {run} failed:\n{set}");
            byte[] content = File.ReadAllBytes(_machine.ConfigPath);
            if (run > 3)
            {
                Assert.True(_contents[state].AsSpan().SequenceEqual(content), $"state {state} is not written the same way twice.");
                durations.Add(set.Elapsed);
                RecordFullRun(set.Elapsed);
            }

            _contents[state] = content;
        }

        Assert.Contains(_machine.SubsystemLine(Endpoint, "-TrialA") + "\n", Encoding.UTF8.GetString(_contents[1]), StringComparison.Ordinal);
        Assert.Contains(_machine.SubsystemLine(Endpoint, "-TrialB") + "\n", Encoding.UTF8.GetString(_contents[2]), StringComparison.Ordinal);
        CalibrationRuns = durations;
        SpanRange = (Span, Span);
        _state = 0;
        _neighbourhood = Neighbours(TrialFiles.Snapshot(_machine.ConfigDirectory));
        Assert.Equal(s_neighbours.Order(StringComparer.Ordinal), _neighbourhood.Keys);
    }

    /// <summary>Attempts until <paramref name="kills"/> kills landed (at most <see cref="MaxAttemptsPerKill"/> attempts per kill).</summary>
    public void Run(int kills)
    {
        for (int attempt = 0; Tally.Kills < kills && attempt < kills * MaxAttemptsPerKill; attempt++)
        {
            int next = (_state + 1) % 3;
            double moment = _random.NextDouble();
            TimeSpan offset = Span * moment;
            SpanRange = (Span < SpanRange.Smallest ? Span : SpanRange.Smallest, Span > SpanRange.Largest ? Span : SpanRange.Largest);
            string where = $"attempt {attempt}, kill at {offset.TotalMilliseconds:F1} ms of {Span.TotalMilliseconds:F1}, state {_state} -> {next}";
            TrialRun killed = KillAt(_inputs[next], offset);
            bool isNew = CheckAfterKill(where, killed, _contents[_state], _contents[next]);
            IReadOnlyList<string> leftovers = TrialFiles.TempLeftovers(_machine.ConfigDirectory);
            Tally.Add(moment, killed.ExitCode == TrialRun.KilledBySigkill, isNew, leftovers);
            CheckNextSet(where, _inputs[next], _contents[next], leftovers, wrote: !isNew);
            _state = next;
        }
    }

    public void Dispose() => _machine.Dispose();

    private static TimeSpan Median(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }

    private void RecordFullRun(TimeSpan duration)
    {
        _recentFullRuns.Enqueue(duration);
        if (_recentFullRuns.Count > FullRunWindow)
        {
            _recentFullRuns.Dequeue();
        }
    }

    private void PrepareConfig()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_machine.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            if (Environment.IsPrivilegedProcess)
            {
                Tool.RunOrThrow("chown", "0:" + TestGroupId, _machine.ConfigPath);
            }
        }

        _ownerAndMode = TrialFiles.TypeOwnerAndMode(_machine.ConfigPath);
    }

    private TrialRun KillAt(string input, TimeSpan offset)
    {
        using TrialProcess process = _machine.Cli.Start(TrialCli.DscArguments("set", input));
        process.WriteStdinAndClose(null);
        TrialTiming.SleepUntil(process, offset);
        process.Kill();
        return process.WaitForExit(TimeSpan.FromSeconds(60));
    }

    /// <summary>Right after the kill: exactly the old or the new bytes, a regular file, owner and mode kept. Returns whether it is the new file.</summary>
    private bool CheckAfterKill(string where, TrialRun killed, byte[] old, byte[] @new)
    {
        byte[] after = File.ReadAllBytes(_machine.ConfigPath);
        bool isNew = after.AsSpan().SequenceEqual(@new);
        if (!isNew && !after.AsSpan().SequenceEqual(old))
        {
            Tally.Violation("config neither old nor new after a kill", $"{where}:\n{Encoding.UTF8.GetString(after)}\n{killed}");
        }

        if (killed.ExitCode != TrialRun.KilledBySigkill && (killed.ExitCode != 0 || !isNew))
        {
            Tally.Violation("a set that outran its kill failed", $"{where}:\n{killed}");
        }

        string now = TrialFiles.TypeOwnerAndMode(_machine.ConfigPath);
        if (now != _ownerAndMode)
        {
            Tally.Violation("config type/owner/mode changed by a kill", $"{where}: {now}, was {_ownerAndMode}");
        }

        return isNew;
    }

    /// <summary>The next set runs to completion: exit 0, the new bytes, owner and mode kept, no temp file left, neighbours untouched.</summary>
    private void CheckNextSet(string where, string input, byte[] @new, IReadOnlyList<string> leftovers, bool wrote)
    {
        TrialRun completed = _machine.Cli.Run(TrialCli.DscArguments("set", input));
        if (completed.ExitCode != 0)
        {
            Tally.Violation("the set after a kill failed", $"{where}:\n{completed}");
        }
        else if (wrote)
        {
            RecordFullRun(completed.Elapsed);
        }

        if (!File.ReadAllBytes(_machine.ConfigPath).AsSpan().SequenceEqual(@new))
        {
            Tally.Violation("the set after a kill did not write the new file", where);
            File.WriteAllBytes(_machine.ConfigPath, @new);
        }

        IReadOnlyList<string> remaining = TrialFiles.TempLeftovers(_machine.ConfigDirectory);
        if (remaining.Count > 0)
        {
            Tally.Violation("temp files still there after the next set", $"{where}: {string.Join(", ", remaining)} (the killed run left: {string.Join(", ", leftovers)})");
            foreach (string name in remaining)
            {
                File.Delete(Path.Join(_machine.ConfigDirectory, name)); // so that each attempt counts only its own leftovers
            }
        }

        SortedDictionary<string, string> around = TrialFiles.Snapshot(_machine.ConfigDirectory);
        if (around[TrialMachine.ConfigName] is var config && !config.StartsWith(_ownerAndMode + " ", StringComparison.Ordinal))
        {
            Tally.Violation("config type/owner/mode changed by the set after a kill", $"{where}: {config}, was {_ownerAndMode}");
        }

        if (!_neighbourhood.SequenceEqual(Neighbours(around)))
        {
            Tally.Violation("files beside the config changed", $"{where}: now {string.Join(", ", around.Keys)}");
        }
    }

    /// <summary>Everything in the config's folder except the config, its backup and its lock file.</summary>
    private static SortedDictionary<string, string> Neighbours(SortedDictionary<string, string> snapshot)
    {
        var entries = new SortedDictionary<string, string>(snapshot, StringComparer.Ordinal);
        entries.Remove(TrialMachine.ConfigName);
        entries.Remove(TrialMachine.ConfigName + ".psremotingdsc.bak");
        entries.Remove("." + TrialMachine.ConfigName + ".psremotingdsc.lock");
        return entries;
    }
}
