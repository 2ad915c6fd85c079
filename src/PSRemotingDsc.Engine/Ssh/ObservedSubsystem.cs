using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Ssh;

/// <summary>One <c>Subsystem</c> definition as found, with what its executable turned out to be.</summary>
public sealed record ObservedSubsystem(
    SubsystemDefinition Definition,
    SubsystemCommandLine Command,
    bool ExecutableExists,
    PowerShellInstallation? Installation)
{
    public string Location => $"{Definition.File}:{Definition.LineNumber}";
}
