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
        var start = new ProcessStartInfo(CliUnderTest.ExecutablePath)
        {
            WorkingDirectory = RepositoryPaths.ManifestDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in argv)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["PATH"] = CliUnderTest.Directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DSC_TRACE_LEVEL"] = traceLevel;
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"psremotingdsc {string.Join(' ', argv)} did not exit within {s_timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
