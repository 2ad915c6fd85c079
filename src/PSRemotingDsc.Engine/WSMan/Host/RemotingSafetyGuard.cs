using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// The "never lock the operator out" rule: without <c>force</c>, WinRM is not restarted from inside a WinRM session,
/// and neither <c>Microsoft.PowerShell</c> nor the endpoint carrying the session is removed or replaced. When the
/// session's endpoint is unknown, every endpoint is treated as possibly carrying it.
/// </summary>
public static class RemotingSafetyGuard
{
    /// <summary>Windows PowerShell's default endpoint, never touched implicitly.</summary>
    public const string DefaultWindowsEndpoint = "Microsoft.PowerShell";

    /// <exception cref="PSRemotingDscException"><see cref="ExitCode.EndpointProtected"/> when inside a WinRM session and not forced.</exception>
    public static void EnsureCanRestartWinRM(IRemotingSessionContext session, bool force)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsInsideWinRMSession && !force)
        {
            throw new PSRemotingDscException(
                ErrorIds.WinRMRestartWouldDropSession,
                $"Not restarting WinRM: this process runs inside a WinRM session ({session.Evidence}), which the restart would end. Run from a local console, set restart to 'never' and restart WinRM later, or set force to accept losing the session.");
        }
    }

    /// <summary>Whether removing or replacing <paramref name="endpointName"/> needs <c>force</c>, and why (null when it does not).</summary>
    public static string? ProtectionReason(string endpointName, IRemotingSessionContext session)
    {
        ArgumentNullException.ThrowIfNull(endpointName);
        ArgumentNullException.ThrowIfNull(session);
        if (string.Equals(endpointName, DefaultWindowsEndpoint, StringComparison.OrdinalIgnoreCase))
        {
            return $"'{DefaultWindowsEndpoint}' is Windows PowerShell's default endpoint";
        }

        if (!session.IsInsideWinRMSession)
        {
            return null;
        }

        if (session.EndpointName is null)
        {
            return $"this process runs inside a WinRM session ({session.Evidence}) whose endpoint cannot be known, so it may be '{endpointName}'";
        }

        return string.Equals(session.EndpointName, endpointName, StringComparison.OrdinalIgnoreCase)
            ? $"it carries the WinRM session this process runs in ({session.Evidence})"
            : null;
    }

    /// <exception cref="PSRemotingDscException"><see cref="ExitCode.EndpointProtected"/> when <see cref="ProtectionReason"/> is not null and not forced.</exception>
    public static void EnsureCanRemoveOrReplace(string endpointName, IRemotingSessionContext session, bool force)
    {
        if (!force && ProtectionReason(endpointName, session) is { } reason)
        {
            throw new PSRemotingDscException(
                ErrorIds.EndpointProtected,
                $"Not removing or replacing endpoint '{endpointName}': {reason}. Nothing was changed; set force to do it anyway.");
        }
    }
}
