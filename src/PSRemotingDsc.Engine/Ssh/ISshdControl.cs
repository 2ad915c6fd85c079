namespace PSRemotingDsc.Ssh;

/// <summary>Makes a running sshd pick up a changed configuration.</summary>
public interface ISshdControl
{
    /// <summary>
    /// Reloads the sshd that uses <paramref name="configPath"/> so that new connections use the new file.
    /// Every wait is bounded by <paramref name="timeout"/>.
    /// </summary>
    SshdReloadResult Reload(string configPath, string? pidFile, TimeSpan timeout);
}
