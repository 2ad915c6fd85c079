using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Ssh;

/// <summary>Reads what a configuration registers under a subsystem name and identifies each executable.</summary>
public sealed class SshEndpointObserver
{
    private readonly InstallationResolver _resolver;
    private readonly Func<string, bool> _fileExists;

    public SshEndpointObserver(InstallationResolver resolver, Func<string, bool>? fileExists = null)
    {
        _resolver = resolver;
        _fileExists = fileExists ?? File.Exists;
    }

    public SshEndpointObservation Observe(SshdConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var definitions = configuration.FindSubsystem(name).Select(Identify).ToList();
        var matchOnly = configuration.Documents
            .SelectMany(document => document.Subsystems)
            .Where(definition => definition.InMatchBlock && string.Equals(definition.Name, name, StringComparison.Ordinal))
            .ToList();
        return new SshEndpointObservation(name, definitions, matchOnly);
    }

    public ObservedSubsystem Identify(SubsystemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        SubsystemCommandLine command = SubsystemCommandLine.Parse(definition.Command);
        // OpenSSH for Windows runs "...\pwsh" as pwsh.exe, as InstallationResolver.FindByExecutable also accepts.
        bool exists = command.Executable.Length > 0
            && (_fileExists(command.Executable)
                || (OperatingSystem.IsWindows() && !Path.HasExtension(command.Executable) && _fileExists(command.Executable + ".exe")));
        PowerShellInstallation? installation = exists ? _resolver.FindByExecutable(command.Executable) : null;
        return new ObservedSubsystem(definition, command, exists, installation);
    }
}
