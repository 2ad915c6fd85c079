using System.Runtime.Versioning;
using Microsoft.Win32;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Reads and writes <c>HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Plugin\&lt;Name&gt;</c>, value
/// <c>ConfigXML</c> (the 64-bit view), the way <c>Install-PowerShellRemoting.ps1</c> does. This is the fallback:
/// a running WinRM does not see these writes until it is restarted (research §4.6), so <see cref="WritesNeedWinRMRestart"/>
/// is true. Prefer <see cref="WSManConfigPluginStore"/> for writes; reading here is fine and cheap.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class RegistryPluginStore : IWSManPluginStore
{
    /// <summary>The key under HKLM with one subkey per WinRM plugin.</summary>
    public const string PluginKeyPath = @"SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Plugin";
    /// <summary>The string value of a plugin's key that holds its ConfigXML.</summary>
    public const string ConfigXmlValueName = "ConfigXML";

    /// <inheritdoc />
    public string Kind => @"registry HKLM\" + PluginKeyPath;

    /// <summary>Always true: a running WinRM reads the registry only when it starts.</summary>
    public bool WritesNeedWinRMRestart => true;

    /// <inheritdoc />
    /// <remarks>Every subkey counts, even one without a ConfigXML value.</remarks>
    public IReadOnlyList<string> ListPluginNames()
    {
        return Guarded("list", "", () =>
        {
            using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using RegistryKey? plugins = hive.OpenSubKey(PluginKeyPath);
            if (plugins is null)
            {
                return (IReadOnlyList<string>)[];
            }

            return plugins.GetSubKeyNames().Order(StringComparer.Ordinal).ToList();
        });
    }

    /// <inheritdoc />
    /// <remarks>Also null when the key exists but has no string ConfigXML value.</remarks>
    public string? GetConfigXml(string name)
    {
        PluginNameGuard.Ensure(name);
        return Guarded("read", name, () =>
        {
            using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using RegistryKey? plugin = hive.OpenSubKey(PluginKeyPath + "\\" + name);
            return plugin?.GetValue(ConfigXmlValueName) as string;
        });
    }

    /// <inheritdoc />
    public void Create(string name, string configXml)
    {
        PluginNameGuard.Ensure(name);
        ArgumentNullException.ThrowIfNull(configXml);
        Guarded("create", name, () =>
        {
            using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using (RegistryKey? existing = hive.OpenSubKey(PluginKeyPath + "\\" + name))
            {
                if (existing is not null)
                {
                    throw new PSRemotingDscException(ErrorIds.PluginAlreadyExists, $"Cannot create WSMan plugin '{name}' in the {Kind}: it already exists. Nothing was changed.");
                }
            }

            using RegistryKey plugin = hive.CreateSubKey(PluginKeyPath + "\\" + name, writable: true);
            plugin.SetValue(ConfigXmlValueName, configXml, RegistryValueKind.String);
            return true;
        });
    }

    /// <inheritdoc />
    public void Put(string name, string configXml)
    {
        PluginNameGuard.Ensure(name);
        ArgumentNullException.ThrowIfNull(configXml);
        Guarded("replace", name, () =>
        {
            using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            using RegistryKey plugin = hive.OpenSubKey(PluginKeyPath + "\\" + name, writable: true)
                ?? throw new PSRemotingDscException(ErrorIds.PluginNotFound, $"Cannot replace WSMan plugin '{name}' in the {Kind}: it does not exist. Nothing was changed.");
            plugin.SetValue(ConfigXmlValueName, configXml, RegistryValueKind.String);
            return true;
        });
    }

    /// <inheritdoc />
    /// <remarks>Deletes the plugin's whole key, with any subkeys.</remarks>
    public void Delete(string name)
    {
        PluginNameGuard.Ensure(name);
        Guarded("delete", name, () =>
        {
            using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
            hive.DeleteSubKeyTree(PluginKeyPath + "\\" + name, throwOnMissingSubKey: false);
            return true;
        });
    }

    private T Guarded<T>(string verb, string name, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is System.Security.SecurityException or UnauthorizedAccessException)
        {
            throw new PSRemotingDscException(
                ErrorIds.WSManPluginAccessDenied,
                $"Cannot {verb} WSMan plugin '{name}' in the {Kind}: access denied. Run from an elevated (Run as administrator) process.",
                ex);
        }
        catch (IOException ex)
        {
            throw new PSRemotingDscException(ErrorIds.WSManPluginStoreFailed, $"Cannot {verb} WSMan plugin '{name}' in the {Kind}: {ex.Message}", ex);
        }
    }
}
