using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// Replaces an sshd configuration file without ever leaving it half-written or invalid:
/// temp file in the same directory (fsynced, same mode and owner), <c>sshd -t</c> on it, a backup of the
/// previous file at <c>&lt;path&gt;.psremotingdsc.bak</c>, then an atomic rename. On any failure the temp
/// file is deleted and the original is untouched.
/// </summary>
public sealed partial class SshdConfigWriter
{
    /// <summary>Appended to the file's path to name the backup of the previous content.</summary>
    public const string BackupSuffix = ".psremotingdsc.bak";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ISshdValidator? _validator;

    /// <param name="validator">Validates the new file before it is installed; null skips validation (e.g. sshd is not installed).</param>
    public SshdConfigWriter(ISshdValidator? validator)
    {
        _validator = validator;
    }

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="newText"/> (written as UTF-8 without BOM).</summary>
    /// <exception cref="PSRemotingDscException">
    /// <see cref="ExitCode.ValidationFailed"/> when sshd rejects the new file (and accepted, or failed differently on, the original);
    /// <see cref="ExitCode.ConfigPathInvalid"/> when the path (or the file a link points at) exists but is not a regular file;
    /// <see cref="ExitCode.PermissionDenied"/> when the OS refuses; <see cref="ExitCode.UnexpectedError"/> for other I/O failures.
    /// </exception>
    public WriteResult Write(string path, string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        return Write(path, Utf8NoBom.GetBytes(newText));
    }

    /// <summary>
    /// Atomically replaces <paramref name="path"/> with exactly <paramref name="newContent"/>. When the file already
    /// holds exactly these bytes nothing is touched and the result says <see cref="WriteResult.Unchanged"/>.
    /// </summary>
    /// <exception cref="PSRemotingDscException">As <see cref="Write(string, string)"/>.</exception>
    public WriteResult Write(string path, byte[] newContent)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(newContent);

        string fullPath = Path.GetFullPath(path);
        string currentFile = fullPath;
        string? temp = null;
        string? backupTemp = null;
        try
        {
            // Replace the file a symbolic link points at, not the link: the rename must happen beside the real file.
            string target = ResolveFinalTarget(fullPath);
            FileKind kind = RegularFile.Inspect(target);
            if (kind is not (FileKind.Regular or FileKind.Missing))
            {
                throw new PSRemotingDscException(
                    ErrorIds.SshdConfigNotRegularFile,
                    $"Cannot write '{fullPath}': it is {kind.Describe()}, not a regular file, and only regular files are replaced. Nothing was changed.");
            }

            string directory = Path.GetDirectoryName(target)
                ?? throw new PSRemotingDscException(ErrorIds.SshdConfigPathInvalid, $"Cannot write '{fullPath}': it has no parent directory.");
            bool originalExists = kind == FileKind.Regular;
            byte[]? previous = originalExists ? RegularFile.ReadAllBytes(target) : null;
            if (previous is not null && previous.AsSpan().SequenceEqual(newContent))
            {
                return new WriteResult(fullPath, BackupPath: null, Validated: false, Warnings: []) { Unchanged = true };
            }

            FileMetadata? metadata = originalExists ? FileMetadata.Read(target) : null;

            temp = Path.Combine(directory, TempName(Path.GetFileName(target), ".tmp"));
            currentFile = temp;
            WriteDurably(temp, newContent, metadata);

            var warnings = new List<string>();
            bool validated = false;
            if (_validator is not null)
            {
                currentFile = target;
                validated = Validate(_validator, temp, target, fullPath, originalExists, warnings);
            }

            string? backup = null;
            if (previous is not null)
            {
                backup = fullPath + BackupSuffix;
                backupTemp = Path.Combine(Path.GetDirectoryName(backup)!, TempName(Path.GetFileName(backup), ".tmp"));
                currentFile = backupTemp;
                WriteDurably(backupTemp, previous, metadata);
                currentFile = backup;
                FileKind backupKind = RegularFile.Inspect(backup, followLinks: false);
                if (backupKind is not (FileKind.Missing or FileKind.Regular))
                {
                    // Only a regular file is ever replaced (and Windows reports a rename onto a directory as access denied).
                    throw new IOException($"'{backup}' is {backupKind.Describe()}, so the previous file cannot be kept there.");
                }

                File.Move(backupTemp, backup, overwrite: true);
                backupTemp = null;
            }

            currentFile = fullPath;
            File.Move(temp, target, overwrite: true);
            temp = null;
            if (!OperatingSystem.IsWindows())
            {
                UnixNative.TrySyncDirectory(directory);
            }

            return new WriteResult(fullPath, backup, validated, warnings);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PSRemotingDscException(
                ErrorIds.SshdConfigWriteDenied,
                $"Permission denied writing '{currentFile}' while replacing '{fullPath}': {ex.Message} The original file is unchanged. Run elevated (root or Administrator).",
                ex);
        }
        catch (Exception ex) when (ex is NotRegularFileException or FileTooLargeException or FileNotFoundException)
        {
            throw SshdConfigDocument.ReadFailure(currentFile, (IOException)ex);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or System.Security.SecurityException)
        {
            throw new PSRemotingDscException(
                ErrorIds.SshdConfigWriteFailed,
                $"Could not write '{currentFile}' while replacing '{fullPath}': {ex.Message} The original file is unchanged.",
                ex);
        }
        finally
        {
            TryDelete(temp);
            TryDelete(backupTemp);
        }
    }

    /// <summary>
    /// Deletes what a killed run of this writer left beside <paramref name="path"/>: regular files named exactly like
    /// its temp files (<c>.&lt;name&gt;.psremotingdsc-&lt;12 hex&gt;.tmp</c>, and the same for the backup), nothing else.
    /// Only safe while the configuration lock is held, when no other writer can be using them.
    /// </summary>
    /// <returns>The paths deleted.</returns>
    public static IReadOnlyList<string> RemoveStaleTempFiles(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string target = ResolveFinalTarget(Path.GetFullPath(path));
        string? directory = Path.GetDirectoryName(target);
        if (directory is null || !Directory.Exists(directory))
        {
            return [];
        }

        string name = Path.GetFileName(target);
        var removed = new List<string>();
        foreach (string candidate in Directory.EnumerateFiles(directory, ".*" + TempMarker + "*.tmp"))
        {
            string file = Path.GetFileName(candidate);
            bool ours = IsTempName(file, name) || IsTempName(file, name + BackupSuffix);
            if (ours && RegularFile.Inspect(candidate, followLinks: false) == FileKind.Regular)
            {
                File.Delete(candidate);
                removed.Add(candidate);
            }
        }

        return removed;
    }

    /// <summary>
    /// Reduces sshd diagnostics to what matters for "is it the same problem": the file's name is made the same
    /// whichever copy was checked, line numbers are dropped (an edit above a bad line moves it), whitespace is trimmed.
    /// </summary>
    internal static string NormaliseDiagnostics(string diagnostics, string checkedPath, string canonicalPath)
    {
        string text = diagnostics.Replace(checkedPath, canonicalPath, StringComparison.Ordinal).ReplaceLineEndings("\n");
        text = LineNumber().Replace(text, "line N");
        return string.Join('\n', text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    private static bool Validate(ISshdValidator validator, string temp, string target, string fullPath, bool originalExists, List<string> warnings)
    {
        SshdValidationResult proposed = validator.Validate(temp);
        if (proposed.IsValid)
        {
            return true;
        }

        string proposedDiagnostics = NormaliseDiagnostics(proposed.Diagnostics, temp, target);
        if (originalExists)
        {
            SshdValidationResult current = validator.Validate(target);
            if (!current.IsValid && NormaliseDiagnostics(current.Diagnostics, target, target) == proposedDiagnostics)
            {
                warnings.Add(
                    $"sshd -t rejects '{fullPath}' both before and after this change, with the same diagnostics, so the change was applied; fix the existing problem: {current.Diagnostics.Trim()}");
                return false;
            }
        }

        string said = proposed.Diagnostics.Replace(temp, fullPath, StringComparison.Ordinal).Trim();
        throw new PSRemotingDscException(
            ErrorIds.SshdConfigValidationFailed,
            $"sshd -t rejected the new configuration for '{fullPath}', so it was not installed and the original file is unchanged. sshd said: {(said.Length > 0 ? said : "(nothing)")}");
    }

    private static void WriteDurably(string path, byte[] content, FileMetadata? metadata)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Nobody but the owner may read the file until it has its final mode.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        metadata?.ApplyTo(path);
    }

    private static string ResolveFinalTarget(string fullPath)
    {
        if (new FileInfo(fullPath).LinkTarget is null)
        {
            return fullPath; // a regular file, a directory, or nothing yet
        }

        FileSystemInfo? target = File.ResolveLinkTarget(fullPath, returnFinalTarget: true);
        return target is null ? fullPath : Path.GetFullPath(target.FullName);
    }

    private const string TempMarker = ".psremotingdsc-";
    private const int TempRandomHexDigits = 12;
    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static string TempName(string fileName, string extension)
        => $".{fileName}{TempMarker}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(TempRandomHexDigits / 2))}{extension}";

    private static bool IsTempName(string file, string fileName)
    {
        string prefix = "." + fileName + TempMarker;
        if (!file.StartsWith(prefix, StringComparison.Ordinal) || !file.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> random = file.AsSpan(prefix.Length, file.Length - prefix.Length - ".tmp".Length);
        return random.Length == TempRandomHexDigits && !random.ContainsAnyExcept(LowerHexDigits);
    }

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the error being reported matters more than the leftover.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    [GeneratedRegex(@"\bline \d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex LineNumber();

    /// <summary>The mode and owner of the original, applied to every file that replaces or copies it.</summary>
    private sealed record FileMetadata(UnixFileMode Mode, uint Uid, uint Gid)
    {
        public static FileMetadata? Read(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            UnixFileMode mode = File.GetUnixFileMode(path);
            (uint uid, uint gid) = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
                ? UnixNative.GetOwner(path)
                : (uint.MaxValue, uint.MaxValue);
            return new FileMetadata(mode, uid, gid);
        }

        public void ApplyTo(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            if (Uid != uint.MaxValue && UnixNative.GetOwner(path) != (Uid, Gid))
            {
                // chown first: it may clear set-id bits that the chmod below puts back.
                UnixNative.SetOwner(path, Uid, Gid);
            }

            File.SetUnixFileMode(path, Mode);
        }
    }
}
