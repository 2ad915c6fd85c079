namespace PSRemotingDsc.IO;

/// <summary>
/// Reads only regular files. A character device, a FIFO, a socket, a directory, or a symbolic link to one of
/// them is refused before a byte is read (a FIFO without a writer would block forever, /dev/zero never ends);
/// a file larger than the limit is refused before it is read. On Linux the kind is checked again on the open
/// descriptor, so a path swapped between the check and the open is caught too.
/// </summary>
public static class RegularFile
{
    /// <summary>The largest sshd configuration file read (16 MiB); OpenSSH's own files are a few KiB.</summary>
    public const long MaxConfigurationBytes = 16L * 1024 * 1024;

    /// <summary>What <paramref name="path"/> names, symbolic links followed unless <paramref name="followLinks"/> is false.</summary>
    public static FileKind Inspect(string path, bool followLinks = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            return UnixNative.Inspect(path, followLinks).Kind;
        }

        return InspectPortably(path, followLinks);
    }

    /// <summary>The bytes of the regular file <paramref name="path"/>, at most <paramref name="limit"/> of them.</summary>
    /// <exception cref="FileNotFoundException">Nothing is there (or a symbolic link points nowhere).</exception>
    /// <exception cref="NotRegularFileException">The path names something other than a regular file.</exception>
    /// <exception cref="FileTooLargeException">The file is larger than <paramref name="limit"/>.</exception>
    public static byte[] ReadAllBytes(string path, long limit = MaxConfigurationBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return ReadPortably(path, limit);
        }

        (FileKind kind, long size) = UnixNative.Inspect(path, followLinks: true);
        RequireRegular(path, kind, size, limit);
        using var handle = UnixNative.OpenForReading(path);
        if (UnixNative.InspectOpen(handle, path) is var (openKind, openSize))
        {
            RequireRegular(path, openKind, openSize, limit);
            size = openSize;
        }

        return ReadBounded(handle, path, size, limit);
    }

    private static void RequireRegular(string path, FileKind kind, long size, long limit)
    {
        if (kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        if (kind != FileKind.Regular)
        {
            throw new NotRegularFileException(path, kind);
        }

        if (size > limit)
        {
            throw new FileTooLargeException(path, size, limit);
        }
    }

    private static byte[] ReadBounded(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path, long size, long limit)
    {
        // The size is a hint (the file may change while it is read); never read past the limit.
        var buffer = new byte[checked((int)Math.Min(size, limit)) + 1];
        int read = 0;
        while (true)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
            if (read == buffer.Length)
            {
                if (read > limit)
                {
                    throw new FileTooLargeException(path, read, limit);
                }

                Array.Resize(ref buffer, (int)Math.Min(limit + 1, (long)buffer.Length * 2));
            }
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static FileKind InspectPortably(string path, bool followLinks)
    {
        if (path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\GLOBALROOT", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.CharacterDevice;
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return FileKind.SymbolicLink;
            }

            FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !target.Exists && !Directory.Exists(target.FullName) ? FileKind.Missing : InspectPortably(target.FullName, followLinks: false);
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return info.Exists ? (info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.Regular) : FileKind.Missing;
    }

    private static byte[] ReadPortably(string path, long limit)
    {
        RequireRegular(path, InspectPortably(path, followLinks: true), size: 0, limit);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long size = RandomAccess.GetLength(handle);
        RequireRegular(path, FileKind.Regular, size, limit);
        return ReadBounded(handle, path, size, limit);
    }
}
