using System.ComponentModel;
using System.Diagnostics;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// <see cref="BoundedProcess"/> for a program that needs its command line written by hand
/// (<see cref="ProcessStartInfo.Arguments"/>, not <see cref="ProcessStartInfo.ArgumentList"/>): winrm.vbs re-reads
/// the raw line with its own rules (<see cref="WinRMScriptCommandLine"/>). Same limits and outcome as
/// <see cref="BoundedProcess.Run"/>; only the way the arguments are passed differs.
/// </summary>
internal static class CommandLineProcess
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with the argument string <paramref name="arguments"/>, as-is; kills the process
    /// tree when it runs longer than <paramref name="timeout"/>. Throws <see cref="Win32Exception"/> when it cannot start.
    /// </summary>
    internal static BoundedProcess.Outcome Run(string fileName, string arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };

        using var process = Process.Start(startInfo)
            ?? throw new Win32Exception($"'{fileName}' did not start.");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();

        bool timedOut = false;
        if (!process.WaitForExit(timeout))
        {
            timedOut = true;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(5));
        }

        // A grandchild could hold the pipes open; never wait on them without a bound.
        try
        {
            Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // A broken pipe only loses output; the exit code still tells the story.
        }

        return new BoundedProcess.Outcome(
            process.HasExited ? process.ExitCode : -1,
            stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty,
            stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty,
            timedOut);
    }
}
