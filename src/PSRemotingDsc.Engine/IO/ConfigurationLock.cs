using System.Diagnostics;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.IO;

/// <summary>
/// An exclusive advisory lock that serialises every read-modify-write of one configuration file across
/// processes. It is held on a stable file beside the configuration (<c>.&lt;name&gt;.psremotingdsc.lock</c>), not on
/// the configuration itself, which each write replaces by rename. On Unix .NET takes <c>flock(LOCK_EX)</c> for
/// <see cref="FileShare.None"/>; on Windows the open itself is exclusive. The lock file is never removed:
/// removing it would let two processes hold "the" lock on two different files.
/// </summary>
public sealed class ConfigurationLock : IDisposable
{
    /// <summary>Appended (after a leading dot) to the configuration file's name to name its lock file.</summary>
    public const string Suffix = ".psremotingdsc.lock";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _stream;

    private ConfigurationLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>
    /// The lock file for <paramref name="configurationPath"/>: beside the file it names (symbolic links followed, so
    /// that a run given the link and a run given the file take the same lock), named after it.
    /// </summary>
    public static string PathFor(string configurationPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(configurationPath);
        string full = System.IO.Path.GetFullPath(configurationPath);
        if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
        {
            full = System.IO.Path.GetFullPath(target.FullName);
        }

        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? full, "." + System.IO.Path.GetFileName(full) + Suffix);
    }

    /// <summary>
    /// Takes the lock for <paramref name="configurationPath"/>, waiting at most <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="PSRemotingDscException">
    /// <see cref="ExitCode.ConfigLocked"/> when another process holds it for longer than the timeout;
    /// <see cref="ExitCode.ConfigPathInvalid"/> when the lock path is not a regular file;
    /// <see cref="ExitCode.PermissionDenied"/> when it cannot be created.
    /// </exception>
    public static ConfigurationLock Acquire(string configurationPath, TimeSpan timeout)
    {
        string path = PathFor(configurationPath);
        FileKind kind = RegularFile.Inspect(path, followLinks: false);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new PSRemotingDscException(ErrorIds.LockFileNotRegular,
                $"The lock file '{path}' is {kind.Describe()}; only a regular file is used as a lock. Remove it; nothing was changed.");
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new ConfigurationLock(new FileStream(path, options), path);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new PSRemotingDscException(ErrorIds.LockAccessDenied,
                    $"Permission denied creating the lock file '{path}': {ex.Message} Run elevated (root or Administrator); nothing was changed.", ex);
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new PSRemotingDscException(ErrorIds.SshdConfigLocked,
                        $"Another process has held the lock '{path}' on '{configurationPath}' for more than {timeout.TotalSeconds:0.#} s, so nothing was changed. Retry when it has finished (PSREMOTINGDSC_LOCK_TIMEOUT sets the wait in seconds).", ex);
                }

                Thread.Sleep(PollInterval);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();

    // Windows: ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION. Unix: .NET reports flock's EWOULDBLOCK with the raw errno.
    private static bool IsHeldByAnother(IOException ex) => OperatingSystem.IsWindows()
        ? (ex.HResult & 0xFFFF) is 32 or 33
        : ex.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);
}
