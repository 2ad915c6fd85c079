using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Endpoints;

/// <summary>
/// An instance as psremotingdsc reports it. Built so that a <c>get</c> result fed back into <c>test</c> is in
/// the desired state: <see cref="EndpointSettings.Version"/> echoes the spec while the endpoint's installation
/// matches it, <see cref="EndpointSettings.PSHome"/> and <see cref="EndpointSettings.Arguments"/> are what the
/// endpoint really uses. <see cref="EndpointSettings.Transport"/>, <see cref="EndpointSettings.Name"/> and
/// <see cref="EndpointSettings.Exist"/> are always set.
/// </summary>
public sealed record EndpointState : EndpointSettings
{
    /// <summary>WSMan: the plugin DLL the registration loads, <c>%windir%</c> expanded.</summary>
    public string? PluginPath { get; init; }

    /// <summary>The installed PowerShell version <c>version</c> resolves to; null when none is installed.</summary>
    public string? ResolvedVersion { get; init; }

    /// <summary>The installation directory <c>version</c> resolves to; null when none is installed.</summary>
    public string? ResolvedPSHome { get; init; }

    /// <summary>Why the endpoint is not in the desired state; empty when it is.</summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>Set only in <c>test</c> output: whether there are no <see cref="Reasons"/>.</summary>
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
