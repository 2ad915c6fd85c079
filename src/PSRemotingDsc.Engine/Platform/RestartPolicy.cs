namespace PSRemotingDsc.Platform;

/// <summary>When to reload or restart the service after its configuration changed (the resource's <c>restart</c> property).</summary>
public enum RestartPolicy
{
    /// <summary>Never restart; a needed restart is only reported.</summary>
    Never,

    /// <summary>Restart only when the configuration changed.</summary>
    IfNeeded,

    /// <summary>Restart on every set.</summary>
    Always,
}
