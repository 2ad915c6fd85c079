namespace PSRemotingDsc.Drift;

/// <summary>The stable reason identifiers; the suffix of <see cref="Reason.Code"/>. Never rename a member.</summary>
public enum ReasonId
{
    /// <summary>The endpoint should exist and does not.</summary>
    Missing,

    /// <summary>The endpoint should not exist and does.</summary>
    Unexpected,

    /// <summary>The endpoint starts a different PowerShell installation than the one the version resolves to.</summary>
    BoundToOtherInstallation,

    /// <summary>The endpoint starts an executable that no longer exists (PowerShell was uninstalled or moved).</summary>
    InstallationGone,

    /// <summary>The endpoint starts something that is not a PowerShell installation.</summary>
    NotPowerShell,

    /// <summary>The subsystem command lacks <c>-sshs</c>, so pwsh does not speak the remoting protocol.</summary>
    NotServerMode,

    /// <summary>The extra pwsh arguments differ from the declared <c>arguments</c>.</summary>
    ArgumentsDiffer,

    /// <summary>An earlier Subsystem line of the same name wins over the correct one (OpenSSH: first wins).</summary>
    ShadowedByDuplicate,

    /// <summary>The name is defined more than once; OpenSSH 9.2 refuses to start, newer ones ignore the later lines.</summary>
    DuplicateDefinition,

    /// <summary>The executable path has spaces, which OpenSSH for Windows cannot run as a subsystem.</summary>
    PathHasSpaces,

    /// <summary>The only definitions are inside a Match block, where they do not apply to every connection.</summary>
    OnlyInMatchBlock,
}
