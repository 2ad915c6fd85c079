namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// What a loopback session answered: the remote <c>$PSVersionTable.PSVersion</c>, or the error (a present but
/// broken endpoint fails with WSManFault 2689860592).
/// </summary>
/// <param name="Connected">True when the session opened and the command in it returned a version.</param>
/// <param name="RemoteVersion">The remote PowerShell version as text (<c>7.4.6</c>) when connected; otherwise null.</param>
/// <param name="Error">Why there was no answer (the first line of pwsh's error output, or a timeout) when not connected; otherwise null.</param>
public sealed record ConnectionProbeResult(bool Connected, string? RemoteVersion, string? Error);
