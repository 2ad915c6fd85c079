using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Resource;

/// <summary>
/// A <c>PSRemotingDsc/EndpointSet</c> instance as psremotingdsc reports it: the desired values echoed (so <c>get</c>
/// output fed back into <c>test</c> is in the desired state when the machine is), the registered endpoints, and what
/// differs.
/// </summary>
public sealed record EndpointSetState
{
    /// <summary>The version specs, as written.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>The transport, defaulted.</summary>
    public Transport Transport { get; init; }

    /// <summary>SSH: the sshd_config file, defaulted; null for WSMan.</summary>
    public string? SshdConfigPath { get; init; }

    /// <summary>Whether endpoints not desired are removed, as written (false when unset).</summary>
    public bool Purge { get; init; }

    /// <summary>Every PowerShell endpoint registered on the transport, with its own drift (as <c>PSRemotingDsc/Endpoint</c> exports it).</summary>
    public IReadOnlyList<EndpointState> Endpoints { get; init; } = [];

    /// <summary>The desired version specs whose default endpoint is missing or not in the desired state.</summary>
    public IReadOnlyList<string> MissingVersions { get; init; } = [];

    /// <summary>The registered PowerShell 6+ endpoints that no desired version asks for and that purge may remove.</summary>
    public IReadOnlyList<string> UndesiredEndpoints { get; init; } = [];

    /// <summary>
    /// Why the set is not in the desired state, codes <c>PSRemotingEndpointSet:PSRemotingEndpointSet:&lt;ReasonId&gt;</c>.
    /// Undesired endpoints are reasons only when <see cref="Purge"/> is true (only then does set remove them).
    /// </summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>Set only in <c>test</c> output: whether there are no <see cref="Reasons"/>.</summary>
    public bool? InDesiredState { get; init; }

    /// <summary>Services that must be restarted for the state to take effect.</summary>
    public IReadOnlyList<string> RestartRequired { get; init; } = [];

    /// <summary>What set did about reloading sshd or restarting WinRM; null when nothing was reloaded.</summary>
    public string? ReloadOutcome { get; init; }

    /// <summary>The instance name for <c>export</c> output.</summary>
    public string? ExportName { get; init; }
}
