using PSRemotingDsc.Resource;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.WSMan;

/// <summary>Reads an endpoint's plugin registration and plugin folder, and what they really start.</summary>
public sealed class WSManEndpointObserver
{
    private readonly WSManEnvironment _environment;
    private readonly PluginProvisioner _provisioner;

    /// <param name="environment">The store, host and Windows directory to read.</param>
    public WSManEndpointObserver(WSManEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _provisioner = new PluginProvisioner(environment.FileAccess);
    }

    /// <summary>Reads the registration of <paramref name="name"/> and what it starts.</summary>
    /// <param name="name">The plugin name.</param>
    /// <param name="desiredInstallation">The installation the plugin folder is inspected against; null skips the inspection.</param>
    /// <param name="checkPreconditions">Whether to check the WinRM service, stack version and listeners.</param>
    /// <param name="verifyConnection">Whether to open a loopback session (when the environment can).</param>
    /// <param name="sessionConfigurationFile">The declared session configuration file the registered copy is checked against; null skips the check.</param>
    /// <param name="readServiceHosting">Whether to read how WinRM is hosted (own service host, account, privileges), which a <c>runAsVirtualAccount</c> endpoint needs.</param>
    public WSManEndpointObservation Observe(
        string name, PowerShellInstallation? desiredInstallation, bool checkPreconditions, bool verifyConnection, string? sessionConfigurationFile = null,
        bool readServiceHosting = false)
    {
        string? xml = _environment.Store.GetConfigXml(name);
        PluginConfiguration? configuration = xml is null ? null : PluginConfiguration.Parse(xml, $"{_environment.Store.Kind} plugin '{name}'");
        PluginDirectory? directory = configuration is null ? null : PluginFolderOf(configuration.Filename, _environment.WindowsDirectory);
        PluginInspection? inspection = directory is not null && desiredInstallation is not null
            ? _provisioner.Inspect(directory, desiredInstallation.PSHome)
            : null;
        string? boundPSHome = directory is null ? null : BoundPSHome(directory);
        PowerShellInstallation? bound = boundPSHome is null ? null : PowerShellHomeReader.TryRead(boundPSHome, "WSMan plugin");
        IReadOnlyList<WSManPrecondition> preconditions = checkPreconditions
            ? WSManPreconditions.Check(_environment.Host, _environment.OSVersion)
            : [];
        ConnectionProbeResult? connection = verifyConnection && configuration is not null && desiredInstallation is not null
            ? _environment.ConnectionProbe?.Probe(name, desiredInstallation, _environment.ProbeTimeout)
            : null;
        SessionConfigurationInspection? sessionConfiguration = configuration is not null && desiredInstallation is not null && sessionConfigurationFile is not null
            ? SessionConfigurationFiles.Inspect(sessionConfigurationFile, configuration.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter], desiredInstallation.PSHome)
            : null;
        WinRMServiceHosting? hosting = readServiceHosting ? _environment.Host.GetServiceHosting() : null;
        return new WSManEndpointObservation(name, configuration, directory, inspection, boundPSHome, bound, preconditions, connection, sessionConfiguration, hosting);
    }

    /// <summary>
    /// The folder of a plugin <c>Filename</c> of the form <c>%windir%\System32\PowerShell\&lt;name&gt;\pwrshplugin.dll</c>,
    /// or null when the plugin lives anywhere else.
    /// </summary>
    public static PluginDirectory? PluginFolderOf(string? filename, string windowsDirectory)
    {
        if (filename is null)
        {
            return null;
        }

        string[] parts = filename.Replace('/', '\\').Split('\\', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !string.Equals(parts[^1], PluginDirectory.PluginFileName, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(parts[^3], "PowerShell", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(parts[^4], "System32", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var candidate = new PluginDirectory(windowsDirectory, parts[^2]);
        return PluginConfigurationComparison.FilenamesEqual(filename, candidate.PluginPath, windowsDirectory) ? candidate : null;
    }

    /// <summary>The PowerShell home the plugin in <paramref name="directory"/> loads (PowerShell-Native's rule: the config, else its own folder).</summary>
    private static string? BoundPSHome(PluginDirectory directory)
    {
        if (!File.Exists(directory.ConfigPath))
        {
            return System.IO.Directory.Exists(directory.FullPath) ? directory.FullPath : null;
        }

        RemotePowerShellConfig config = RemotePowerShellConfig.Parse(File.ReadAllBytes(directory.ConfigPath));
        return config.EffectivePSHomeDir(System.IO.Directory.Exists) ?? config.PSHomeDir;
    }
}
