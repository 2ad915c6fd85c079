namespace PSRemotingDsc.WSMan.Host;

/// <summary>The WinRM service as the service control manager sees it.</summary>
/// <param name="Installed">The service exists.</param>
/// <param name="Running">Its state is RUNNING (not START_PENDING, not STOPPED).</param>
/// <param name="StartType">"Automatic", "AutomaticDelayed", "Manual", "Disabled" or "Unknown".</param>
public sealed record WinRMServiceState(bool Installed, bool Running, string StartType)
{
    /// <summary>The state of a machine without the WinRM service: not installed, not running, start type "Unknown".</summary>
    public static readonly WinRMServiceState NotInstalled = new(false, false, "Unknown");
}
