using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>
/// Writes a machine configuration package, the zip that <c>New-GuestConfigurationPackage</c> (GuestConfiguration
/// module) writes, without PowerShell: <c>&lt;Name&gt;.mof</c>, <c>&lt;Name&gt;.metaconfig.json</c> and
/// <c>Modules/&lt;ModuleName&gt;/</c> with the content of the module folder, at the root of <c>&lt;Name&gt;.zip</c>.
/// </summary>
/// <remarks>
/// Differences from <c>New-GuestConfigurationPackage</c>, on purpose: the zip is written to a temporary file beside the
/// target and renamed over it, so a failure never leaves a partial or missing package; entries are sorted and carry
/// the generation time, so the same input gives the same bytes and the same SHA256; the package name must be a valid
/// DSC configuration name; the 100 MB limit machine configuration documents for the uncompressed package is checked;
/// only the one module that implements the resources is copied (its <c>RequiredModules</c> are not resolved).
/// </remarks>
public static partial class MachineConfigurationPackage
{
    /// <summary>
    /// The largest total uncompressed size of a package: "The package format must be a .zip file and can't exceed a
    /// total size of 100 MB when uncompressed" (Microsoft Learn, how to create custom machine configuration package artifacts).
    /// </summary>
    public const long MaxUncompressedSize = 100L * 1024 * 1024;

    /// <summary>The folder of the package that holds the modules, as machine configuration expects it.</summary>
    public const string ModulesFolder = "Modules";

    /// <summary>
    /// Writes <c>&lt;outputDirectory&gt;/&lt;name&gt;.zip</c> with the MOF of <paramref name="resources"/>, the metaconfig and the
    /// module in <paramref name="moduleDirectory"/>, and returns its path and SHA256.
    /// </summary>
    /// <param name="name">The package name: file names, <c>ConfigurationName</c> and assignment name (letters, digits, underscore; starting with a letter).</param>
    /// <param name="type">Audit, or AuditAndSet for a package a policy may also apply.</param>
    /// <param name="moduleDirectory">The module's folder, e.g. <c>out/PSRemotingDsc/0.1.0/</c>, holding <c>&lt;ModuleName&gt;.psd1</c> whose <c>ModuleVersion</c> is the resources' module version.</param>
    /// <param name="outputDirectory">Where the zip is written; created if missing; not inside <paramref name="moduleDirectory"/>.</param>
    /// <param name="resources">The resource instances; all of the module in <paramref name="moduleDirectory"/>.</param>
    /// <param name="metadata">User, time and host written into the MOF; the time is also every entry's time stamp.</param>
    /// <param name="options">Version, frequency and overwrite; defaults when <see langword="null"/>.</param>
    /// <returns>The package's name, path, SHA256, type, version and uncompressed size.</returns>
    /// <exception cref="ArgumentException">A name, version or resource is invalid, or the resources are not all of that module.</exception>
    /// <exception cref="IOException">The module folder is not usable, the zip exists without <see cref="MachineConfigurationPackageOptions.Overwrite"/>, the package exceeds <see cref="MaxUncompressedSize"/>, or writing failed.</exception>
    public static MachineConfigurationPackageResult Write(
        string name,
        PackageType type,
        string moduleDirectory,
        string outputDirectory,
        IReadOnlyList<MofResource> resources,
        MofMetadata metadata,
        MachineConfigurationPackageOptions? options = null) =>
        Write(name, type, moduleDirectory, outputDirectory, resources, metadata, options, OpenRead);

    /// <summary>
    /// Writes <c>&lt;outputDirectory&gt;/&lt;name&gt;.zip</c> around a MOF compiled elsewhere (e.g. by PSDesiredStateConfiguration),
    /// whose bytes are taken as they are.
    /// </summary>
    /// <param name="name">The package name; every <c>ConfigurationName</c> in <paramref name="mof"/> must be this name.</param>
    /// <param name="type">Audit, or AuditAndSet for a package a policy may also apply.</param>
    /// <param name="mof">The MOF document's bytes.</param>
    /// <param name="moduleName">The module the MOF's resources name (<c>ModuleName</c>), whose folder is <paramref name="moduleDirectory"/>.</param>
    /// <param name="moduleVersion">That module's version as the MOF names it (<c>ModuleVersion</c>).</param>
    /// <param name="moduleDirectory">The module's folder, holding <c>&lt;moduleName&gt;.psd1</c> of <paramref name="moduleVersion"/>.</param>
    /// <param name="outputDirectory">Where the zip is written; created if missing; not inside <paramref name="moduleDirectory"/>.</param>
    /// <param name="entryTime">The time stamp of every entry.</param>
    /// <param name="options">Version, frequency and overwrite; defaults when <see langword="null"/>.</param>
    /// <returns>The package's name, path, SHA256, type, version and uncompressed size.</returns>
    /// <exception cref="ArgumentException">A name or version is invalid, or the MOF does not name this configuration and module.</exception>
    /// <exception cref="IOException">As for the other overload.</exception>
    public static MachineConfigurationPackageResult WriteMof(
        string name,
        PackageType type,
        ReadOnlySpan<byte> mof,
        string moduleName,
        string moduleVersion,
        string moduleDirectory,
        string outputDirectory,
        DateTime entryTime,
        MachineConfigurationPackageOptions? options = null)
    {
        MofNames.RequireConfigurationName(name, nameof(name));
        MofNames.RequireModuleName(moduleName, nameof(moduleName));
        ArgumentNullException.ThrowIfNull(moduleVersion);
        if (moduleName.Equals("PSDesiredStateConfiguration", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Resources of PSDesiredStateConfiguration cannot be copied into a machine configuration package.", nameof(moduleName));
        }

        string text = MofWriter.Encoding.GetString(mof);
        string[] configurationNames = [.. ConfigurationNamePattern().Matches(text).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal)];
        if (configurationNames is not [{ } only] || !only.Equals(name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The MOF names the configuration(s) '{string.Join("', '", configurationNames)}', not '{name}'; a package, its MOF and the assignment share one name.",
                nameof(mof));
        }

        if (!text.Contains($"ModuleName = \"{moduleName}\";", StringComparison.OrdinalIgnoreCase)
            || !text.Contains($"ModuleVersion = \"{moduleVersion}\";", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The MOF does not name the module {moduleName} {moduleVersion}.", nameof(mof));
        }

        return WritePackage(name, type, mof.ToArray(), moduleName, moduleVersion, moduleDirectory, outputDirectory, entryTime, options, OpenRead);
    }

    /// <summary>The SHA256 of a file as upper-case hex, as <c>Get-FileHash -Algorithm SHA256</c> gives it for a policy's <c>contentHash</c>.</summary>
    /// <param name="path">The file.</param>
    public static string ComputeContentHash(string path)
    {
        using FileStream stream = OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>
    /// The metaconfig <c>New-GuestConfigurationPackage</c> writes: <c>@{ Type; Version } | ConvertTo-Json</c> with
    /// two-space indentation, <c>configurationModeFrequencyMins</c> only above 15 minutes, CRLF, ASCII.
    /// </summary>
    /// <param name="type">The package type.</param>
    /// <param name="version">The package version.</param>
    /// <param name="frequencyMinutes">The run frequency in minutes, at least 15.</param>
    public static string MetaconfigJson(PackageType type, string version, int frequencyMinutes = 15)
    {
        RequireVersion(version);
        RequireFrequency(frequencyMinutes);
        var json = new StringBuilder();
        json.Append("{\r\n  \"Type\": \"").Append(TypeName(type)).Append("\",\r\n  \"Version\": \"").Append(version).Append('"');
        if (frequencyMinutes > 15)
        {
            json.Append(",\r\n  \"configurationModeFrequencyMins\": ").Append(frequencyMinutes.ToString(CultureInfo.InvariantCulture));
        }

        return json.Append("\r\n}\r\n").ToString();
    }

    /// <summary>As the public overload, with the opening of module files replaceable so that a test can make one fail.</summary>
    internal static MachineConfigurationPackageResult Write(
        string name,
        PackageType type,
        string moduleDirectory,
        string outputDirectory,
        IReadOnlyList<MofResource> resources,
        MofMetadata metadata,
        MachineConfigurationPackageOptions? options,
        Func<string, Stream> openFile)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(metadata);
        MofNames.RequireConfigurationName(name, nameof(name));
        (string moduleName, string moduleVersion) = SingleModule(resources);
        byte[] mof = MofWriter.Encode(MofWriter.Write(name, resources, metadata));
        return WritePackage(name, type, mof, moduleName, moduleVersion, moduleDirectory, outputDirectory, metadata.GenerationDate, options, openFile);
    }

    private static MachineConfigurationPackageResult WritePackage(
        string name,
        PackageType type,
        byte[] mof,
        string moduleName,
        string moduleVersion,
        string moduleDirectory,
        string outputDirectory,
        DateTime entryTime,
        MachineConfigurationPackageOptions? options,
        Func<string, Stream> openFile)
    {
        ArgumentNullException.ThrowIfNull(moduleDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        options ??= new MachineConfigurationPackageOptions();
        string metaconfig = MetaconfigJson(type, options.Version, options.FrequencyMinutes);
        DateTimeOffset timestamp = EntryTime(entryTime);

        string moduleRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleDirectory));
        string outputRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        RequireModule(moduleRoot, moduleName, moduleVersion);
        if (IsSameOrInside(outputRoot, moduleRoot))
        {
            throw new ArgumentException($"The output folder '{outputRoot}' is inside the module folder '{moduleRoot}'; the package would end up in the next package.", nameof(outputDirectory));
        }

        List<PackageEntry> moduleEntries = ModuleEntries(moduleRoot, $"{ModulesFolder}/{moduleName}/");
        byte[] metaconfigBytes = Encoding.ASCII.GetBytes(metaconfig);
        long size = mof.LongLength + metaconfigBytes.LongLength + moduleEntries.Sum(entry => entry.Length);
        RequireSize(size);

        Directory.CreateDirectory(outputRoot);
        string target = Path.Combine(outputRoot, name + ".zip");
        if (!options.Overwrite && Path.Exists(target))
        {
            throw new IOException($"The package '{target}' already exists; remove it or overwrite it.");
        }

        string temporary = Path.Combine(outputRoot, $".{name}.zip.{Guid.NewGuid():N}.tmp");
        try
        {
            long written = 0;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
                {
                    foreach (PackageEntry entry in moduleEntries)
                    {
                        written += AddModuleEntry(archive, entry, timestamp, openFile, size - written);
                    }

                    AddBytes(archive, $"{name}.metaconfig.json", metaconfigBytes, timestamp);
                    AddBytes(archive, $"{name}.mof", mof, timestamp);
                    written += metaconfigBytes.LongLength + mof.LongLength;
                }

                RequireSize(written);
                stream.Flush(flushToDisk: true);
            }

            string hash = ComputeContentHash(temporary);
            File.Move(temporary, target, options.Overwrite);
            return new MachineConfigurationPackageResult(name, target, hash, type, options.Version, written);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static string TypeName(PackageType type) => type switch
    {
        PackageType.Audit => "Audit",
        PackageType.AuditAndSet => "AuditAndSet",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "The package type is Audit or AuditAndSet."),
    };

    private static void RequireVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!VersionPattern().IsMatch(version))
        {
            throw new ArgumentException($"The package version '{version}' is not a version (digits and letters separated by '.', '-' or '+', e.g. 1.0.0).", nameof(version));
        }
    }

    private static void RequireFrequency(int frequencyMinutes)
    {
        if (frequencyMinutes < 15)
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyMinutes), frequencyMinutes, "Machine configuration cannot run a package more often than every 15 minutes.");
        }
    }

    private static void RequireSize(long size)
    {
        if (size > MaxUncompressedSize)
        {
            throw new IOException($"The package would be {size} bytes uncompressed; machine configuration accepts at most {MaxUncompressedSize} bytes (100 MB).");
        }
    }

    private static (string Name, string Version) SingleModule(IReadOnlyList<MofResource> resources)
    {
        if (resources.Count == 0)
        {
            throw new ArgumentException("A package needs at least one resource instance.", nameof(resources));
        }

        MofResource first = resources[0] ?? throw new ArgumentException("A resource instance is null.", nameof(resources));
        foreach (MofResource resource in resources)
        {
            ArgumentNullException.ThrowIfNull(resource, nameof(resources));
            if (!resource.ModuleName.Equals(first.ModuleName, StringComparison.OrdinalIgnoreCase)
                || !resource.ModuleVersion.Equals(first.ModuleVersion, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"{resource.ResourceId} is of {resource.ModuleName} {resource.ModuleVersion} and {first.ResourceId} of {first.ModuleName} {first.ModuleVersion}; "
                    + "a package holds the one module it is written with, in one version.",
                    nameof(resources));
            }
        }

        if (first.ModuleName.Equals("PSDesiredStateConfiguration", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Resources of PSDesiredStateConfiguration cannot be copied into a machine configuration package.", nameof(resources));
        }

        return (first.ModuleName, first.ModuleVersion);
    }

    // Get-Module -ListAvailable finds the module by <ModuleName>.psd1 in its folder, at the version the MOF names.
    private static void RequireModule(string moduleRoot, string moduleName, string moduleVersion)
    {
        if (!Directory.Exists(moduleRoot))
        {
            throw new IOException($"The module folder '{moduleRoot}' does not exist.");
        }

        string manifest = Path.Combine(moduleRoot, moduleName + ".psd1");
        if (!File.Exists(manifest))
        {
            throw new IOException($"The module folder '{moduleRoot}' has no manifest {moduleName}.psd1, so it is not the module {moduleName} the resources name.");
        }

        string text = File.ReadAllText(manifest);
        Match version = ManifestVersionPattern().Match(text);
        if (!version.Success)
        {
            throw new IOException($"The manifest '{manifest}' declares no ModuleVersion.");
        }

        if (!version.Groups["version"].Value.Equals(moduleVersion, StringComparison.Ordinal))
        {
            throw new IOException($"The manifest '{manifest}' is version {version.Groups["version"].Value}, but the resources name {moduleName} {moduleVersion}; machine configuration would not find the resources.");
        }

        if (RequiredModulesPattern().IsMatch(text))
        {
            throw new IOException($"The manifest '{manifest}' declares RequiredModules; this package writer copies only the module itself.");
        }
    }

    private static List<PackageEntry> ModuleEntries(string moduleRoot, string prefix)
    {
        var entries = new List<PackageEntry>();
        Collect(new DirectoryInfo(moduleRoot), prefix, entries);
        entries.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return entries;
    }

    // ZipFile.CreateFromDirectory: a file entry per file, an entry ending in '/' only for an empty folder.
    private static void Collect(DirectoryInfo directory, string prefix, List<PackageEntry> entries)
    {
        bool empty = true;
        foreach (FileSystemInfo item in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            empty = false;
            if (item.LinkTarget is not null || item.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw new IOException($"'{item.FullName}' is a link; a package holds files, so copy the module without links.");
            }

            if (item.Name.Contains('\\', StringComparison.Ordinal))
            {
                throw new IOException($"'{item.FullName}' has a backslash in its name, which a zip reader on Windows takes as a folder separator.");
            }

            if (item is DirectoryInfo subdirectory)
            {
                Collect(subdirectory, prefix + item.Name + "/", entries);
            }
            else
            {
                entries.Add(new PackageEntry(prefix + item.Name, item.FullName, ((FileInfo)item).Length));
            }
        }

        if (empty)
        {
            entries.Add(new PackageEntry(prefix, null, 0));
        }
    }

    private static long AddModuleEntry(ZipArchive archive, PackageEntry entry, DateTimeOffset timestamp, Func<string, Stream> openFile, long remaining)
    {
        ZipArchiveEntry zipEntry = archive.CreateEntry(entry.Name, CompressionLevel.Optimal);
        zipEntry.LastWriteTime = timestamp;
        if (entry.SourcePath is null)
        {
            return 0;
        }

        using Stream source = openFile(entry.SourcePath);
        using Stream target = zipEntry.Open();
        byte[] buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            copied += read;
            if (copied > remaining)
            {
                throw new IOException($"'{entry.SourcePath}' grew while the package was written; the package would exceed {MaxUncompressedSize} bytes.");
            }

            target.Write(buffer, 0, read);
        }

        return copied;
    }

    private static void AddBytes(ZipArchive archive, string name, byte[] content, DateTimeOffset timestamp)
    {
        ZipArchiveEntry entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = timestamp;
        using Stream target = entry.Open();
        target.Write(content);
    }

    // A zip stores the wall-clock time (DOS date and time, 1980 to 2107) without a zone.
    private static DateTimeOffset EntryTime(DateTime time)
    {
        if (time.Year is < 1980 or > 2107)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A zip entry's time must be between 1980 and 2107.");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal)
        || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"\bConfigurationName\s*=\s*""(?<name>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationNamePattern();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\s*ModuleVersion\s*=\s*['""](?<version>[^'""]+)['""]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ManifestVersionPattern();

    [GeneratedRegex(@"^\s*RequiredModules\s*=\s*@?\(?\s*['""@]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex RequiredModulesPattern();

    /// <summary>One entry of the Modules folder: its name in the zip and the file it is read from (none for an empty folder).</summary>
    private sealed record PackageEntry(string Name, string? SourcePath, long Length);
}
