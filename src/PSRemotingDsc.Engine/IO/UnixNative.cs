using System.Runtime.InteropServices;

namespace PSRemotingDsc.IO;

/// <summary>
/// The few libc calls .NET has no API for: file type and ownership (statx/stat, chown), opening without
/// blocking on a FIFO, signals (kill), and the passwd entry of this process's user (getpwuid).
/// Only called on Linux and macOS, behind the checks in the callers.
/// </summary>
internal static unsafe partial class UnixNative
{
    private const string LibC = "libc";

    internal const int SigHup = 1;
    internal const int EPerm = 1;
    internal const int ESrch = 3;
    internal const int EAcces = 13;
    private const int ENoEnt = 2;
    private const int ENotDir = 20;
    private const int ELoopLinux = 40;
    private const int ELoopDarwin = 62;

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    // struct statx (linux/stat.h) has the same layout on every architecture.
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;
    private const int StatxModeOffset = 28;
    private const int StatxSizeOffset = 40;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;

    private const int SIfMt = 0xF000;

    // struct stat with 64-bit inodes (macOS sys/stat.h): st_dev int32, st_mode uint16, st_nlink uint16, st_ino uint64, st_uid, st_gid.
    private const int DarwinStatSize = 256; // 144 in practice; room to spare
    private const int DarwinUidOffset = 16;
    private const int DarwinGidOffset = 20;
    private const int DarwinModeOffset = 4;
    private const int DarwinSizeOffset = 96; // after st_rdev, padding and four timespecs

    [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int DarwinStat(string path, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "stat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int DarwinStatInode64(string path, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int DarwinLstat(string path, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "lstat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int DarwinLstatInode64(string path, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChownNative(string path, uint owner, uint group);

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncNative(int fd);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    [LibraryImport(LibC, EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport(LibC, EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUid();

    [LibraryImport(LibC, EntryPoint = "getpwuid", SetLastError = true)]
    private static partial nint GetPasswdEntry(uint uid);

    // struct passwd on 64-bit Linux (pwd.h): pw_name, pw_passwd, pw_uid + pw_gid, pw_gecos, pw_dir, pw_shell. macOS adds
    // pw_change and pw_class after pw_gid, so pw_dir and pw_shell come 16 bytes later.
    private const int PasswdNameOffset = 0;
    private const int PasswdDirOffsetLinux = 32;
    private const int PasswdShellOffsetLinux = 40;
    private const int PasswdDirOffsetDarwin = 48;
    private const int PasswdShellOffsetDarwin = 56;

    /// <summary>
    /// The user this process runs as, from its passwd entry (getpwuid of geteuid, so NSS sources count): name, home
    /// directory and login shell (empty when the entry has none). Null when the entry cannot be read.
    /// </summary>
    internal static (string Name, string Home, string Shell)? CurrentAccount()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        nint entry = GetPasswdEntry(GetEffectiveUid());
        if (entry == 0)
        {
            return null;
        }

        bool darwin = OperatingSystem.IsMacOS();
        string? Read(int offset) => Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(entry, offset));
        string? name = Read(PasswdNameOffset);
        return name is null
            ? null
            : (name, Read(darwin ? PasswdDirOffsetDarwin : PasswdDirOffsetLinux) ?? string.Empty, Read(darwin ? PasswdShellOffsetDarwin : PasswdShellOffsetLinux) ?? string.Empty);
    }

    /// <summary>The owner uid and gid of <paramref name="path"/> (symbolic links followed).</summary>
    internal static (uint Uid, uint Gid) GetOwner(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            byte* buffer = stackalloc byte[StatxSize];
            new Span<byte>(buffer, StatxSize).Clear();
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                throw ErrnoException("statx", path);
            }

            return (*(uint*)(buffer + StatxUidOffset), *(uint*)(buffer + StatxGidOffset));
        }

        if (OperatingSystem.IsMacOS())
        {
            byte* buffer = stackalloc byte[DarwinStatSize];
            new Span<byte>(buffer, DarwinStatSize).Clear();
            int rc = RuntimeInformation.ProcessArchitecture == Architecture.X64
                ? DarwinStatInode64(path, buffer)
                : DarwinStat(path, buffer);
            if (rc != 0)
            {
                throw ErrnoException("stat", path);
            }

            return (*(uint*)(buffer + DarwinUidOffset), *(uint*)(buffer + DarwinGidOffset));
        }

        throw new PlatformNotSupportedException("Reading a file's owner is implemented for Linux and macOS only.");
    }

    /// <summary>
    /// The kind and size of what <paramref name="path"/> names (symbolic links followed unless
    /// <paramref name="followLinks"/> is false); <see cref="FileKind.Missing"/> when nothing is there.
    /// </summary>
    internal static (FileKind Kind, long Size) Inspect(string path, bool followLinks)
    {
        if (OperatingSystem.IsLinux())
        {
            byte* buffer = stackalloc byte[StatxSize];
            new Span<byte>(buffer, StatxSize).Clear();
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return MissingOrThrow("statx", path);
            }

            return (KindOf(*(ushort*)(buffer + StatxModeOffset)), (long)*(ulong*)(buffer + StatxSizeOffset));
        }

        if (OperatingSystem.IsMacOS())
        {
            byte* buffer = stackalloc byte[DarwinStatSize];
            new Span<byte>(buffer, DarwinStatSize).Clear();
            bool inode64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
            int rc = followLinks
                ? (inode64 ? DarwinStatInode64(path, buffer) : DarwinStat(path, buffer))
                : (inode64 ? DarwinLstatInode64(path, buffer) : DarwinLstat(path, buffer));
            if (rc != 0)
            {
                return MissingOrThrow("stat", path);
            }

            return (KindOf(*(ushort*)(buffer + DarwinModeOffset)), *(long*)(buffer + DarwinSizeOffset));
        }

        throw new PlatformNotSupportedException("Reading a file's type is implemented for Linux and macOS only.");
    }

    /// <summary>The kind and size of an open file (Linux: statx with AT_EMPTY_PATH; elsewhere null).</summary>
    internal static (FileKind Kind, long Size)? InspectOpen(SafeHandle handle, string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        byte* buffer = stackalloc byte[StatxSize];
        new Span<byte>(buffer, StatxSize).Clear();
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (Statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, buffer) != 0)
            {
                throw ErrnoException("statx", path);
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return (KindOf(*(ushort*)(buffer + StatxModeOffset)), (long)*(ulong*)(buffer + StatxSizeOffset));
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading without blocking (a FIFO without a writer would block
    /// <c>open</c> forever) and without making a terminal the controlling one; the caller checks the kind.
    /// </summary>
    internal static Microsoft.Win32.SafeHandles.SafeFileHandle OpenForReading(string path)
    {
        int flags = OperatingSystem.IsMacOS()
            ? 0x0004 | 0x20000 | 0x1000000 /* O_NONBLOCK | O_NOCTTY | O_CLOEXEC */
            : 0x800 | 0x100 | 0x80000; /* O_NONBLOCK | O_NOCTTY | O_CLOEXEC */
        int fd = OpenNative(path, flags);
        if (fd < 0)
        {
            throw ErrnoException("open", path);
        }

        return new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Sets the owner of <paramref name="path"/>; throws UnauthorizedAccessException on EPERM.</summary>
    internal static void SetOwner(string path, uint uid, uint gid)
    {
        if (ChownNative(path, uid, gid) != 0)
        {
            throw ErrnoException("chown", path);
        }
    }

    /// <summary>
    /// Flushes a directory's entries to disk so that a rename inside it survives a crash. Best effort: some
    /// filesystems cannot sync a directory, and the rename has happened either way.
    /// </summary>
    internal static void TrySyncDirectory(string directory)
    {
        int fd = OpenNative(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return;
        }

        _ = FsyncNative(fd);
        _ = CloseNative(fd);
    }

    /// <summary>Sends <paramref name="signal"/>; returns 0 or the errno.</summary>
    internal static int Kill(int pid, int signal)
        => KillNative(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();

    private static (FileKind Kind, long Size) MissingOrThrow(string call, string path)
    {
        int errno = Marshal.GetLastPInvokeError();
        if (errno is ENoEnt or ENotDir || errno == (OperatingSystem.IsMacOS() ? ELoopDarwin : ELoopLinux))
        {
            return (FileKind.Missing, 0);
        }

        throw ErrnoException(call, path);
    }

    private static FileKind KindOf(int mode) => (mode & SIfMt) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static Exception ErrnoException(string call, string path)
    {
        int errno = Marshal.GetLastPInvokeError();
        string text = Marshal.GetPInvokeErrorMessage(errno);
        if (errno == EPerm || errno == EAcces)
        {
            return new UnauthorizedAccessException($"{call}('{path}') failed: {text}.");
        }

        return new IOException($"{call}('{path}') failed: {text} (errno {errno}).");
    }
}
