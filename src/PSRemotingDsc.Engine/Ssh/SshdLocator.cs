namespace PSRemotingDsc.Ssh;

/// <summary>Finds the sshd executable by looking at files only; nothing is started.</summary>
public static class SshdLocator
{
    /// <summary>The sshd_config the OpenSSH server of this OS reads by default: <c>/etc/ssh/sshd_config</c>, or <c>%ProgramData%\ssh\sshd_config</c> on Windows.</summary>
    public static string DefaultConfigPath => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "ssh", "sshd_config")
        : SshdServiceControl.SystemConfigPath;

    private static readonly string[] UnixCandidates =
    [
        "/usr/sbin/sshd",
        "/usr/local/sbin/sshd",
        "/usr/bin/sshd",
        "/opt/homebrew/sbin/sshd",
        "/usr/local/opt/openssh/sbin/sshd",
    ];

    /// <summary>Searches PATH, then the usual install locations of this OS. Null when there is no sshd.</summary>
    public static string? FindSshd() => FindSshd(Environment.GetEnvironmentVariable("PATH"), DefaultCandidates());

    /// <summary>
    /// Searches each directory of <paramref name="pathVariable"/> (separated by <see cref="Path.PathSeparator"/>)
    /// for <c>sshd</c> (<c>sshd.exe</c> on Windows), then each of <paramref name="candidates"/> (full paths).
    /// On Unix a file counts only when it has an execute bit. Null when none is found.
    /// </summary>
    public static string? FindSshd(string? pathVariable, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        string fileName = OperatingSystem.IsWindows() ? "sshd.exe" : "sshd";
        IEnumerable<string> fromPath = (pathVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directory => directory.Trim('"'))
            .Where(Path.IsPathFullyQualified) // a relative PATH entry depends on the current directory: never trust it
            .Select(directory => Path.Combine(directory, fileName));

        return fromPath.Concat(candidates).FirstOrDefault(IsExecutableFile);
    }

    /// <summary>The well-known locations of sshd on this OS, most likely first.</summary>
    public static IReadOnlyList<string> DefaultCandidates()
    {
        if (!OperatingSystem.IsWindows())
        {
            return UnixCandidates;
        }

        var candidates = new List<string>();
        string windows = Environment.GetFolderPath(Environment.SpecialFolder.Windows);
        if (windows.Length > 0)
        {
            candidates.Add(Path.Combine(windows, "System32", "OpenSSH", "sshd.exe"));
        }

        string programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
        if (programFiles.Length > 0)
        {
            candidates.Add(Path.Combine(programFiles, "OpenSSH", "sshd.exe"));
        }

        return candidates;
    }

    private static bool IsExecutableFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
