using System.ComponentModel;
using System.Diagnostics;

namespace PSRemotingDsc.Platform;

/// <summary>Runs a short-lived command with a hard time limit and captures what it printed.</summary>
internal static class BoundedProcess
{
    internal sealed record Outcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>; kills the process tree when it
    /// runs longer than <paramref name="timeout"/>. Throws <see cref="Win32Exception"/> when it cannot start.
    /// </summary>
    internal static Outcome Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        ProcessStartInfo startInfo = StartInfo(fileName);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Execute(startInfo, timeout);
    }

    /// <summary>
    /// <see cref="Run(string, IEnumerable{string}, TimeSpan)"/> for a program that needs its command line written by hand
    /// (<see cref="ProcessStartInfo.Arguments"/>): winrm.vbs re-reads the raw line with its own rules
    /// (<see cref="WSMan.Host.WinRMScriptCommandLine"/>). The argument string is passed as it is.
    /// </summary>
    internal static Outcome RunCommandLine(string fileName, string arguments, TimeSpan timeout)
    {
        ProcessStartInfo startInfo = StartInfo(fileName);
        startInfo.Arguments = arguments;
        return Execute(startInfo, timeout);
    }

    private static ProcessStartInfo StartInfo(string fileName) => new(fileName)
    {
        UseShellExecute = false,
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        CreateNoWindow = true,
    };

    private static Outcome Execute(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        string fileName = startInfo.FileName;
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

        return new Outcome(
            process.HasExited ? process.ExitCode : -1,
            stdout.IsCompletedSuccessfully ? stdout.Result : string.Empty,
            stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty,
            timedOut);
    }
}
