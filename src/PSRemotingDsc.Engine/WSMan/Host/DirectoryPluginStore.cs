using System.Text;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// A plugin store in plain files, laid out like the registry under a root directory:
/// <c>&lt;root&gt;/SOFTWARE/Microsoft/Windows/CurrentVersion/WSMAN/Plugin/&lt;Name&gt;/ConfigXML.xml</c>.
/// Used by tests and to plan against a Windows machine image unpacked under a temporary root. Names compare
/// case-insensitively, as registry key names do. Every write goes to a temp file beside the target and is renamed
/// over it, so a reader never sees half a document.
/// </summary>
public sealed class DirectoryPluginStore : IWSManPluginStore
{
    /// <summary>The file that holds a plugin's ConfigXML value.</summary>
    public const string ConfigXmlFileName = "ConfigXML.xml";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A store over the machine image under <paramref name="root"/>; nothing is created until the first write.</summary>
    /// <param name="root">The directory that stands for the machine's registry root; made absolute.</param>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    public DirectoryPluginStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        PluginRoot = Path.Join(Root, "SOFTWARE", "Microsoft", "Windows", "CurrentVersion", "WSMAN", "Plugin");
    }

    /// <summary>The machine root the registry layout is under.</summary>
    public string Root { get; }

    /// <summary><c>&lt;root&gt;/SOFTWARE/Microsoft/Windows/CurrentVersion/WSMAN/Plugin</c>.</summary>
    public string PluginRoot { get; }

    /// <inheritdoc />
    public string Kind => $"directory {PluginRoot}";

    /// <summary>Files are not watched by anything; a restart is what the registry layout would need, so say so.</summary>
    public bool WritesNeedWinRMRestart => true;

    /// <inheritdoc />
    /// <remarks>A directory counts as a plugin only when it holds <see cref="ConfigXmlFileName"/>.</remarks>
    public IReadOnlyList<string> ListPluginNames()
    {
        if (!Directory.Exists(PluginRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(PluginRoot)
            .Where(directory => File.Exists(Path.Join(directory, ConfigXmlFileName)))
            .Select(directory => Path.GetFileName(directory))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public string? GetConfigXml(string name)
    {
        PluginNameGuard.Ensure(name);
        string? directory = FindPluginDirectory(name);
        return directory is null ? null : File.ReadAllText(Path.Join(directory, ConfigXmlFileName), Encoding.UTF8);
    }

    /// <inheritdoc />
    public void Create(string name, string configXml)
    {
        PluginNameGuard.Ensure(name);
        ArgumentNullException.ThrowIfNull(configXml);
        if (FindPluginDirectory(name) is { } existing)
        {
            throw new PSRemotingDscException(
                ErrorIds.PluginAlreadyExists,
                $"Cannot create WSMan plugin '{name}' in {Kind}: '{Path.GetFileName(existing)}' already exists. Nothing was changed.");
        }

        string directory = Path.Join(PluginRoot, name);
        Directory.CreateDirectory(directory);
        WriteAtomically(Path.Join(directory, ConfigXmlFileName), configXml);
    }

    /// <inheritdoc />
    public void Put(string name, string configXml)
    {
        PluginNameGuard.Ensure(name);
        ArgumentNullException.ThrowIfNull(configXml);
        string directory = FindPluginDirectory(name) ?? throw new PSRemotingDscException(
            ErrorIds.PluginNotFound,
            $"Cannot replace WSMan plugin '{name}' in {Kind}: it does not exist. Nothing was changed.");
        WriteAtomically(Path.Join(directory, ConfigXmlFileName), configXml);
    }

    /// <inheritdoc />
    /// <remarks>Deletes the plugin's whole directory, including any files beside <see cref="ConfigXmlFileName"/>.</remarks>
    public void Delete(string name)
    {
        PluginNameGuard.Ensure(name);
        if (FindPluginDirectory(name) is { } directory)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string? FindPluginDirectory(string name)
    {
        if (!Directory.Exists(PluginRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(PluginRoot)
            .Where(directory => File.Exists(Path.Join(directory, ConfigXmlFileName)))
            .FirstOrDefault(directory => string.Equals(Path.GetFileName(directory), name, StringComparison.OrdinalIgnoreCase));
    }

    private static void WriteAtomically(string path, string text)
    {
        string temp = Path.Join(Path.GetDirectoryName(path), $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8NoBom);
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
}
