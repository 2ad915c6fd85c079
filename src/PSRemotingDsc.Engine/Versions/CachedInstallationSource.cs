namespace PSRemotingDsc.Versions;

/// <summary>
/// Scans once per process: a resource run resolves the desired version and identifies every subsystem
/// executable against the same set of installations.
/// </summary>
public sealed class CachedInstallationSource : IInstallationSource
{
    private readonly Lazy<IReadOnlyList<PowerShellInstallation>> _installations;

    public CachedInstallationSource(IInstallationSource inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _installations = new Lazy<IReadOnlyList<PowerShellInstallation>>(inner.FindInstallations);
    }

    public IReadOnlyList<PowerShellInstallation> FindInstallations() => _installations.Value;
}
