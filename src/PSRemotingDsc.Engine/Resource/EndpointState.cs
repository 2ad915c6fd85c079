using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Resource;

/// <summary>
/// An instance as psremotingdsc reports it. Built so that a <c>get</c> result fed back into <c>test</c> is in
/// the desired state: <see cref="Version"/> echoes the spec while the endpoint's installation matches it,
/// <see cref="PSHome"/> and <see cref="Arguments"/> are what the endpoint really uses.
/// </summary>
public sealed record EndpointState
{
    public string? Version { get; init; }

    public required Transport Transport { get; init; }

    public required string Name { get; init; }

    public string? PSHome { get; init; }

    public required bool Exist { get; init; }

    public string? SshdConfigPath { get; init; }

    public IReadOnlyList<string>? Arguments { get; init; }

    public WSMan.Security.AccessMode? AccessMode { get; init; }

    public string? SecurityDescriptorSddl { get; init; }

    public string? SessionConfigurationFile { get; init; }

    public bool? RunAsVirtualAccount { get; init; }

    /// <summary>WSMan quotas by WinRM attribute name (<c>MaxShellsPerUser</c>).</summary>
    public IReadOnlyDictionary<string, long>? Quotas { get; init; }

    /// <summary>WSMan: the plugin DLL the registration loads, <c>%windir%</c> expanded.</summary>
    public string? PluginPath { get; init; }

    public string? ResolvedVersion { get; init; }

    public string? ResolvedPSHome { get; init; }

    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>Set only in <c>test</c> output.</summary>
    public bool? InDesiredState { get; init; }

    /// <summary>Services that must be restarted for the state to take effect (<c>sshd</c>, <c>WinRM</c>).</summary>
    public IReadOnlyList<string> RestartRequired { get; init; } = [];

    /// <summary>
    /// What set did about reloading sshd or restarting WinRM ("reloaded", "no sshd is running ..."); reported to
    /// dsc as <c>_metadata.reload</c>, which dsc moves into the result's metadata.
    /// </summary>
    public string? ReloadOutcome { get; init; }

    /// <summary>The instance name for <c>export</c> output (<c>_name</c>).</summary>
    public string? ExportName { get; init; }
}
