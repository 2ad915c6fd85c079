namespace PSRemotingDsc.WSMan.Host;

/// <summary>The WinRM service and the WS-Management stack of one machine, as far as the resource needs them.</summary>
public interface IWinRMHost
{
    /// <summary>Whether <see cref="Restart"/> can restart a real service (false for a machine image, which has none).</summary>
    bool CanRestart { get; }

    /// <summary>For messages: "this machine", "the machine image (a WinRM snapshot)".</summary>
    string Description { get; }

    /// <summary>Installed, running, start type.</summary>
    /// <exception cref="Errors.PSRemotingDscException"><see cref="Errors.ExitCode.WSManUnavailable"/> when the state cannot be read.</exception>
    WinRMServiceState GetServiceState();

    /// <summary><c>HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\ServiceStackVersion</c>, or null when absent or unparsable.</summary>
    Version? GetServiceStackVersion();

    /// <summary>Which kinds of WinRM listener are configured.</summary>
    WSManListenerPresence GetListeners();

    /// <summary>Whether <c>ucrtbase.dll</c> is in System32 (PowerShell 7 needs the Universal C Runtime on Windows before 10).</summary>
    bool IsUniversalCRuntimePresent();

    /// <summary>
    /// How WinRM is hosted: own or shared service host, account, required privileges; null when it is not installed.
    /// A <c>RunAsVirtualAccount</c> endpoint needs <see cref="WinRMServiceHosting.IsolatedForVirtualAccounts"/>.
    /// </summary>
    /// <exception cref="Errors.PSRemotingDscException"><see cref="Errors.ExitCode.WSManUnavailable"/> when the configuration cannot be read.</exception>
    WinRMServiceHosting? GetServiceHosting();

    /// <summary>
    /// Moves WinRM into its own service host, as LocalSystem, with <c>SeTcbPrivilege</c> among its required privileges,
    /// as Register-PSSessionConfiguration -RunAsVirtualAccount does (PowerShell CustomShellCommands.cs 1299–1320). The
    /// change takes effect when WinRM next starts; this does not restart it, so no session is cut.
    /// </summary>
    /// <exception cref="Errors.PSRemotingDscException">
    /// <see cref="Errors.ExitCode.WSManUnavailable"/> when WinRM is not installed or the service configuration cannot be changed.
    /// </exception>
    void IsolateForVirtualAccounts();

    /// <summary>
    /// Stops and starts WinRM, every wait bounded by <paramref name="timeout"/> in total. This drops every WinRM
    /// session on the machine; callers check <see cref="RemotingSafetyGuard"/> first.
    /// </summary>
    /// <param name="timeout">The whole time the stop and the start together may take.</param>
    /// <exception cref="Errors.PSRemotingDscException">
    /// <see cref="Errors.ExitCode.RestartTimedOut"/> when WinRM does not stop, or is not running again, in time;
    /// <see cref="Errors.ExitCode.WSManUnavailable"/> when the service is missing or the stop or start command fails;
    /// <see cref="Errors.ExitCode.UnsupportedPlatform"/> when the host cannot be restarted (<see cref="CanRestart"/> is false).
    /// </exception>
    void Restart(TimeSpan timeout);
}
