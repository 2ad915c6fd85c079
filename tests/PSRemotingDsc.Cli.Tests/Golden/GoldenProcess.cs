using System.Diagnostics;

namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// Runs psremotingdsc as <see cref="DscCommandInvoker"/> does (found on PATH, manifest folder as working directory,
/// stdin closed, DSC_TRACE_LEVEL set), but keeps stdout and stderr byte for byte and sets the whole environment the
/// resource reads, so that nothing of this machine's PowerShell installations leaks into the recording.
/// </summary>
internal static class GoldenProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> environment, string traceLevel)
    {
        ProcessStartInfo start = ChildProcess.StartInfo(CliUnderTest.ExecutablePath, argv, RepositoryPaths.ManifestDirectory, environment);
        start.Environment["PATH"] = CliUnderTest.Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DSC_TRACE_LEVEL"] = traceLevel;
        return ChildProcess.Run(start, s_timeout);
    }
}
