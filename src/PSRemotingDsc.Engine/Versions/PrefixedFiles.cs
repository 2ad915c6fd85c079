using System.Runtime.InteropServices;

namespace PSRemotingDsc.Versions;

/// <summary>
/// The files of a directory whose names start with a prefix: what <c>Directory.GetFiles(directory, prefix + "*")</c>
/// returns, in ordinal order. .NET's enumeration stats every symbolic link it meets to learn whether it points to
/// a directory, before any filter sees the name, and a PATH directory such as /usr/bin holds hundreds of links
/// (alternatives, merged /usr); that is most of a <c>test</c>'s start-up. On 64-bit Linux the names are read with
/// readdir and only the entries that match are looked at; elsewhere .NET's enumeration is used.
/// </summary>
internal static unsafe partial class PrefixedFiles
{
    private const string LibC = "libc";

    // struct dirent on 64-bit Linux, glibc and musl alike: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int LinuxDirentNameOffset = 19;

    /// <summary>
    /// Full paths of the entries of <paramref name="directory"/> that start with <paramref name="prefix"/>
    /// (case-sensitive, as on Unix) and are not directories or links to one, sorted ordinally.
    /// </summary>
    /// <exception cref="IOException">The directory cannot be listed (missing, not a directory).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory may not be read.</exception>
    public static string[] Find(string directory, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        string[] files = ReadsDirectoryEntries
            ? FindWithReaddir(directory, prefix)
            : Directory.GetFiles(directory, prefix + "*");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static bool ReadsDirectoryEntries =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static string[] FindWithReaddir(string directory, string prefix)
    {
        nint stream = OpenDir(directory);
        if (stream == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            string message = $"'{directory}' cannot be listed: {Marshal.GetPInvokeErrorMessage(errno)}.";
            throw errno == 13 /* EACCES */ ? new UnauthorizedAccessException(message) : new IOException(message);
        }

        var found = new List<string>();
        try
        {
            Span<byte> prefixBytes = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(prefix.Length)];
            prefixBytes = prefixBytes[..System.Text.Encoding.UTF8.GetBytes(prefix, prefixBytes)];
            nint entry;
            while ((entry = ReadDir(stream)) != 0)
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + LinuxDirentNameOffset);
                if (!name.StartsWith(prefixBytes))
                {
                    continue;
                }

                // As Directory.GetFiles: a link to a directory counts as a directory, a dangling link as a file.
                string path = Path.Join(directory, System.Text.Encoding.UTF8.GetString(name));
                if (!Directory.Exists(path))
                {
                    found.Add(path);
                }
            }
        }
        finally
        {
            _ = CloseDir(stream);
        }

        return [.. found];
    }

    [LibraryImport(LibC, EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDir(string path);

    [LibraryImport(LibC, EntryPoint = "readdir")]
    private static partial nint ReadDir(nint stream);

    [LibraryImport(LibC, EntryPoint = "closedir")]
    private static partial int CloseDir(nint stream);
}
