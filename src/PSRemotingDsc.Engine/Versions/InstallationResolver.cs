using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Versions;

/// <summary>Turns the <c>version</c> and <c>pshome</c> properties into one installed PowerShell.</summary>
public sealed class InstallationResolver
{
    private readonly IInstallationSource source;

    // The resolved executables of the last installation list seen: an sshd_config with many Subsystem lines resolves
    // each installation's pwsh once, not once per line (rebuilt when the source returns another list).
    private (IReadOnlyList<PowerShellInstallation> Installations, Dictionary<string, PowerShellInstallation> ByExecutable)? executables;

    /// <summary>Creates a resolver that picks from the installations <paramref name="source"/> finds.</summary>
    /// <param name="source">The installations on the machine; asked on every call, so pass a cached source to scan once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public InstallationResolver(IInstallationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
    }

    /// <summary>
    /// With <paramref name="psHome"/>: that installation, which must match <paramref name="spec"/> if one is given.
    /// Otherwise the highest installation matching <paramref name="spec"/>.
    /// </summary>
    /// <param name="spec">The parsed <c>version</c> property, or null when not set.</param>
    /// <param name="psHome">The <c>pshome</c> property, an absolute <c>$PSHOME</c> path, or null or empty when not set.</param>
    /// <returns>The installation to use.</returns>
    /// <exception cref="PSRemotingDscException">
    /// VersionSpecInvalid (neither property given), PSHomeNotFound (relative path, or not an
    /// installation), PSHomeVersionMismatch, PowerShellVersionNotInstalled.
    /// </exception>
    public PowerShellInstallation Resolve(VersionSpec? spec, string? psHome)
    {
        if (!string.IsNullOrEmpty(psHome))
        {
            var installation = ReadPSHome(psHome);
            if (spec is not null && !spec.Matches(installation.Version))
            {
                throw new PSRemotingDscException(
                    ErrorIds.PSHomeVersionMismatch,
                    $"'pshome' {installation.PSHome} is PowerShell {installation.Version}, which does not match 'version' '{spec}'. "
                    + $"Set 'version' to '{installation.Version}' (or a spec that matches it{PreviewHint(spec, installation.Version)}), or remove 'version' or 'pshome'.");
            }

            return installation;
        }

        if (spec is null)
        {
            throw new PSRemotingDscException(
                ErrorIds.VersionSpecInvalid,
                $"Neither 'version' nor 'pshome' is set, so there is no PowerShell to use. Set 'version'. {VersionSpec.AcceptedForms}");
        }

        var installations = source.FindInstallations();
        return spec.SelectBest(installations) ?? throw new PSRemotingDscException(
            ErrorIds.PowerShellVersionNotInstalled,
            NotInstalledMessage(spec, installations));
    }

    /// <summary>
    /// The installation an executable path (as used in sshd_config; may be a symlink such as /usr/bin/pwsh) belongs to,
    /// or null if it is not a PowerShell installation's pwsh.
    /// </summary>
    public PowerShellInstallation? FindByExecutable(string executablePath)
    {
        ArgumentNullException.ThrowIfNull(executablePath);
        if (executablePath.Length == 0 || !Path.IsPathFullyQualified(executablePath))
        {
            return null;
        }

        string resolved = PathIdentity.Resolve(executablePath);
        if (OperatingSystem.IsWindows() && !File.Exists(resolved) && File.Exists(resolved + ".exe"))
        {
            // OpenSSH on Windows runs "...\pwsh" as pwsh.exe.
            resolved += ".exe";
        }

        if (!File.Exists(resolved))
        {
            return null;
        }

        var installations = source.FindInstallations();
        if (ByResolvedExecutable(installations).TryGetValue(resolved, out PowerShellInstallation? byExecutable))
        {
            return byExecutable;
        }

        // Only pwsh itself starts a session: another file in $PSHOME (createdump, a .dll) is not this installation's executable.
        string? directory = Path.GetDirectoryName(resolved);
        if (directory is null || !string.Equals(Path.GetFileName(resolved), PowerShellHomeReader.ExecutableName, PathIdentity.Comparison))
        {
            return null;
        }

        return installations.FirstOrDefault(installation => string.Equals(PathIdentity.Resolve(installation.PSHome), directory, PathIdentity.Comparison))
            ?? PowerShellHomeReader.TryRead(directory, "executable");
    }

    private Dictionary<string, PowerShellInstallation> ByResolvedExecutable(IReadOnlyList<PowerShellInstallation> installations)
    {
        if (executables is not { } known || !ReferenceEquals(known.Installations, installations))
        {
            var byExecutable = new Dictionary<string, PowerShellInstallation>(PathIdentity.Comparer);
            foreach (PowerShellInstallation installation in installations)
            {
                // The first in the source's order wins, as the linear search this replaces did.
                byExecutable.TryAdd(PathIdentity.Resolve(installation.Executable), installation);
            }

            known = (installations, byExecutable);
            executables = known;
        }

        return known.ByExecutable;
    }

        private PowerShellInstallation ReadPSHome(string psHome)
    {
        if (!Path.IsPathFullyQualified(psHome))
        {
            throw new PSRemotingDscException(
                ErrorIds.PSHomeNotFound,
                $"'pshome' '{psHome}' is not an absolute path. Pass the full path of a PowerShell installation directory (the value of $PSHOME in that pwsh).");
        }

        string resolved = PathIdentity.Resolve(psHome);
        var known = source.FindInstallations().FirstOrDefault(installation => string.Equals(installation.PSHome, resolved, PathIdentity.Comparison));
        return known ?? PowerShellHomeReader.TryRead(resolved, "pshome") ?? throw new PSRemotingDscException(
            ErrorIds.PSHomeNotFound,
            $"'pshome' '{psHome}' is not a PowerShell installation: it needs {PowerShellHomeReader.ExecutableName} and a readable "
            + $"{PowerShellHomeReader.EngineAssemblyName}.dll. Pass the $PSHOME of an installed PowerShell (pwsh -c '$PSHOME'), or set 'version' instead.");
    }

    private static string NotInstalledMessage(VersionSpec spec, IReadOnlyList<PowerShellInstallation> installations)
    {
        string found = installations.Count == 0
            ? $"No PowerShell installation was found (searched the standard locations, PATH, dotnet tools and {InstallationDiscovery.ExtraRootsVariable})."
            : "Installed: " + string.Join("; ", installations) + ".";
        string hint = installations.Any(installation => installation.Version.IsPreRelease) && !spec.IsPreview && !spec.IsExact
            ? $" Pre-releases match only a '-preview' spec such as '{spec}-preview', or their exact version."
            : string.Empty;
        return $"No installed PowerShell matches 'version' '{spec}'. {found}{hint} Install a matching PowerShell, change 'version', "
            + $"or set 'pshome' (or {InstallationDiscovery.ExtraRootsVariable}) for an installation in a custom place.";
    }

    private static string PreviewHint(VersionSpec spec, PowerShellVersion version) =>
        version.IsPreRelease && !spec.IsPreview ? $", such as '{version.Major}-preview'" : string.Empty;
}
