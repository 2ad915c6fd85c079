namespace PSRemotingDsc.Platform;

/// <summary>When to reload or restart the service after its configuration changed (the resource's <c>restart</c> property).</summary>
public enum RestartPolicy
{
    /// <summary>Never reload or restart; a needed one is only reported.</summary>
    Never,

    /// <summary>
    /// Reload or restart only when the change needs it (sshd after its configuration changed, WinRM after a write it
    /// sees only once restarted); the default when <c>restart</c> is not set.
    /// </summary>
    IfNeeded,

    /// <summary>Reload or restart on every set, even when nothing changed.</summary>
    Always,
}
