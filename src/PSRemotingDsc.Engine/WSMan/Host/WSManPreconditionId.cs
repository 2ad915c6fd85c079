namespace PSRemotingDsc.WSMan.Host;

/// <summary>Stable identifiers of the things WSMan remoting needs before an endpoint can be managed. Never renumber or rename.</summary>
public enum WSManPreconditionId
{
    WinRMServiceMissing,
    WinRMServiceStopped,
    WSManStackTooOld,
    NoListener,
    UniversalCRuntimeMissing,
    NotElevated,
}
