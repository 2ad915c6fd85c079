using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// A WinRM host described by data: what a machine looked like (for tests, and for planning against a machine
/// image). Nothing on it can be restarted; a change to the service configuration is recorded in
/// <see cref="ServiceHosting"/>.
/// </summary>
public sealed record WinRMHostSnapshot : IWinRMHost
{
    /// <summary>What <see cref="GetServiceState"/> returns; by default installed, running and automatic.</summary>
    public WinRMServiceState Service { get; init; } = new(true, true, "Automatic");

    /// <summary>What <see cref="GetServiceStackVersion"/> returns; 3.0 (current Windows) by default, null for a machine without one.</summary>
    public Version? ServiceStackVersion { get; init; } = new(3, 0);

    /// <summary>What <see cref="GetListeners"/> returns; one HTTP listener by default.</summary>
    public WSManListenerPresence Listeners { get; init; } = new(Http: true, Https: false);

    /// <summary>What <see cref="IsUniversalCRuntimePresent"/> returns; true by default.</summary>
    public bool UniversalCRuntimePresent { get; init; } = true;

    /// <summary>
    /// What <see cref="GetServiceHosting"/> returns; by default a default Windows Server's
    /// (<see cref="WinRMServiceHosting.WindowsDefault"/>: shared service host, NetworkService, no SeTcbPrivilege).
    /// <see cref="IsolateForVirtualAccounts"/> records its change here.
    /// </summary>
    public WinRMServiceHosting ServiceHosting { get; set; } = WinRMServiceHosting.WindowsDefault;

    /// <summary>False: a snapshot describes a machine; nothing on it runs.</summary>
    public bool CanRestart => false;

    /// <inheritdoc />
    public string Description => "the machine image (a WinRM snapshot)";

    /// <summary>Returns <see cref="Service"/>.</summary>
    /// <returns>The described service state.</returns>
    public WinRMServiceState GetServiceState() => Service;

    /// <summary>Returns <see cref="ServiceStackVersion"/>.</summary>
    /// <returns>The described stack version, or null.</returns>
    public Version? GetServiceStackVersion() => ServiceStackVersion;

    /// <summary>Returns <see cref="Listeners"/>.</summary>
    /// <returns>The described listeners.</returns>
    public WSManListenerPresence GetListeners() => Listeners;

    /// <summary>Returns <see cref="UniversalCRuntimePresent"/>.</summary>
    /// <returns>The described answer.</returns>
    public bool IsUniversalCRuntimePresent() => UniversalCRuntimePresent;

    /// <summary>Returns <see cref="ServiceHosting"/>, or null when <see cref="Service"/> is not installed.</summary>
    /// <returns>The described hosting, or null.</returns>
    public WinRMServiceHosting? GetServiceHosting() => Service.Installed ? ServiceHosting : null;

    /// <summary>Records the change in <see cref="ServiceHosting"/> (<see cref="WinRMServiceHosting.Isolated"/>).</summary>
    /// <exception cref="PSRemotingDscException">WSManUnavailable when <see cref="Service"/> is not installed.</exception>
    public void IsolateForVirtualAccounts()
    {
        if (!Service.Installed)
        {
            throw new PSRemotingDscException(ErrorIds.WSManUnavailable, "WinRM is not installed on the machine image; it cannot be moved into its own service host.");
        }

        ServiceHosting = ServiceHosting.Isolated();
    }

    /// <summary>Always fails: a snapshot has no service to restart.</summary>
    /// <param name="timeout">Ignored.</param>
    /// <exception cref="PSRemotingDscException">Always: WinRMSnapshotCannotRestart (<see cref="ExitCode.UnsupportedPlatform"/>).</exception>
    public void Restart(TimeSpan timeout) =>
        throw new PSRemotingDscException(
            ErrorIds.WinRMSnapshotCannotRestart,
            "WinRM cannot be restarted here: this host is a snapshot (a description of a machine), not a running Windows service.");
}
