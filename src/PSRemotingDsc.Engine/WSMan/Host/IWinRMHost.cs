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
