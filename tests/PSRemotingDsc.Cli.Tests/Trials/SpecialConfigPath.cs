namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// An <c>sshdConfigPath</c> that is not a regular file, made in the trial machine's config folder: a FIFO (with or without
/// a writer), a device node, a symbolic link to a device or to nothing, a directory. <see cref="Describe"/> is what must
/// still be true of it afterwards.
/// </summary>
public sealed class SpecialConfigPath : IDisposable
{
    private readonly FileStream? _heldOpen;

    private SpecialConfigPath(string path, FileStream? heldOpen = null)
    {
        Path = path;
        _heldOpen = heldOpen;
    }

    public string Path { get; }

    public static SpecialConfigPath Fifo(string directory, bool withWriter)
    {
        string path = System.IO.Path.Join(directory, "sshd_config");
        Tool.RunOrThrow("mkfifo", "-m", "0600", path);
        if (!withWriter)
        {
            return new SpecialConfigPath(path);
        }

        // O_RDWR: on Linux this opens a FIFO without waiting for the other end, and keeps a writer on it until disposed.
        var heldOpen = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        return new SpecialConfigPath(path, heldOpen: heldOpen);
    }

    /// <summary>A character device node with the numbers of /dev/null (1,3) or /dev/zero (1,5); needs root.</summary>
    public static SpecialConfigPath CharacterDevice(string directory, int minor)
    {
        string path = System.IO.Path.Join(directory, "sshd_config");
        Tool.RunOrThrow("mknod", "-m", "0666", path, "c", "1", minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SpecialConfigPath(path);
    }

    public static SpecialConfigPath SymbolicLink(string directory, string target)
    {
        string path = System.IO.Path.Join(directory, "sshd_config");
        File.CreateSymbolicLink(path, target);
        return new SpecialConfigPath(path);
    }

    /// <summary>A symbolic link to a device node made beside it (numbers 1,<paramref name="minor"/>); needs root.</summary>
    public static SpecialConfigPath SymbolicLinkToDevice(string directory, int minor)
    {
        string device = System.IO.Path.Join(directory, "device");
        Tool.RunOrThrow("mknod", "-m", "0666", device, "c", "1", minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return SymbolicLink(directory, device);
    }

    /// <summary>A regular sshd_config of <paramref name="bytes"/> bytes: <paramref name="text"/>, then comment lines.</summary>
    public static SpecialConfigPath LargeFile(string directory, string text, int bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        string path = System.IO.Path.Join(directory, "sshd_config");
        var content = new System.Text.StringBuilder(text, bytes);
        while (content.Length < bytes)
        {
            content.Append("# padding that makes this file larger than any sshd_config a person writes\n");
        }

        File.WriteAllText(path, content.ToString(0, bytes - 1) + "\n");
        return new SpecialConfigPath(path);
    }

    public static SpecialConfigPath Directory(string directory)
    {
        string path = System.IO.Path.Join(directory, "sshd_config");
        System.IO.Directory.CreateDirectory(path);
        File.WriteAllText(System.IO.Path.Join(path, "10-inside.conf"), "Port 2222\n");
        return new SpecialConfigPath(path);
    }

    /// <summary>An existing special file of the machine (e.g. /dev/null), used as it is.</summary>
    public static SpecialConfigPath Existing(string path) => new(path);

    /// <summary>
    /// Type, device numbers and link target of the path, then of what it resolves to: what a writer that replaced the
    /// path, or followed it and replaced the target, would change.
    /// </summary>
    public string Describe() =>
        Tool.RunOrThrow("stat", "-c", "%F %t,%T %N", Path) + " => " + Tool.Run("stat", "-L", "-c", "%F %t,%T", Path).Output;

    public void Dispose() => _heldOpen?.Dispose();
}
