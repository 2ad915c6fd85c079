namespace PSRemotingDsc.Versions;

/// <summary>
/// Where <see cref="InstallationDiscovery"/> looks. <see cref="FromEnvironment()"/> describes the real machine;
/// tests build one with <see cref="IncludeWellKnown"/> false and only fixture directories.
/// </summary>
public sealed class InstallationDiscoveryOptions
{
    /// <summary>Scan the platform's fixed locations (<see cref="WellKnownRoots"/>) and, on Windows, the registry. Default true.</summary>
    public bool IncludeWellKnown { get; init; } = true;

    /// <summary>The fixed locations; null means <see cref="DefaultWellKnownRoots"/>. Used only with <see cref="IncludeWellKnown"/>.</summary>
    public IReadOnlyList<DiscoveryRoot>? WellKnownRoots { get; init; }

    /// <summary>The registry to read; null means <see cref="WindowsPowerShellRegistry"/>. Used only with <see cref="IncludeWellKnown"/>.</summary>
    public IPowerShellRegistry? Registry { get; init; }

    /// <summary>The value of PATH; every <c>pwsh*</c> in it is followed through symlinks to its directory. Null: PATH is not scanned.</summary>
    public string? PathVariable { get; init; }

    /// <summary>The user's home; global dotnet tools are found under <c>~/.dotnet/tools/.store</c>. Null: not scanned.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>
    /// The NuGet global packages folder where local dotnet tools live (<c>$NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).
    /// Null: not scanned.
    /// </summary>
    public string? NuGetPackagesDirectory { get; init; }

    /// <summary>Extra directories, each a <c>$PSHOME</c> or a parent of <c>$PSHOME</c> directories (see <see cref="InstallationDiscovery.ExtraRootsVariable"/>).</summary>
    public IReadOnlyList<string> ExtraRoots { get; init; } = [];

    /// <summary>The fixed locations on this OS.</summary>
    public static IReadOnlyList<DiscoveryRoot> DefaultWellKnownRoots => GetDefaultWellKnownRoots(Environment.GetEnvironmentVariable);

    /// <summary>The options for the real machine, from the process environment.</summary>
    public static InstallationDiscoveryOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>The options for a machine whose environment variables <paramref name="getVariable"/> returns.</summary>
    public static InstallationDiscoveryOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? home = NullIfEmpty(getVariable(OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME"))
            ?? NullIfEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        string? nuget = NullIfEmpty(getVariable("NUGET_PACKAGES"))
            ?? (home is null ? null : Path.Join(home, ".nuget", "packages"));
        return new InstallationDiscoveryOptions
        {
            IncludeWellKnown = true,
            WellKnownRoots = GetDefaultWellKnownRoots(getVariable),
            PathVariable = getVariable("PATH"),
            HomeDirectory = home,
            NuGetPackagesDirectory = nuget,
            ExtraRoots = SplitRoots(getVariable(InstallationDiscovery.ExtraRootsVariable)),
        };
    }

    /// <summary>Splits a <see cref="Path.PathSeparator"/>-separated list, dropping empty entries and surrounding spaces.</summary>
    public static IReadOnlyList<string> SplitRoots(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<DiscoveryRoot> GetDefaultWellKnownRoots(Func<string, string?> getVariable)
    {
        if (OperatingSystem.IsWindows())
        {
            var roots = new List<DiscoveryRoot>();
            foreach (string variable in new[] { "ProgramFiles", "ProgramW6432", "ProgramFiles(x86)" })
            {
                string? programFiles = NullIfEmpty(getVariable(variable));
                if (programFiles is not null)
                {
                    roots.Add(new DiscoveryRoot(Path.Join(programFiles, "PowerShell"), "ProgramFiles"));
                }
            }

            return roots;
        }

        return
        [
            new DiscoveryRoot("/opt/microsoft/powershell", "opt"),
            new DiscoveryRoot("/usr/local/microsoft/powershell", "usr-local"),
            new DiscoveryRoot("/snap/powershell/current/opt/powershell", "snap"),
            new DiscoveryRoot("/snap/powershell-preview/current/opt/powershell", "snap"),
        ];
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
