using System.Security.Cryptography;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Keeps an endpoint's plugin folder bound to one PowerShell home: <c>pwrshplugin.dll</c> equal to
/// <c>$PSHOME\pwrshplugin.dll</c> (SHA-256; "older" by PE file version) and <c>RemotePowerShellConfig.txt</c> pointing
/// PSHOMEDIR and CORECLRDIR at <c>$PSHOME</c>. Unlike Enable-PSRemoting, which copies only a missing plugin and always
/// rewrites the config, this copies whenever the bytes differ (the #24140 stale-plugin fix) and writes the config only
/// when what the plugin would read differs, so a second run touches nothing.
/// </summary>
public sealed class PluginProvisioner
{
    private readonly IPluginFileAccess _access;

    /// <param name="access">Checks non-admin access to the config file; <see cref="NotApplicablePluginFileAccess"/> skips it.</param>
    public PluginProvisioner(IPluginFileAccess access)
    {
        _access = access ?? throw new ArgumentNullException(nameof(access));
    }

    /// <summary>Compares <paramref name="directory"/> with <paramref name="psHome"/>; changes nothing.</summary>
    public PluginInspection Inspect(PluginDirectory directory, string psHome)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrEmpty(psHome);
        var drift = new List<PluginDrift>();

        string source = PluginDirectory.SourcePluginPath(psHome);
        bool sourceExists = File.Exists(source);
        bool copyExists = File.Exists(directory.PluginPath);
        Version? sourceVersion = sourceExists ? PeFileVersion.TryRead(source) : null;
        Version? copyVersion = copyExists ? PeFileVersion.TryRead(directory.PluginPath) : null;

        if (!sourceExists)
        {
            // Every Windows package ships pwrshplugin.dll in $PSHOME, the Store/MSIX one included: the MSIX is packed from
            // the same signed files as the ZIP (PowerShell .pipelines/templates/packaging/windows/package.yml 167–183;
            // tools/packaging/packaging.psm1 3609 packs the whole folder), and the Store 7.6.3 of PowerShell#27701
            // registered PowerShell.7, which Register-PSSessionConfiguration refuses without the plugin
            // (CustomShellCommands.cs 476–483; Enable-PSRemoting copies it from $PSHOME, 4694).
            drift.Add(new(PluginDriftKind.SourcePluginMissing,
                $"'{source}' does not exist: this PowerShell installation has no WinRM plugin (not a Windows build, or a copy of PowerShell without pwrshplugin.dll; the Windows MSI, ZIP and Store/MSIX packages all ship it), so it cannot serve a WSMan endpoint."));
        }

        if (!copyExists)
        {
            drift.Add(new(PluginDriftKind.PluginMissing, $"The plugin copy '{directory.PluginPath}' does not exist."));
        }
        else if (sourceExists && !HashesEqual(source, directory.PluginPath))
        {
            drift.Add(copyVersion is not null && sourceVersion is not null && copyVersion < sourceVersion
                ? new(PluginDriftKind.PluginOlder, $"The plugin copy '{directory.PluginPath}' is version {copyVersion}, older than {sourceVersion} in '{source}'; an old plugin can fail to load a newer PowerShell (PowerShell#24140).")
                : new(PluginDriftKind.PluginHashDiffers, $"The plugin copy '{directory.PluginPath}' (version {copyVersion?.ToString() ?? "unknown"}) differs from '{source}' (version {sourceVersion?.ToString() ?? "unknown"})."));
        }

        RemotePowerShellConfig? config = null;
        PluginFileAccessReport? access = null;
        if (!File.Exists(directory.ConfigPath))
        {
            drift.Add(new(PluginDriftKind.ConfigMissing, $"'{directory.ConfigPath}' does not exist, so the plugin would look for PowerShell in its own folder and fail."));
        }
        else
        {
            config = RemotePowerShellConfig.Parse(File.ReadAllBytes(directory.ConfigPath));
            CheckDirectory(drift, directory.ConfigPath, RemotePowerShellConfig.PSHomeDirTag, config.PSHomeDir, psHome,
                PluginDriftKind.PSHomeDirMissing, PluginDriftKind.PSHomeDirNotFound, PluginDriftKind.PSHomeDirOther);
            CheckDirectory(drift, directory.ConfigPath, RemotePowerShellConfig.CoreClrDirTag, config.CoreClrDir, psHome,
                PluginDriftKind.CoreClrDirMissing, PluginDriftKind.CoreClrDirNotFound, PluginDriftKind.CoreClrDirOther);

            access = _access.CheckNonAdminAccess(directory.ConfigPath);
            if (access.Applicable && !access.Sufficient)
            {
                drift.Add(new(PluginDriftKind.ConfigAccessMissing,
                    $"Non-admin remoting users cannot use '{directory.ConfigPath}' (the plugin opens it for read and write; PowerShell#18741): {string.Join("; ", access.Missing)}."));
            }
        }

        return new PluginInspection(directory, psHome, drift, copyVersion, sourceVersion, config, access);
    }

    /// <summary>Makes <paramref name="directory"/> match <paramref name="psHome"/>; touches no file that already matches.</summary>
    /// <exception cref="PSRemotingDscException">
    /// <see cref="ExitCode.UnsupportedPlatform"/> when <paramref name="psHome"/> has no plugin; <see cref="ExitCode.UnsafeValue"/> when its path cannot
    /// be written to the config; <see cref="ExitCode.PermissionDenied"/> when the OS refuses a write.
    /// </exception>
    public ProvisionResult Provision(PluginDirectory directory, string psHome)
    {
        PluginInspection before = Inspect(directory, psHome);
        if (before.Has(PluginDriftKind.SourcePluginMissing))
        {
            throw new PSRemotingDscException(ErrorIds.PluginSourceMissing, before.Drift.First(d => d.Kind == PluginDriftKind.SourcePluginMissing).Message + " Nothing was changed.");
        }

        RemotePowerShellConfig.EnsureWritable(psHome);
        var changes = new List<string>();
        bool restart = false;
        try
        {
            Directory.CreateDirectory(directory.FullPath);
            if (before.PluginNeedsCopy)
            {
                bool replaced = CopyPlugin(PluginDirectory.SourcePluginPath(psHome), directory.PluginPath);
                restart |= replaced;
                changes.Add($"{(replaced ? "Replaced" : "Copied")} '{directory.PluginPath}' from '{PluginDirectory.SourcePluginPath(psHome)}'.");
            }

            if (before.ConfigNeedsWrite)
            {
                bool existed = File.Exists(directory.ConfigPath);
                WriteAtomically(directory.ConfigPath, RemotePowerShellConfig.Format(psHome));
                restart |= existed;
                changes.Add($"Wrote '{directory.ConfigPath}' (PSHOMEDIR and CORECLRDIR = '{psHome}').");
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PSRemotingDscException(ErrorIds.PluginFolderAccessDenied, $"Cannot write the plugin folder '{directory.FullPath}': {ex.Message} Run from an elevated (Run as administrator) process.", ex);
        }

        PluginInspection after = changes.Count == 0 ? before : Inspect(directory, psHome);
        return new ProvisionResult(before.PluginNeedsCopy, before.ConfigNeedsWrite, restart, changes, after.Drift);
    }

    private static void CheckDirectory(List<PluginDrift> drift, string file, string tag, string? declared, string psHome, PluginDriftKind missing, PluginDriftKind notFound, PluginDriftKind other)
    {
        if (declared is null)
        {
            drift.Add(new(missing, $"'{file}' has no {tag} line."));
        }
        else if (!Directory.Exists(declared))
        {
            drift.Add(new(notFound, $"'{file}' says {tag}{declared}, which does not exist (PowerShell uninstalled or moved?); sessions on this endpoint fail."));
        }
        else if (!SamePath(declared, psHome))
        {
            drift.Add(new(other, $"'{file}' says {tag}{declared}, another installation than '{psHome}'."));
        }
    }

    /// <summary>Windows paths: case-insensitive, trailing separators ignored.</summary>
    internal static bool SamePath(string a, string b) =>
        string.Equals(a.TrimEnd('\\', '/'), b.TrimEnd('\\', '/'), StringComparison.OrdinalIgnoreCase);

    private static bool HashesEqual(string a, string b)
    {
        using FileStream first = File.OpenRead(a);
        using FileStream second = File.OpenRead(b);
        return first.Length == second.Length && SHA256.HashData(first).AsSpan().SequenceEqual(SHA256.HashData(second));
    }

    /// <summary>Copies through a temp file; returns true when an existing plugin was replaced.</summary>
    private static bool CopyPlugin(string source, string target)
    {
        bool existed = File.Exists(target);
        string temp = TempBeside(target);
        try
        {
            File.Copy(source, temp, overwrite: true);
            try
            {
                File.Move(temp, target, overwrite: true);
            }
            catch (IOException) when (existed && OperatingSystem.IsWindows())
            {
                // WinRM keeps a loaded plugin mapped, so it cannot be overwritten, but it can be renamed: move it aside
                // (the next WinRM start loads the new copy; the old file can be deleted once nothing maps it).
                File.Move(target, $"{target}.{Guid.NewGuid():N}.psremotingdsc-old");
                File.Move(temp, target);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return existed;
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        string temp = TempBeside(path);
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string TempBeside(string path) =>
        Path.Join(Path.GetDirectoryName(path), $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
}
