using System.Runtime.Versioning;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The Windows parts the WSMan transport works through. On Windows the real registry/WSMan/service adapters; in
/// tests (on any OS) a <see cref="DirectoryPluginStore"/> and a <see cref="WinRMHostSnapshot"/> under a temporary
/// Windows directory, so a whole machine image can be planned with real files.
/// </summary>
public sealed class WSManEnvironment
{
    public required IWSManPluginStore Store { get; init; }

    public required IWinRMHost Host { get; init; }

    public required IElevation Elevation { get; init; }

    public required IRemotingSessionContext Session { get; init; }

    /// <summary>The Windows directory (<c>%windir%</c>) the plugin folders live under.</summary>
    public required string WindowsDirectory { get; init; }

    public IPluginFileAccess FileAccess { get; init; } = new NotApplicablePluginFileAccess();

    public IConnectionProbe ConnectionProbe { get; init; } = new PowerShellConnectionProbe();

    public Version OSVersion { get; init; } = Environment.OSVersion.Version;

    public TimeSpan RestartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    [SupportedOSPlatform("windows")]
    public static WSManEnvironment CreateForWindows() => new()
    {
        Store = new WSManConfigPluginStore(),
        Host = new WindowsWinRMHost(),
        Elevation = new ProcessElevation(),
        Session = new ProcessSessionContext(),
        WindowsDirectory = PluginDirectory.DefaultWindowsDirectory,
        FileAccess = new WindowsPluginFileAccess(),
    };
}
