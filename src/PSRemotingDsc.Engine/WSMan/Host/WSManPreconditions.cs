using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// What PowerShell's WS-Management remoting page and <c>CheckRemotingCmdletPrerequisites</c> require before an
/// endpoint can work: a running WinRM, WS-Management 2.0 or later, a listener, the Universal C Runtime before
/// Windows 10, and an elevated caller.
/// </summary>
public static class WSManPreconditions
{
    /// <summary>The lowest <c>ServiceStackVersion</c> PowerShell's remoting cmdlets accept.</summary>
    public static readonly Version MinimumStackVersion = new(2, 0);

    /// <summary>Every missing precondition, in a fixed order; empty when all hold.</summary>
    /// <param name="host">The WinRM host to look at.</param>
    /// <param name="osVersion">The Windows version (<c>Environment.OSVersion.Version</c>); 6.x means before Windows 10.</param>
    /// <param name="elevation">Whether the caller is elevated; null skips that check (e.g. a read-only get).</param>
    public static IReadOnlyList<WSManPrecondition> Check(IWinRMHost host, Version osVersion, IElevation? elevation = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(osVersion);
        var missing = new List<WSManPrecondition>();

        WinRMServiceState service = host.GetServiceState();
        if (!service.Installed)
        {
            missing.Add(new(WSManPreconditionId.WinRMServiceMissing,
                "The WinRM service is not installed. WS-Management remoting needs it; it ships with Windows (install Windows Management Framework on old systems)."));
        }
        else if (!service.Running)
        {
            string enable = service.StartType == "Disabled" ? "Set-Service WinRM -StartupType Automatic; " : "";
            missing.Add(new(WSManPreconditionId.WinRMServiceStopped,
                $"The WinRM service is not running (start type {service.StartType}). Run '{enable}Start-Service WinRM' in an elevated PowerShell, or Set-WSManQuickConfig."));
        }

        Version? stack = host.GetServiceStackVersion();
        if (stack is null || stack < MinimumStackVersion)
        {
            string found = stack is null ? "no ServiceStackVersion" : $"ServiceStackVersion {stack}";
            missing.Add(new(WSManPreconditionId.WSManStackTooOld,
                $"PowerShell remoting needs WS-Management {MinimumStackVersion} or later, but HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN has {found}. Install Windows Management Framework 5.1 or use a supported Windows version."));
        }

        if (!host.GetListeners().Any)
        {
            missing.Add(new(WSManPreconditionId.NoListener,
                "WinRM has no HTTP or HTTPS listener, so no client can reach an endpoint. Run Set-WSManQuickConfig (or 'winrm quickconfig'), or use a WSManListener resource (WSManDsc) to declare one."));
        }

        if (osVersion.Major < 10 && !host.IsUniversalCRuntimePresent())
        {
            missing.Add(new(WSManPreconditionId.UniversalCRuntimeMissing,
                $"PowerShell 7 on Windows before 10 (this is {osVersion}) needs the Universal C Runtime, and ucrtbase.dll is not in System32. Install it through Windows Update (KB2999226) or Windows Management Framework 5.1."));
        }

        if (elevation is not null && !elevation.IsElevated)
        {
            missing.Add(new(WSManPreconditionId.NotElevated,
                "Managing WSMan endpoints needs administrator rights. Run psremotingdsc (or dsc) from an elevated session: 'Run as administrator'."));
        }

        return missing;
    }

    /// <summary>Throws when <paramref name="missing"/> is not empty: NotElevated wins (the fix is the caller's), else WSManUnavailable.</summary>
    public static void ThrowIfAny(IReadOnlyList<WSManPrecondition> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        if (missing.Count == 0)
        {
            return;
        }

        bool notElevated = missing.Any(m => m.Id == WSManPreconditionId.NotElevated);
        throw new PSRemotingDscException(
            notElevated ? ErrorIds.NotElevated : ErrorIds.WSManUnavailable,
            "WSMan remoting is not ready; nothing was changed. " + string.Join(" ", missing.Select(m => $"[{m.Id}] {m.Message}")));
    }
}
