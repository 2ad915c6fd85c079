namespace PSRemotingDsc.WSMan.Host;

/// <summary>A session context given as data: for machine images (no process runs in them) and tests.</summary>
/// <param name="IsInsideWinRMSession">True to act as if this process ran inside a WinRM-hosted session.</param>
/// <param name="EndpointName">The endpoint carrying that session, or null when unknown (every endpoint may carry it).</param>
/// <param name="Evidence">How the answer was found, for messages.</param>
public sealed record FixedSessionContext(bool IsInsideWinRMSession, string? EndpointName, string Evidence) : IRemotingSessionContext
{
    /// <summary>Not inside a session, for a machine image that no process of ours runs in.</summary>
    public static FixedSessionContext Outside { get; } = new(false, null, "not applicable to a machine image");
}
