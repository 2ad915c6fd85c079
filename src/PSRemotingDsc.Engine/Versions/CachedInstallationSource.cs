namespace PSRemotingDsc.Versions;

/// <summary>
/// Scans once per process: a resource run resolves the desired version and identifies every subsystem
/// executable against the same set of installations.
/// </summary>
public sealed class CachedInstallationSource : IInstallationSource
{
    private readonly Lazy<IReadOnlyList<PowerShellInstallation>> _installations;

    /// <summary>Wraps <paramref name="inner"/>; it is asked once, on the first <see cref="FindInstallations"/>.</summary>
    /// <param name="inner">The source that actually scans, usually an <see cref="InstallationDiscovery"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    public CachedInstallationSource(IInstallationSource inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _installations = new Lazy<IReadOnlyList<PowerShellInstallation>>(inner.FindInstallations);
    }

    /// <inheritdoc />
    /// <remarks>The first call scans and every later call returns the same list, so installations added meanwhile are not seen.</remarks>
    public IReadOnlyList<PowerShellInstallation> FindInstallations() => _installations.Value;
}
