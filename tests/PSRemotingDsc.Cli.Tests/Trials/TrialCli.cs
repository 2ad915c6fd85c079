using System.Diagnostics;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// Starts the psremotingdsc under test (<see cref="CliUnderTest"/>: the JIT build, or the folder named by
/// PSREMOTINGDSC_CLI_DIR) the way dsc does: no shell, working directory the manifest's folder, the executable's
/// folder first on PATH, DSC_TRACE_LEVEL set. Unlike <see cref="DscCommandInvoker"/> it can feed stdin, bound a run
/// and hand out the live process so that a trial can kill it.
/// </summary>
public sealed class TrialCli
{
    private static readonly Lazy<DscCommandInvoker> s_dsc = new(() => new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory));

    private readonly Dictionary<string, string> _environment;

    public TrialCli(IReadOnlyDictionary<string, string> environment)
    {
        _environment = new Dictionary<string, string>(environment)
        {
            ["PATH"] = CliUnderTest.Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        _environment.TryAdd("DSC_TRACE_LEVEL", "warn");
    }

    /// <summary>The argv dsc passes for <paramref name="operation"/> with <paramref name="json"/> (from the checked-in manifest).</summary>
    public static IReadOnlyList<string> DscArguments(string operation, string json) => s_dsc.Value.BuildArguments(operation, json);

    /// <summary>A copy that also sets (or, with a null value, removes) <paramref name="variables"/>.</summary>
    public TrialCli With(IReadOnlyDictionary<string, string?> variables)
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach ((string name, string? value) in variables)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        return new TrialCli(environment);
    }

    /// <summary>Starts the executable with stdin redirected (the caller writes or closes it) and output read in the background.</summary>
    public TrialProcess Start(IReadOnlyList<string> arguments)
    {
        ProcessStartInfo start = ChildProcess.StartInfo(CliUnderTest.ExecutablePath, arguments, RepositoryPaths.ManifestDirectory);
        // Nothing of the test runner's own PSREMOTINGDSC_* settings (a lock timeout, extra roots) leaks into the run.
        foreach (string name in start.Environment.Keys.Where(key => key.StartsWith("PSREMOTINGDSC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in _environment)
        {
            start.Environment[name] = value;
        }

        return new TrialProcess(arguments, Process.Start(start)!);
    }

    /// <summary>Runs to the end: <paramref name="stdin"/> written then closed (null: closed at once, as dsc does), killed after <paramref name="timeout"/>.</summary>
    public TrialRun Run(IReadOnlyList<string> arguments, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        using TrialProcess process = Start(arguments);
        process.WriteStdinAndClose(stdin);
        return process.WaitForExit(timeout ?? TimeSpan.FromSeconds(120));
    }
}
