using PSRemotingDsc.Versions;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// An <see cref="IInstallationSource"/> over a fixed list of installation directories (usually made with
/// <see cref="FixtureInstallation"/>), each read from disk like discovery reads it, highest version first.
/// </summary>
public sealed class FixedInstallationSource : IInstallationSource
{
    private readonly IReadOnlyList<PowerShellInstallation> _installations;

    public FixedInstallationSource(params string[] psHomes)
    {
        ArgumentNullException.ThrowIfNull(psHomes);
        _installations = [.. psHomes
            .Select(psHome => PowerShellHomeReader.TryRead(psHome, "extra-root")
                ?? throw new ArgumentException($"'{psHome}' is not a PowerShell installation.", nameof(psHomes)))
            .OrderByDescending(installation => installation.Version)];
    }

    public IReadOnlyList<PowerShellInstallation> FindInstallations() => _installations;

    /// <summary>The installation whose $PSHOME is <paramref name="psHome"/>.</summary>
    public PowerShellInstallation Get(string psHome) =>
        _installations.Single(installation => string.Equals(installation.PSHome, psHome, StringComparison.Ordinal));
}
