using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// A WinRM host described by data: what a machine looked like (for tests, and for planning against a machine
/// image). Nothing on it can be restarted.
/// </summary>
public sealed record WinRMHostSnapshot : IWinRMHost
{
    public WinRMServiceState Service { get; init; } = new(true, true, "Automatic");

    public Version? ServiceStackVersion { get; init; } = new(3, 0);

    public WSManListenerPresence Listeners { get; init; } = new(Http: true, Https: false);

    public bool UniversalCRuntimePresent { get; init; } = true;

    /// <summary>False: a snapshot describes a machine; nothing on it runs.</summary>
    public bool CanRestart => false;

    public string Description => "the machine image (a WinRM snapshot)";

    public WinRMServiceState GetServiceState() => Service;

    public Version? GetServiceStackVersion() => ServiceStackVersion;

    public WSManListenerPresence GetListeners() => Listeners;

    public bool IsUniversalCRuntimePresent() => UniversalCRuntimePresent;

    public void Restart(TimeSpan timeout) =>
        throw new PSRemotingDscException(
            ErrorIds.WinRMSnapshotCannotRestart,
            "WinRM cannot be restarted here: this host is a snapshot (a description of a machine), not a running Windows service.");
}
