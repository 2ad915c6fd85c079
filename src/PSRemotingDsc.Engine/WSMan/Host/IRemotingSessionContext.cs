namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Whether this process runs inside a WinRM-hosted PowerShell session (restarting WinRM or removing that endpoint
/// would cut the caller off), and which endpoint carries it when that can be known.
/// </summary>
public interface IRemotingSessionContext
{
    /// <summary>True when an ancestor process is WinRM's plugin host, or the override says so.</summary>
    bool IsInsideWinRMSession { get; }

    /// <summary>
    /// The endpoint (session configuration) name carrying the session, or null when unknown. A child process cannot
    /// read its parent's <c>$PSSenderInfo</c>, so without the override this is null even inside a session; callers must
    /// then treat every endpoint as possibly carrying it.
    /// </summary>
    string? EndpointName { get; }

    /// <summary>How the answer was found, for messages: "ancestor wsmprovhost.exe (PID 4242)", "PSREMOTINGDSC_SESSION_ENDPOINT".</summary>
    string Evidence { get; }
}
