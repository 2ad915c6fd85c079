namespace PSRemotingDsc.WSMan.Host;

/// <summary>Stable identifiers of the things WSMan remoting needs before an endpoint can be managed. Never renumber or rename.</summary>
public enum WSManPreconditionId
{
    /// <summary>The WinRM service is not installed.</summary>
    WinRMServiceMissing,

    /// <summary>The WinRM service is installed but not running.</summary>
    WinRMServiceStopped,

    /// <summary>The WS-Management stack is older than 2.0, or its <c>ServiceStackVersion</c> is missing or unreadable.</summary>
    WSManStackTooOld,

    /// <summary>WinRM has neither an HTTP nor an HTTPS listener.</summary>
    NoListener,

    /// <summary>Windows before 10 without <c>ucrtbase.dll</c> in System32, which PowerShell 7 needs.</summary>
    UniversalCRuntimeMissing,

    /// <summary>The caller is not elevated; checked only when the operation changes something.</summary>
    NotElevated,
}
