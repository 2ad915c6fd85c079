namespace PSRemotingDsc.WSMan;

/// <summary>How the registered <c>configfilepath</c> of a plugin stands against the declared <c>sessionConfigurationFile</c>.</summary>
public enum SessionConfigurationState
{
    /// <summary>The registration points at a copy in <c>$PSHOME\SessionConfig</c> whose SHA-256 equals the declared file's.</summary>
    Matches,

    /// <summary>The registration has no <c>configfilepath</c>.</summary>
    NotRegistered,

    /// <summary>
    /// The registration points at the declared file itself, outside <c>$PSHOME\SessionConfig</c> (registered in place):
    /// Unregister-PSSessionConfiguration deletes it and Get-PSSessionConfiguration evaluates it elevated.
    /// </summary>
    InPlace,

    /// <summary>The registration points at a file outside the bound installation's <c>$PSHOME\SessionConfig</c>.</summary>
    OutsideFolder,

    /// <summary>The registered copy does not exist.</summary>
    CopyMissing,

    /// <summary>The registered copy is not a readable regular file, or its SHA-256 differs from the declared file's.</summary>
    CopyDiffers,

    /// <summary>The declared file does not exist or is not a readable regular file, so the copy cannot be checked or made.</summary>
    SourceUnreadable,
}
