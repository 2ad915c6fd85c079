namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// What a loopback session answered: the remote <c>$PSVersionTable.PSVersion</c>, or the error (a present but
/// broken endpoint fails with WSManFault 2689860592).
/// </summary>
public sealed record ConnectionProbeResult(bool Connected, string? RemoteVersion, string? Error);
