using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Endpoints;

/// <summary>
/// Every property of a <c>PSRemotingDsc/Endpoint</c> instance, declared once, in the order the schema lists them
/// and the state writes them. The schema states types, enumerations and lengths only: dsc validates the resource's
/// output against it too (dsc 3.2.3 command_resource.rs), so it must admit every state the resource can observe
/// (an argument with a space, a quota below the range this resource writes); value rules are checked here, in code. Adding a property: declare it here, add its member to <see cref="EndpointSettings"/>
/// (or <see cref="EndpointState"/> when read-only), and enforce it in the transport that owns it (CONTRIBUTING.md).
/// </summary>
public static class EndpointContract
{
    /// <summary>The longest endpoint name: the length of a WinRM plugin name PowerShell's cmdlets accept.</summary>
    public const int MaxNameLength = 128;

    /// <summary><c>version</c>: which PowerShell the endpoint is for.</summary>
    public static PropertyDeclaration Version { get; } = PropertyDeclaration.Settable<string>(
        "version", PropertyKind.Text, settings => settings.Version, (properties, value) => properties with { Version = value },
        "Version spec: 7, 7.4, 7.4.6, 7-preview, 7.6-preview, or an exact pre-release 7.6.0-preview.5. The highest installed match wins; a pre-release matches only a -preview spec or its exact version. Required for get, set, test and delete.",
        nonEmpty: true);

    /// <summary><c>transport</c>: SSH or WSMan.</summary>
    public static PropertyDeclaration Transport { get; } = PropertyDeclaration.Settable<Transport>(
        "transport", PropertyKind.Enumeration, settings => settings.Transport, (properties, value) => properties with { Transport = value },
        "Remoting transport. Default: wsman on Windows, ssh elsewhere.",
        values: [new("ssh", Endpoints.Transport.Ssh), new("wsman", Endpoints.Transport.Wsman)], invalidValue: ErrorIds.TransportInvalid);

    /// <summary><c>name</c>: the Subsystem or plugin name.</summary>
    public static PropertyDeclaration Name { get; } = PropertyDeclaration.Settable<string>(
        "name", PropertyKind.Text, settings => settings.Name, (properties, value) => properties with { Name = value },
        "Endpoint name. SSH: the sshd Subsystem name (default powershell-<version>, clients use -Subsystem). WSMan: the WinRM plugin name (default as Enable-PSRemoting: PowerShell.7, PowerShell.7-preview, PowerShell.7.4.6; PowerShell.7.4 for a 7.4 spec; clients use -ConfigurationName). No whitespace, quotes, #, =, \\ or control characters; WSMan names are letters, digits, '.', '-' and '_'.",
        CheckName, nonEmpty: true);

    /// <summary><c>pshome</c>: the installation directory.</summary>
    public static PropertyDeclaration PSHome { get; } = PropertyDeclaration.Settable<string>(
        "pshome", PropertyKind.Text, settings => settings.PSHome, (properties, value) => properties with { PSHome = value },
        "Pin this installation directory ($PSHOME) instead of resolving 'version' (it must still match 'version').",
        (property, value) => RequireAbsolutePath(property, value, ErrorIds.PSHomeNotAbsolute, "the absolute path of a PowerShell installation directory ($PSHOME)"),
        nonEmpty: true);

    /// <summary><c>_exist</c>: whether the endpoint should exist.</summary>
    public static PropertyDeclaration Exist { get; } = PropertyDeclaration.Settable<bool>(
        "_exist", PropertyKind.Boolean, settings => settings.Exist, (properties, value) => properties with { Exist = value },
        "Whether the endpoint should exist. false removes it by name, even if that version is uninstalled.", defaultValue: true);

    /// <summary><c>sshdConfigPath</c>: the sshd_config file.</summary>
    public static PropertyDeclaration SshdConfigPath { get; } = PropertyDeclaration.Settable<string>(
        "sshdConfigPath", PropertyKind.Text, settings => settings.SshdConfigPath, (properties, value) => properties with { SshdConfigPath = value },
        "Absolute path of sshd_config. Default: /etc/ssh/sshd_config, or %ProgramData%\\ssh\\sshd_config on Windows. Must be a regular file (links followed) of at most 16 MiB; set and delete lock it (docs/security.md).",
        (property, value) => RequireAbsolutePath(property, value, ErrorIds.SshdConfigPathNotAbsolute, "an absolute path such as /etc/ssh/sshd_config"),
        transports: TransportScope.Ssh, nonEmpty: true);

    /// <summary><c>arguments</c>: extra pwsh arguments of the Subsystem line.</summary>
    public static PropertyDeclaration Arguments { get; } = PropertyDeclaration.Settable<IReadOnlyList<string>>(
        "arguments", PropertyKind.StringList, settings => settings.Arguments, (properties, value) => properties with { Arguments = value },
        "Extra pwsh arguments after '-sshs -NoLogo -NoProfile', e.g. [\"-ConfigurationFile\", \"/etc/pwsh/jea.pssc\"]. Compared only when set; otherwise existing extra arguments are kept (unless they hold shell syntax). sshd runs the line with the connecting user's login shell, so each word may hold only letters, digits and _ . / : = + , @ - (not starting with = or @; a -switch without .); use forward slashes on Windows (docs/security.md).",
        CheckArguments, transports: TransportScope.Ssh);

    /// <summary><c>restart</c>: when to reload sshd or restart WinRM.</summary>
    public static PropertyDeclaration Restart { get; } = PropertyDeclaration.Settable<RestartPolicy>(
        "restart", PropertyKind.Enumeration, settings => settings.Restart, (properties, value) => properties with { Restart = value },
        "Reload sshd or restart WinRM after a change: never (a needed restart is reported in _restartRequired), ifNeeded, or always. When no sshd is running there is nothing to reload, and _metadata.reload says so. WSMan ifNeeded also restarts WinRM when a newly created endpoint does not answer a loopback session, as Register-PSSessionConfiguration does.",
        access: PropertyAccess.WriteOnly, defaultValue: "ifNeeded",
        values: [new("never", RestartPolicy.Never), new("ifNeeded", RestartPolicy.IfNeeded), new("always", RestartPolicy.Always)],
        invalidValue: ErrorIds.RestartInvalid);

    /// <summary><c>accessMode</c>: who may use a WSMan endpoint.</summary>
    public static PropertyDeclaration AccessMode { get; } = PropertyDeclaration.Settable<AccessMode>(
        "accessMode", PropertyKind.Enumeration, settings => settings.AccessMode, (properties, value) => properties with { AccessMode = value },
        "WSMan: Remote (network access), Local (the network-deny ACE S-1-5-2 is added, as Disable-PSRemoting does) or Disabled (Enabled=false), written the way PowerShell's cmdlets write it.",
        transports: TransportScope.Wsman,
        values: [new("Local", Endpoints.AccessMode.Local), new("Remote", Endpoints.AccessMode.Remote), new("Disabled", Endpoints.AccessMode.Disabled)],
        invalidValue: ErrorIds.AccessModeInvalid);

    /// <summary><c>securityDescriptorSddl</c>: the WSMan endpoint's security descriptor.</summary>
    public static PropertyDeclaration SecurityDescriptorSddl { get; } = PropertyDeclaration.Settable<string>(
        "securityDescriptorSddl", PropertyKind.Text, settings => settings.SecurityDescriptorSddl, (properties, value) => properties with { SecurityDescriptorSddl = value },
        "WSMan: the endpoint's security descriptor (SDDL). Compared semantically (ACE set by SID), never as text. Default for new endpoints: PowerShell's remote default.",
        transports: TransportScope.Wsman, nonEmpty: true);

    /// <summary><c>sessionConfigurationFile</c>: the JEA session configuration file.</summary>
    public static PropertyDeclaration SessionConfigurationFile { get; } = PropertyDeclaration.Settable<string>(
        "sessionConfigurationFile", PropertyKind.Text, settings => settings.SessionConfigurationFile, (properties, value) => properties with { SessionConfigurationFile = value },
        "WSMan: absolute path of a .pssc session configuration file (JEA). Set copies it, as Register-PSSessionConfiguration does, to $PSHOME\\SessionConfig\\<name>_<guid>.pssc and registers the copy as configfilepath, never the file itself; get reports this path while the copy matches it (SHA-256), else the registered copy.",
        CheckSessionConfigurationFile, transports: TransportScope.Wsman, nonEmpty: true);

    /// <summary><c>runAsVirtualAccount</c>.</summary>
    public static PropertyDeclaration RunAsVirtualAccount { get; } = PropertyDeclaration.Settable<bool>(
        "runAsVirtualAccount", PropertyKind.Boolean, settings => settings.RunAsVirtualAccount, (properties, value) => properties with { RunAsVirtualAccount = value },
        "WSMan: run sessions as a virtual account. When true, set also runs WinRM in its own service host as LocalSystem with SeTcbPrivilege, as Register-PSSessionConfiguration does (reason WinRMNotIsolated until then; needs a WinRM restart).", transports: TransportScope.Wsman);

    /// <summary><c>useSharedProcess</c>: one host process for every session of the endpoint.</summary>
    public static PropertyDeclaration UseSharedProcess { get; } = PropertyDeclaration.Settable<bool>(
        "useSharedProcess", PropertyKind.Boolean, settings => settings.UseSharedProcess, (settings, value) => settings with { UseSharedProcess = value },
        "WSMan: run every session of the endpoint in one shared host process (Register-PSSessionConfiguration -UseSharedProcess) instead of one wsmprovhost.exe per session.",
        transports: TransportScope.Wsman, winRMAttribute: "UseSharedProcess");

    /// <summary><c>verifyConnection</c>: prove the endpoint answers.</summary>
    public static PropertyDeclaration VerifyConnection { get; } = PropertyDeclaration.Settable<bool>(
        "verifyConnection", PropertyKind.Boolean, settings => settings.VerifyConnection, (properties, value) => properties with { VerifyConnection = value },
        "Prove the endpoint answers, after set and in get/test; a present but broken endpoint is drift (reason ConnectionFailed), which set reports in the state rather than failing. WSMan: open a loopback session with the target pwsh (no answer, or another version). SSH (Linux, macOS): check with sshd -T -C user=<this user>,host=localhost,addr=127.0.0.1 that sshd's effective configuration runs the Subsystem line as read (else ShadowedByMatch), then start it as sshd does (the login shell with -c) and complete PowerShell's remoting handshake until a runspace pool opens, within PSREMOTINGDSC_SSH_VERIFY_TIMEOUT seconds (default 15).",
        access: PropertyAccess.WriteOnly);

    /// <summary><c>force</c>: allow changes that may cut this WinRM session.</summary>
    public static PropertyDeclaration Force { get; } = PropertyDeclaration.Settable<bool>(
        "force", PropertyKind.Boolean, settings => settings.Force, (properties, value) => properties with { Force = value },
        "WSMan: allow replacing or removing the endpoint that may carry this session, and restarting WinRM from inside a WinRM session.",
        access: PropertyAccess.WriteOnly, transports: TransportScope.Wsman);

    /// <summary>The WSMan quotas, each bound to its WinRM <c>Quotas</c> attribute and the range WinRM accepts (see <c>PluginQuotaLimits</c>).</summary>
    public static IReadOnlyList<PropertyDeclaration> Quotas { get; } =
    [
        PropertyDeclaration.Quota("idleTimeoutMs", "IdleTimeoutms", 60_000, int.MaxValue),
        PropertyDeclaration.Quota("maxConcurrentUsers", "MaxConcurrentUsers", 1, int.MaxValue),
        PropertyDeclaration.Quota("maxProcessesPerShell", "MaxProcessesPerShell", 1, int.MaxValue),
        PropertyDeclaration.Quota("maxMemoryPerShellMB", "MaxMemoryPerShellMB", 5, int.MaxValue),
        PropertyDeclaration.Quota("maxShellsPerUser", "MaxShellsPerUser", 1, int.MaxValue),
        PropertyDeclaration.Quota("maxConcurrentCommandsPerShell", "MaxConcurrentCommandsPerShell", 1, int.MaxValue),
        PropertyDeclaration.Quota("maxShells", "MaxShells", 1, int.MaxValue),
        PropertyDeclaration.Quota("maxIdleTimeoutMs", "MaxIdleTimeoutms", 60_000, int.MaxValue),
    ];

    /// <summary><c>pluginPath</c>: the DLL a WSMan registration loads.</summary>
    public static PropertyDeclaration PluginPath { get; } = PropertyDeclaration.Reported(
        "pluginPath", PropertyKind.Text, state => state.PluginPath, "WSMan: the pwrshplugin.dll the registration loads.", transports: TransportScope.Wsman);

    /// <summary><c>resolvedVersion</c>.</summary>
    public static PropertyDeclaration ResolvedVersion { get; } = PropertyDeclaration.Reported(
        "resolvedVersion", PropertyKind.Text, state => state.ResolvedVersion, "The installed PowerShell version 'version' resolves to.", reportsNull: true);

    /// <summary><c>resolvedPshome</c>.</summary>
    public static PropertyDeclaration ResolvedPSHome { get; } = PropertyDeclaration.Reported(
        "resolvedPshome", PropertyKind.Text, state => state.ResolvedPSHome, "The installation directory 'version' resolves to.", reportsNull: true);

    /// <summary><c>reasons</c>: why the endpoint is not in the desired state.</summary>
    public static PropertyDeclaration Reasons { get; } = PropertyDeclaration.Reported(
        "reasons", PropertyKind.Reasons, state => state.Reasons, "Why the endpoint is not in the desired state, as [{code, phrase}] (Azure Machine Configuration Reasons), e.g. code PSRemotingEndpoint:PSRemotingEndpoint:BoundToOtherInstallation.");

    /// <summary><c>_inDesiredState</c>: the answer of test.</summary>
    public static PropertyDeclaration InDesiredState { get; } = PropertyDeclaration.Reported(
        "_inDesiredState", PropertyKind.Boolean, state => state.InDesiredState, "Returned by test: whether the instance is in the desired state.");

    /// <summary><c>_restartRequired</c>: services to restart.</summary>
    public static PropertyDeclaration RestartRequired { get; } = PropertyDeclaration.Reported(
        "_restartRequired", PropertyKind.Services, state => state.RestartRequired.Count > 0 ? state.RestartRequired : null, "Services that must be restarted for the change to take effect.");

    /// <summary><c>_metadata</c>: what set did about the reload, for dsc.</summary>
    public static PropertyDeclaration Metadata { get; } = PropertyDeclaration.Reported(
        "_metadata", PropertyKind.Metadata, state => state.ReloadOutcome, "Metadata exchanged with dsc; set reports what it did about the reload in _metadata.reload.");

    /// <summary><c>_name</c>: the instance name in export output.</summary>
    public static PropertyDeclaration ExportName { get; } = PropertyDeclaration.Reported(
        "_name", PropertyKind.Text, state => state.ExportName, "Instance name in export output.");

    /// <summary>Every property, in schema and output order.</summary>
    public static IReadOnlyList<PropertyDeclaration> All { get; } =
    [
        Version, Transport, Name, PSHome, Exist, SshdConfigPath, Arguments, Restart, AccessMode, SecurityDescriptorSddl,
        SessionConfigurationFile, RunAsVirtualAccount, UseSharedProcess, VerifyConnection, Force, .. Quotas, PluginPath, ResolvedVersion, ResolvedPSHome,
        Reasons, InDesiredState, RestartRequired, Metadata, ExportName,
    ];

    /// <summary>The properties a user may set, in order.</summary>
    public static IReadOnlyList<PropertyDeclaration> Settable { get; } = [.. All.Where(property => property.IsSettable)];

    /// <summary>The WSMan plugin settings that are plain ConfigXML root attributes (<see cref="PropertyDeclaration.WinRMAttribute"/>), in order.</summary>
    public static IReadOnlyList<PropertyDeclaration> PluginAttributes { get; } = [.. All.Where(property => property.WinRMAttribute is not null)];

    /// <summary>The property bound to the plugin root attribute <paramref name="attribute"/> (ordinal), or null.</summary>
    public static PropertyDeclaration? PluginAttributeFor(string attribute) =>
        PluginAttributes.FirstOrDefault(property => string.Equals(property.WinRMAttribute, attribute, StringComparison.Ordinal));

    /// <summary>The property named <paramref name="name"/> (ordinal), or null.</summary>
    public static PropertyDeclaration? Find(string name) => All.FirstOrDefault(property => string.Equals(property.Name, name, StringComparison.Ordinal));

    /// <summary>The quota property that sets the WinRM attribute <paramref name="attribute"/>, or null.</summary>
    public static PropertyDeclaration? QuotaFor(string attribute) => Quotas.FirstOrDefault(property => string.Equals(property.WinRMQuota, attribute, StringComparison.Ordinal));

    /// <summary>Checks every value set in <paramref name="properties"/> against its declaration, in declaration order.</summary>
    /// <exception cref="PSRemotingDscException">The first value that is not acceptable; nothing was changed.</exception>
    public static void CheckValues(EndpointSettings properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        foreach (PropertyDeclaration property in Settable)
        {
            if (property.ValueOf(properties) is { } value)
            {
                property.Check(value);
            }
        }
    }

    private static void CheckName(PropertyDeclaration property, string name)
    {
        ValueSafety.RequireSafeName(property.Name, name);
        if (name.Length > MaxNameLength)
        {
            throw new PSRemotingDscException(ErrorIds.NameTooLong, $"Property '{property.Name}' has {name.Length} characters; at most {MaxNameLength} are allowed.");
        }
    }

    private static void CheckArguments(PropertyDeclaration property, IReadOnlyList<string> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            ValueSafety.RequireSafeCommandWord($"{property.Name}[{i}]", arguments[i]);
        }
    }

    private static void CheckSessionConfigurationFile(PropertyDeclaration property, string path)
    {
        ValueSafety.RequireSafePath(property.Name, path);
        if (!Path.IsPathFullyQualified(path) || !path.EndsWith(".pssc", StringComparison.OrdinalIgnoreCase))
        {
            throw new PSRemotingDscException(ErrorIds.SessionConfigurationFileInvalid,
                $"Property '{property.Name}' is '{path}'; pass the absolute path of a .pssc file (New-PSSessionConfigurationFile).");
        }
    }

    private static void RequireAbsolutePath(PropertyDeclaration property, string path, ErrorDefinition relative, string expected)
    {
        ValueSafety.RequireSafePath(property.Name, path);
        if (!Path.IsPathFullyQualified(path))
        {
            throw new PSRemotingDscException(relative, $"Property '{property.Name}' is '{path}', a relative path; pass {expected}.");
        }
    }
}
