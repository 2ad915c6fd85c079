namespace PSRemotingDsc.Ssh;

/// <summary>Makes a running sshd pick up a changed configuration.</summary>
public interface ISshdControl
{
    /// <summary>
    /// Reloads the sshd that uses <paramref name="configPath"/> so that new connections use the new file.
    /// Every wait is bounded by <paramref name="timeout"/>.
    /// </summary>
    /// <param name="configPath">The main configuration file that was changed.</param>
    /// <param name="pidFile">
    /// The effective <c>PidFile</c> of that configuration, or null to look in the default places; unused where sshd
    /// runs as a service.
    /// </param>
    /// <param name="timeout">The most time the reload, and the check that sshd still runs after it, may take; must be positive.</param>
    /// <returns>Whether an sshd reloaded, with a sentence for the log; no sshd running is not an error.</returns>
    SshdReloadResult Reload(string configPath, string? pidFile, TimeSpan timeout);
}
