using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Ssh;

/// <summary>Reads what a configuration registers under a subsystem name and identifies each executable.</summary>
public sealed class SshEndpointObserver
{
    private readonly InstallationResolver _resolver;
    private readonly Func<string, bool> _fileExists;

    /// <param name="resolver">Finds the installation a Subsystem command starts.</param>
    /// <param name="fileExists">Whether a path is a file; tests replace it.</param>
    public SshEndpointObserver(InstallationResolver resolver, Func<string, bool>? fileExists = null)
    {
        _resolver = resolver;
        _fileExists = fileExists ?? File.Exists;
    }

    /// <summary>Every definition of <paramref name="name"/>, global ones in the order sshd reads them, each identified.</summary>
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

    /// <summary>
    /// What <see cref="Observe"/> gives for every name the configuration defines (globally or in a Match block),
    /// keyed by name (case-sensitive), from one walk of the configuration: each definition is identified once
    /// and each distinct command and executable is looked at once, so the cost grows with the lines, not lines × names.
    /// </summary>
    public IReadOnlyDictionary<string, SshEndpointObservation> ObserveAll(SshdConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var identified = new IdentificationCache(this);
        var global = new Dictionary<string, List<ObservedSubsystem>>(StringComparer.Ordinal);
        foreach (SubsystemDefinition definition in configuration.GlobalSubsystems())
        {
            Add(global, definition.Name, identified.Identify(definition));
        }

        var matchOnly = new Dictionary<string, List<SubsystemDefinition>>(StringComparer.Ordinal);
        foreach (SshdConfigDocument document in configuration.Documents)
        {
            foreach (var (line, lineNumber, inMatchBlock) in document.EnumerateLines())
            {
                if (inMatchBlock && document.TryGetSubsystem(line, lineNumber, inMatchBlock) is { } definition)
                {
                    Add(matchOnly, definition.Name, definition);
                }
            }
        }

        var observations = new Dictionary<string, SshEndpointObservation>(StringComparer.Ordinal);
        foreach (string name in global.Keys.Concat(matchOnly.Keys))
        {
            observations.TryAdd(name, new SshEndpointObservation(
                name,
                global.TryGetValue(name, out var definitions) ? definitions : [],
                matchOnly.TryGetValue(name, out var inMatch) ? inMatch : []));
        }

        return observations;
    }

    /// <summary>What one definition starts: its parsed command and the PowerShell installation it belongs to, if any.</summary>
    public ObservedSubsystem Identify(SubsystemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        SubsystemCommandLine command = SubsystemCommandLine.Parse(definition.Command);
        var (exists, installation) = LookUp(command.Executable);
        return new ObservedSubsystem(definition, command, exists, installation);
    }

    private static void Add<T>(Dictionary<string, List<T>> groups, string name, T item)
    {
        if (!groups.TryGetValue(name, out var group))
        {
            group = [];
            groups.Add(name, group);
        }

        group.Add(item);
    }

    private (bool Exists, PowerShellInstallation? Installation) LookUp(string executable)
    {
        // OpenSSH for Windows runs "...\pwsh" as pwsh.exe, as InstallationResolver.FindByExecutable also accepts.
        bool exists = executable.Length > 0
            && (_fileExists(executable)
                || (OperatingSystem.IsWindows() && !Path.HasExtension(executable) && _fileExists(executable + ".exe")));
        return (exists, exists ? _resolver.FindByExecutable(executable) : null);
    }

    /// <summary>
    /// <see cref="Identify(SubsystemDefinition)"/> for one <see cref="ObserveAll"/>: each distinct command is parsed
    /// once and each distinct executable looked up once (a fleet's file repeats the same pwsh on every line).
    /// </summary>
    private sealed class IdentificationCache(SshEndpointObserver observer)
    {
        private readonly Dictionary<string, SubsystemCommandLine> _commands = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (bool Exists, PowerShellInstallation? Installation)> _executables = new(StringComparer.Ordinal);

        public ObservedSubsystem Identify(SubsystemDefinition definition)
        {
            if (!_commands.TryGetValue(definition.Command, out SubsystemCommandLine? command))
            {
                command = SubsystemCommandLine.Parse(definition.Command);
                _commands.Add(definition.Command, command);
            }

            if (!_executables.TryGetValue(command.Executable, out var found))
            {
                found = observer.LookUp(command.Executable);
                _executables.Add(command.Executable, found);
            }

            return new ObservedSubsystem(definition, command, found.Exists, found.Installation);
        }
    }
}
