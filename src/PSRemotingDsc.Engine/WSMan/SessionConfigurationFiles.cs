using System.Security.Cryptography;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// The session configuration file (.pssc) of a WSMan endpoint, handled the way Register-PSSessionConfiguration
/// handles it: the declared file is copied to <c>$PSHOME\SessionConfig\&lt;name&gt;_&lt;guid&gt;.pssc</c> and the copy,
/// never the declared file, is registered as <c>configfilepath</c> (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs 950–995 at 929903692e).
/// Registering the declared file in place is a privilege escalation: Unregister-PSSessionConfiguration deletes whatever
/// <c>configfilepath</c> names (CustomShellCommands.cs 2522–2528) and Get-PSSessionConfiguration
/// <c>invoke-expression</c>s its content in an elevated session (CustomShellCommands.cs 2763–2768), so a .pssc in a
/// user-writable place runs user code as administrator.
/// </summary>
public static class SessionConfigurationFiles
{
    /// <summary>The folder under <c>$PSHOME</c> PowerShell copies session configuration files to (CustomShellCommands.cs 950).</summary>
    public const string FolderName = "SessionConfig";

    /// <summary>The extension of a session configuration file.</summary>
    public const string Extension = ".pssc";

    /// <summary>Where copies for an endpoint bound to <paramref name="psHome"/> belong.</summary>
    public static string CopyFolder(string psHome)
    {
        ArgumentException.ThrowIfNullOrEmpty(psHome);
        return Path.Join(psHome, FolderName);
    }

    /// <summary>
    /// A new copy path, <c>&lt;PSHOME&gt;\SessionConfig\&lt;name&gt;_&lt;guid&gt;.pssc</c> as PowerShell names it
    /// (CustomShellCommands.cs 956–957). PowerShell takes the GUID from the file's <c>GUID</c> key; psremotingdsc uses a
    /// new one for every copy, so a copy is never overwritten while a registration (or a session) still uses it.
    /// </summary>
    public static string NewCopyPath(string psHome, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Path.Join(CopyFolder(psHome), $"{name}_{Guid.NewGuid()}{Extension}");
    }

    /// <summary>How the registered <paramref name="registered"/> stands against the declared <paramref name="source"/>.</summary>
    /// <param name="source">The declared <c>sessionConfigurationFile</c>.</param>
    /// <param name="registered">The plugin's <c>configfilepath</c>, or null.</param>
    /// <param name="psHome">The PowerShell home the endpoint is bound to; copies belong in its <c>SessionConfig</c>.</param>
    public static SessionConfigurationInspection Inspect(string source, string? registered, string psHome)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        string folder = CopyFolder(psHome);
        SessionConfigurationInspection Result(SessionConfigurationState state, string detail) => new(source, registered, folder, state, detail);

        if (string.IsNullOrEmpty(registered))
        {
            return Result(SessionConfigurationState.NotRegistered, $"no configfilepath is registered; expected a copy of '{source}' in '{folder}'.");
        }

        bool inFolder = IsInFolder(registered, folder);
        if (SamePath(registered, source) && !inFolder)
        {
            return Result(SessionConfigurationState.InPlace,
                $"configfilepath is '{source}' itself (registered in place), which Unregister-PSSessionConfiguration deletes and Get-PSSessionConfiguration evaluates elevated; expected a copy in '{folder}'.");
        }

        if (!inFolder)
        {
            return Result(SessionConfigurationState.OutsideFolder, $"configfilepath is '{registered}', not a copy in '{folder}'.");
        }

        if (!TryHash(source, out string? sourceHash, out string? sourceProblem))
        {
            return Result(SessionConfigurationState.SourceUnreadable, $"the declared session configuration file cannot be read: {sourceProblem}");
        }

        if (SamePath(registered, source))
        {
            // The declared file is itself a copy in SessionConfig (get or export output fed back): that is where copies belong.
            return Result(SessionConfigurationState.Matches, string.Empty);
        }

        if (RegularFile.Inspect(registered) == FileKind.Missing)
        {
            return Result(SessionConfigurationState.CopyMissing, $"the registered copy '{registered}' does not exist.");
        }

        if (!TryHash(registered, out string? copyHash, out string? copyProblem))
        {
            return Result(SessionConfigurationState.CopyDiffers, $"the registered copy cannot be read: {copyProblem}");
        }

        return string.Equals(sourceHash, copyHash, StringComparison.Ordinal)
            ? Result(SessionConfigurationState.Matches, string.Empty)
            : Result(SessionConfigurationState.CopyDiffers, $"the registered copy '{registered}' (SHA-256 {copyHash}) differs from '{source}' (SHA-256 {sourceHash}).");
    }

    /// <summary>Throws, before anything is changed, unless <paramref name="source"/> is a regular file psremotingdsc can copy.</summary>
    /// <exception cref="PSRemotingDscException">The file is missing, not a regular file, too large or unreadable.</exception>
    public static void RequireSource(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (!TryHash(source, out _, out string? problem))
        {
            throw new PSRemotingDscException(ErrorIds.SessionConfigurationFileMissing,
                $"Property 'sessionConfigurationFile' is '{source}', which cannot be copied: {problem} Create it (New-PSSessionConfigurationFile) or fix the path. Nothing was changed.");
        }
    }

    /// <summary>
    /// Copies <see cref="SessionConfigurationCopyPlan.Source"/> to <see cref="SessionConfigurationCopyPlan.Destination"/>:
    /// only a regular file is read, and the copy appears whole or not at all (written beside it, then moved into place;
    /// an existing file is never overwritten).
    /// </summary>
    public static void Copy(SessionConfigurationCopyPlan copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        byte[] content = ReadSource(copy.Source);
        string folder = Path.GetDirectoryName(copy.Destination) ?? throw new ArgumentException("The copy has no folder.", nameof(copy));
        Directory.CreateDirectory(folder);
        string temp = Path.Join(folder, $".{Path.GetFileName(copy.Destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, copy.Destination, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a copy psremotingdsc (or Register-PSSessionConfiguration) made for the endpoint
    /// <paramref name="name"/> and may therefore delete: a regular file (not a link) named <c>&lt;name&gt;_*.pssc</c>
    /// directly in <c>SessionConfig</c> of one of <paramref name="psHomes"/>, and not the declared file. Anything else,
    /// the user's own file above all, is never deleted.
    /// </summary>
    public static bool IsOwnCopy(string? path, string name, string? declaredSource, IEnumerable<string?> psHomes)
    {
        ArgumentNullException.ThrowIfNull(psHomes);
        if (string.IsNullOrEmpty(path) || (declaredSource is not null && SamePath(path, declaredSource)))
        {
            return false;
        }

        string fileName = Path.GetFileName(path);
        return fileName.StartsWith(name + "_", StringComparison.OrdinalIgnoreCase)
            && fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            && psHomes.Any(psHome => !string.IsNullOrEmpty(psHome) && IsInFolder(path, CopyFolder(psHome)))
            && RegularFile.Inspect(path, followLinks: false) == FileKind.Regular;
    }

    private static byte[] ReadSource(string source)
    {
        try
        {
            return RegularFile.ReadAllBytes(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PSRemotingDscException(ErrorIds.SessionConfigurationFileMissing,
                $"Property 'sessionConfigurationFile' is '{source}', which cannot be copied: {Describe(source, e)} Nothing was registered.");
        }
    }

    private static bool TryHash(string path, out string? hash, out string? problem)
    {
        try
        {
            hash = Convert.ToHexString(SHA256.HashData(RegularFile.ReadAllBytes(path)));
            problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            hash = null;
            problem = Describe(path, e);
            return false;
        }
    }

    private static string Describe(string path, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"'{path}' does not exist.",
        _ => e.Message.EndsWith('.') ? e.Message : e.Message + ".",
    };

    /// <summary>Whether <paramref name="path"/> names a file directly in <paramref name="folder"/> (full paths, so <c>..</c> cannot escape it).</summary>
    private static bool IsInFolder(string path, string folder)
    {
        try
        {
            string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
            return parent is not null && string.Equals(
                Path.TrimEndingDirectorySeparator(parent), Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), PathIdentity.Comparison);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static bool SamePath(string left, string right)
    {
        try
        {
            return PathIdentity.SameFullPath(left, right);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return string.Equals(left, right, PathIdentity.Comparison);
        }
    }
}
