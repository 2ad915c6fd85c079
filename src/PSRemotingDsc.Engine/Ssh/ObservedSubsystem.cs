using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Ssh;

/// <summary>One <c>Subsystem</c> definition as found, with what its executable turned out to be.</summary>
/// <param name="Definition">The Subsystem line as written, with its file and line number.</param>
/// <param name="Command">The line's command split into executable and arguments the way sshd splits it.</param>
/// <param name="ExecutableExists">
/// True when the executable is a file that exists (on Windows also with <c>.exe</c> appended, as OpenSSH runs it).
/// </param>
/// <param name="Installation">
/// The PowerShell installation the executable belongs to, or null when the executable is missing or is not the
/// pwsh of an installation found on this machine.
/// </param>
public sealed record ObservedSubsystem(
    SubsystemDefinition Definition,
    SubsystemCommandLine Command,
    bool ExecutableExists,
    PowerShellInstallation? Installation)
{
    /// <summary>Where the line is, as <c>file:line</c> for messages.</summary>
    public string Location => $"{Definition.File}:{Definition.LineNumber}";
}
