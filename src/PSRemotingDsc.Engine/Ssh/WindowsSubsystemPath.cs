namespace PSRemotingDsc.Ssh;

/// <summary>
/// OpenSSH for Windows cannot start a subsystem executable whose path contains spaces (PowerShell's
/// SSH-Remoting-in-PowerShell docs). The documented workarounds are the 8.3 short name
/// (<c>C:/progra~1/powershell/7/pwsh.exe</c>) or a link without spaces. This decides when the workaround is
/// needed and computes the short name; 8.3 names can be disabled per volume, then there is none.
/// </summary>
public static class WindowsSubsystemPath
{
    /// <summary>True when <paramref name="path"/> contains whitespace.</summary>
    public static bool NeedsWorkaround(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Any(char.IsWhiteSpace);
    }

    /// <summary>
    /// The path to use on the Subsystem line: <paramref name="path"/> itself when it has no whitespace, else
    /// its short form from <paramref name="resolver"/>; null when there is no short form without whitespace
    /// (8.3 names disabled or the path does not exist).
    /// </summary>
    public static string? ToShortPath(string path, IShortPathResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(resolver);
        if (!NeedsWorkaround(path))
        {
            return path;
        }

        var shortPath = resolver.GetShortPath(path);
        return string.IsNullOrEmpty(shortPath) || NeedsWorkaround(shortPath) ? null : shortPath;
    }
}
