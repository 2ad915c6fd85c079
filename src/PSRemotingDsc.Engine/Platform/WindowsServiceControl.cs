using System.ComponentModel;

namespace PSRemotingDsc.Platform;

/// <summary>
/// A Windows service through <c>sc.exe</c>, each call bounded (System.ServiceProcess is not part of the base
/// framework). Shared by the sshd and WinRM restarts; what a failure means stays with the caller.
/// </summary>
internal sealed class WindowsServiceControl
{
    private readonly Func<string, IReadOnlyList<string>, TimeSpan, BoundedProcess.Outcome> _run;

    /// <param name="executable">The sc.exe to run: a full path, or a bare name looked up on PATH.</param>
    /// <param name="run">Runs a process with a bound; <see cref="BoundedProcess.Run"/> outside tests.</param>
    internal WindowsServiceControl(string executable, Func<string, IReadOnlyList<string>, TimeSpan, BoundedProcess.Outcome> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        ArgumentNullException.ThrowIfNull(run);
        Executable = executable;
        _run = run;
    }

    /// <summary>The sc.exe this control runs.</summary>
    internal string Executable { get; }

    /// <summary>Runs <c>sc.exe</c> with <paramref name="arguments"/>. Throws <see cref="Win32Exception"/> when it cannot start.</summary>
    internal BoundedProcess.Outcome Run(TimeSpan bound, params string[] arguments) => _run(Executable, arguments, bound);

    /// <summary>
    /// <c>sc.exe queryex</c>: the service's state code (<see cref="ServiceControlOutput"/>) and process id, or
    /// (null, null) when sc.exe timed out or failed (for example, the service does not exist).
    /// </summary>
    internal (int? State, int? Pid) QueryEx(string serviceName, TimeSpan bound)
    {
        BoundedProcess.Outcome outcome = Run(bound, "queryex", serviceName);
        return outcome.TimedOut || outcome.ExitCode != 0
            ? (null, null)
            : (ServiceControlOutput.ParseState(outcome.StandardOutput), ServiceControlOutput.ParsePid(outcome.StandardOutput));
    }
}
