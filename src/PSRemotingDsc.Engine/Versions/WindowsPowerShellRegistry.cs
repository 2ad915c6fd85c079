using Microsoft.Win32;

namespace PSRemotingDsc.Versions;

/// <summary>Reads the PowerShell MSI's <c>InstalledVersions</c> key from both registry views; returns nothing off Windows.</summary>
public sealed class WindowsPowerShellRegistry : IPowerShellRegistry
{
    /// <summary>The key under HKLM with one subkey per installed PowerShell MSI product.</summary>
    public const string InstalledVersionsKey = @"SOFTWARE\Microsoft\PowerShellCore\InstalledVersions";

    /// <inheritdoc />
    /// <remarks>The 64-bit view is read first, then the 32-bit one; a view whose key cannot be read is skipped.</remarks>
    public IReadOnlyList<string> GetInstallLocations()
    {
        if (!OperatingSystem.IsWindows())
        {
            return [];
        }

        var locations = new List<string>();
        foreach (var view in new[] { RegistryView.Registry64, RegistryView.Registry32 })
        {
            try
            {
                using var hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, view);
                using var installed = hive.OpenSubKey(InstalledVersionsKey);
                if (installed is null)
                {
                    continue;
                }

                foreach (string name in installed.GetSubKeyNames())
                {
                    using var product = installed.OpenSubKey(name);
                    if (product?.GetValue("InstallLocation") is string location && location.Length > 0 && !locations.Contains(location, StringComparer.OrdinalIgnoreCase))
                    {
                        locations.Add(location);
                    }
                }
            }
            catch (Exception ex) when (ex is System.Security.SecurityException or UnauthorizedAccessException or IOException)
            {
                // An unreadable key hides only the installations it lists; the file system scan still runs.
            }
        }

        return locations;
    }
}
