namespace PSRemotingDsc.WSMan.Host;

/// <summary>A session context given as data: for machine images (no process runs in them) and tests.</summary>
public sealed record FixedSessionContext(bool IsInsideWinRMSession, string? EndpointName, string Evidence) : IRemotingSessionContext
{
    public static FixedSessionContext Outside { get; } = new(false, null, "not applicable to a machine image");
}
