namespace PSRemotingDsc.Drift;

/// <summary>Compares installation directories the way the file system does: full paths, symlinks resolved.</summary>
public static class PathComparer
{
    public static bool SameDirectory(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // Equal text names the same directory without asking the file system (export compares each endpoint with itself).
        return string.Equals(left, right, StringComparison.Ordinal)
            || string.Equals(Normalize(left), Normalize(right), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            FileSystemInfo? target = Directory.Exists(full) ? Directory.ResolveLinkTarget(full, returnFinalTarget: true) : null;
            return target is null ? full : Path.TrimEndingDirectorySeparator(target.FullName);
        }
        catch (IOException)
        {
            return full;
        }
    }
}
