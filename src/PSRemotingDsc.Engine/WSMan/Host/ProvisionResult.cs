namespace PSRemotingDsc.WSMan.Host;

/// <summary>What <see cref="PluginProvisioner.Provision"/> changed.</summary>
/// <param name="PluginCopied">pwrshplugin.dll was copied (new or replaced).</param>
/// <param name="ConfigWritten">RemotePowerShellConfig.txt was written.</param>
/// <param name="WinRMRestartNeeded">An existing plugin or config was replaced: a WinRM that already loaded the old plugin keeps it until restarted.</param>
/// <param name="Changes">One sentence per change, for logs; empty when nothing was touched.</param>
/// <param name="Remaining">Drift provisioning does not fix (non-admin file access), from the final inspection.</param>
public sealed record ProvisionResult(bool PluginCopied, bool ConfigWritten, bool WinRMRestartNeeded, IReadOnlyList<string> Changes, IReadOnlyList<PluginDrift> Remaining)
{
    /// <summary>True when a file was written: the plugin copied or the config written.</summary>
    public bool Changed => PluginCopied || ConfigWritten;
}
