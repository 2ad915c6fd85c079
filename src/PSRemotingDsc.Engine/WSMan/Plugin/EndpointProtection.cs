using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// Endpoints this resource never changes: Windows PowerShell's. They are recognised as PowerShell 7's
/// session-configuration cmdlets do (research §0.7): by name (<c>Microsoft.PowerShell*</c>, case-insensitive, which
/// also covers <c>microsoft.powershell32</c> and <c>microsoft.powershell.workflow</c>) and by plugin
/// (<c>Filename</c> ending in <c>system32\pwrshplugin.dll</c> or <c>syswow64\pwrshplugin.dll</c>).
/// </summary>
public static class EndpointProtection
{
    /// <summary>The name prefix of Windows PowerShell's endpoints; compared ignoring case.</summary>
    public const string WindowsPowerShellNamePrefix = "Microsoft.PowerShell";

    private static readonly string[] WindowsPowerShellPluginSuffixes =
    [
        @"\system32\" + EndpointNaming.PluginDllName,
        @"\syswow64\" + EndpointNaming.PluginDllName,
    ];

    /// <summary>True when <paramref name="name"/> starts with <see cref="WindowsPowerShellNamePrefix"/>, in any case.</summary>
    /// <param name="name">An endpoint name.</param>
    /// <returns>True for a Windows PowerShell endpoint name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static bool IsWindowsPowerShellName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith(WindowsPowerShellNamePrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for <c>%windir%\system32\pwrshplugin.dll</c>, <c>C:\Windows\SysWOW64\pwrshplugin.dll</c> and the like.</summary>
    public static bool IsWindowsPowerShellPlugin(string? filename)
    {
        if (string.IsNullOrEmpty(filename))
        {
            return false;
        }

        string normalized = filename.Replace('/', '\\').Trim();
        return WindowsPowerShellPluginSuffixes.Any(suffix => normalized.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the endpoint is Windows PowerShell's, by its name or by its plugin.</summary>
    /// <param name="name">The endpoint name.</param>
    /// <param name="filename">Its <c>Filename</c> attribute, or null when unknown.</param>
    /// <returns>True when psremotingdsc must not change the endpoint.</returns>
    public static bool IsProtected(string name, string? filename) =>
        IsWindowsPowerShellName(name) || IsWindowsPowerShellPlugin(filename);

    /// <summary>True when the endpoint <paramref name="configuration"/> describes is Windows PowerShell's, by its name or by its plugin.</summary>
    /// <param name="configuration">The endpoint's plugin configuration.</param>
    /// <returns>True when psremotingdsc must not change the endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static bool IsProtected(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return IsProtected(configuration.Name, configuration.Filename);
    }

    /// <summary>Throws when the endpoint is Windows PowerShell's.</summary>
    /// <param name="name">The endpoint name.</param>
    /// <param name="filename">Its current <c>Filename</c>, when it exists; null otherwise.</param>
    /// <param name="change">What was asked, for the message: "remove", "update".</param>
    /// <exception cref="PSRemotingDscException">EndpointProtected (<see cref="ExitCode.EndpointProtected"/>).</exception>
    public static void ThrowIfProtected(string name, string? filename, string change)
    {
        ArgumentNullException.ThrowIfNull(name);
        string? reason = IsWindowsPowerShellName(name)
            ? $"its name starts with '{WindowsPowerShellNamePrefix}'"
            : IsWindowsPowerShellPlugin(filename) ? $"its plugin is Windows PowerShell's ('{filename}')" : null;
        if (reason is not null)
        {
            throw new PSRemotingDscException(
                ErrorIds.EndpointProtected,
                $"Cannot {change} endpoint '{name}': it belongs to Windows PowerShell ({reason}), and psremotingdsc never changes Windows PowerShell endpoints. Choose another name, e.g. 'PowerShell.7', or manage it from Windows PowerShell with Set-PSSessionConfiguration.");
        }
    }

    /// <inheritdoc cref="ThrowIfProtected(string, string?, string)"/>
    public static void ThrowIfProtected(PluginConfiguration configuration, string change)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ThrowIfProtected(configuration.Name, configuration.Filename, change);
    }
}
