using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Versions;

/// <summary>
/// Finds the PowerShell installations on this machine by reading their files (no pwsh is started).
/// <para>Looks in, in this order (the first place an installation is seen gives its origin):</para>
/// <list type="bullet">
/// <item>Linux/macOS: <c>/opt/microsoft/powershell/*</c>, <c>/usr/local/microsoft/powershell/*</c>,
/// snap (<c>/snap/powershell/current/opt/powershell</c>, <c>/snap/powershell-preview/current/opt/powershell</c>);
/// Windows: <c>%ProgramFiles%\PowerShell\*</c> (and the x86 one) and the MSI's registry key
/// <c>HKLM\SOFTWARE\Microsoft\PowerShellCore\InstalledVersions\&lt;guid&gt;\InstallLocation</c>.</item>
/// <item>Global dotnet tools: <c>~/.dotnet/tools/.store/powershell/&lt;v&gt;/powershell/&lt;v&gt;/tools/net*/any/&lt;unix|win&gt;/</c>.</item>
/// <item>Local dotnet tools: <c>$NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>, <c>powershell/&lt;v&gt;/tools/net*/any/&lt;unix|win&gt;/</c>.</item>
/// <item>Every <c>pwsh*</c> on PATH, followed through symlinks to its directory.</item>
/// <item>The directories in the environment variable <c>PSREMOTINGDSC_PSHOME_ROOTS</c>
/// (<see cref="ExtraRootsVariable"/>), separated by the platform's path separator (<c>:</c>, or <c>;</c> on Windows);
/// each is a <c>$PSHOME</c> itself or a parent of <c>$PSHOME</c> directories. Use it for installations
/// unpacked from a zip or tar.gz into a custom place.</item>
/// </list>
/// </summary>
public sealed class InstallationDiscovery : IInstallationSource
{
    /// <summary>
    /// Extra places to look: <see cref="Path.PathSeparator"/>-separated directories, each a <c>$PSHOME</c>
    /// or a parent of <c>$PSHOME</c> directories.
    /// </summary>
    public const string ExtraRootsVariable = "PSREMOTINGDSC_PSHOME_ROOTS";

    private const string PackageId = "powershell";

    private readonly InstallationDiscoveryOptions options;

    /// <summary>Discovery on the real machine, configured from the process environment.</summary>
    public InstallationDiscovery()
        : this(InstallationDiscoveryOptions.FromEnvironment())
    {
    }

    /// <summary>Discovery that looks only where <paramref name="options"/> says; tests point it at fixture directories.</summary>
    /// <param name="options">The places to look.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public InstallationDiscovery(InstallationDiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    private static string RuntimeFolder => OperatingSystem.IsWindows() ? "win" : "unix";

    /// <inheritdoc />
    /// <remarks>
    /// Scans the file system (and registry) on every call; wrap it in a <see cref="CachedInstallationSource"/> to
    /// scan once. A directory that cannot be read, or that is not a PowerShell installation, is skipped without
    /// error. Installations with the same version are ordered by <see cref="PowerShellInstallation.PSHome"/>.
    /// </remarks>
    public IReadOnlyList<PowerShellInstallation> FindInstallations()
    {
        var found = new Dictionary<string, PowerShellInstallation>(PathIdentity.Comparer);

        void Add(string psHome, string origin)
        {
            if (PowerShellHomeReader.TryRead(psHome, origin) is { } installation)
            {
                found.TryAdd(installation.PSHome, installation);
            }
        }

        void AddRoot(string root, string origin)
        {
            if (!Path.IsPathFullyQualified(root))
            {
                return;
            }

            Add(root, origin);
            foreach (string child in EnumerateDirectories(root, "*"))
            {
                Add(child, origin);
            }
        }

        if (options.IncludeWellKnown)
        {
            foreach (var root in options.WellKnownRoots ?? InstallationDiscoveryOptions.DefaultWellKnownRoots)
            {
                AddRoot(root.Path, root.Origin);
            }

            foreach (string location in (options.Registry ?? new WindowsPowerShellRegistry()).GetInstallLocations())
            {
                Add(location, "registry");
            }
        }

        if (options.HomeDirectory is { } home)
        {
            // ~/.dotnet/tools/.store/powershell/<v>/powershell/<v>/tools/net*/any/<rid>/
            foreach (string storeVersion in EnumerateDirectories(Path.Join(home, ".dotnet", "tools", ".store", PackageId), "*"))
            {
                foreach (string psHome in EnumeratePackageHomes(Path.Join(storeVersion, PackageId)))
                {
                    Add(psHome, "dotnet-tool (global)");
                }
            }
        }

        if (options.NuGetPackagesDirectory is { } packages)
        {
            foreach (string psHome in EnumeratePackageHomes(Path.Join(packages, PackageId)))
            {
                Add(psHome, PowerShellInstallation.LocalDotnetToolOrigin);
            }
        }

        foreach (string executable in EnumeratePwshOnPath(options.PathVariable))
        {
            string? directory = Path.GetDirectoryName(PathIdentity.Resolve(executable));
            if (directory is not null)
            {
                Add(directory, "PATH");
            }
        }

        foreach (string root in options.ExtraRoots)
        {
            AddRoot(root, "extra-root");
        }

        return found.Values
            .OrderByDescending(installation => installation.Version)
            .ThenBy(installation => installation.PSHome, StringComparer.Ordinal)
            .ToList();
    }

    // <package>/<v>/tools/net*/any/<unix|win>/
    private static IEnumerable<string> EnumeratePackageHomes(string packageDirectory)
    {
        foreach (string version in EnumerateDirectories(packageDirectory, "*"))
        {
            foreach (string framework in EnumerateDirectories(Path.Join(version, "tools"), "net*"))
            {
                yield return Path.Join(framework, "any", RuntimeFolder);
            }
        }
    }

    private static IEnumerable<string> EnumeratePwshOnPath(string? pathVariable)
    {
        // A directory listed twice, or under two names (/bin and /usr/bin on merged-/usr systems), holds the same
        // files; an installation is kept once anyway, so each directory is read once.
        var seen = new HashSet<string>(PathIdentity.Comparer);
        foreach (string directory in InstallationDiscoveryOptions.SplitRoots(pathVariable))
        {
            if (!Path.IsPathFullyQualified(directory) || !seen.Add(PathIdentity.Resolve(directory)))
            {
                continue;
            }

            string[] files;
            try
            {
                files = OperatingSystem.IsWindows()
                    ? SortedFiles(Directory.GetFiles(directory, "pwsh*.exe"))
                    : PrefixedFiles.Find(directory, "pwsh");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                continue;
            }

            foreach (string file in files)
            {
                yield return file;
            }
        }
    }

    private static string[] SortedFiles(string[] files)
    {
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string[] EnumerateDirectories(string directory, string pattern)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                return [];
            }

            string[] children = Directory.GetDirectories(directory, pattern);
            Array.Sort(children, StringComparer.Ordinal);
            return children;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }
}
