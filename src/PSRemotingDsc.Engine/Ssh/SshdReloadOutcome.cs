namespace PSRemotingDsc.Ssh;

/// <summary>What happened to sshd on <see cref="ISshdControl.Reload"/>.</summary>
public enum SshdReloadOutcome
{
    /// <summary>sshd re-read its configuration and is running.</summary>
    Reloaded,

    /// <summary>No sshd was running for the configuration; the next start will read the new file.</summary>
    NotRunning,
}
