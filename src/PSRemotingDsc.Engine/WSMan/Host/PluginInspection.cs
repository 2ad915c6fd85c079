namespace PSRemotingDsc.WSMan.Host;

/// <summary>What <see cref="PluginProvisioner.Inspect"/> found in a plugin folder.</summary>
/// <param name="Directory">The folder inspected.</param>
/// <param name="PSHome">The PowerShell home it should be bound to.</param>
/// <param name="Drift">Every difference; empty when in desired state.</param>
/// <param name="PluginVersion">File version of the copy, when readable.</param>
/// <param name="SourcePluginVersion">File version of <c>$PSHOME\pwrshplugin.dll</c>, when readable.</param>
/// <param name="Config">The parsed RemotePowerShellConfig.txt, or null when missing.</param>
/// <param name="Access">Non-admin access to the config file, or null when not checked.</param>
public sealed record PluginInspection(
    PluginDirectory Directory,
    string PSHome,
    IReadOnlyList<PluginDrift> Drift,
    Version? PluginVersion,
    Version? SourcePluginVersion,
    RemotePowerShellConfig? Config,
    PluginFileAccessReport? Access)
{
    /// <summary>True when <see cref="Drift"/> is empty: the folder matches the PowerShell home and non-admin users can use it.</summary>
    public bool InDesiredState => Drift.Count == 0;

    /// <summary>True when <see cref="Drift"/> has a difference of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind to look for.</param>
    /// <returns>True when found.</returns>
    public bool Has(PluginDriftKind kind) => Drift.Any(d => d.Kind == kind);

    internal bool PluginNeedsCopy => Has(PluginDriftKind.PluginMissing) || Has(PluginDriftKind.PluginHashDiffers) || Has(PluginDriftKind.PluginOlder);

    internal bool ConfigNeedsWrite => Drift.Any(d => d.Kind is PluginDriftKind.ConfigMissing
        or PluginDriftKind.PSHomeDirMissing or PluginDriftKind.PSHomeDirNotFound or PluginDriftKind.PSHomeDirOther
        or PluginDriftKind.CoreClrDirMissing or PluginDriftKind.CoreClrDirNotFound or PluginDriftKind.CoreClrDirOther);
}
