using System.Runtime.Versioning;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// The Windows parts the WSMan transport works through. On Windows the real registry/WSMan/service adapters; in
/// tests (on any OS) a <see cref="DirectoryPluginStore"/> and a <see cref="WinRMHostSnapshot"/> under a temporary
/// Windows directory, so a whole machine image can be planned with real files.
/// </summary>
public sealed class WSManEnvironment
{
    /// <summary>Reads and writes the plugin registrations.</summary>
    public required IWSManPluginStore Store { get; init; }

    /// <summary>The WinRM service: its state, listeners and restart.</summary>
    public required IWinRMHost Host { get; init; }

    /// <summary>Whether this process may change plugins.</summary>
    public required IElevation Elevation { get; init; }

    /// <summary>Whether this process runs inside a WinRM session, which a restart or a replaced endpoint would cut.</summary>
    public required IRemotingSessionContext Session { get; init; }

    /// <summary>The Windows directory (<c>%windir%</c>) the plugin folders live under.</summary>
    public required string WindowsDirectory { get; init; }

    /// <summary>Checks that non-admin users can use a plugin config file.</summary>
    public IPluginFileAccess FileAccess { get; init; } = new NotApplicablePluginFileAccess();

    /// <summary>
    /// Translates the RoleDefinitions names of a session configuration file to SIDs (NTAccount.Translate on Windows); where
    /// none is available, a file with RoleDefinitions needs a declared <c>securityDescriptorSddl</c>.
    /// </summary>
    public IAccountTranslator Accounts { get; init; } = UnavailableAccountTranslator.Instance;

    /// <summary>Opens loopback sessions for <c>verifyConnection</c>; null where nothing can be connected to (a machine image).</summary>
    public IConnectionProbe? ConnectionProbe { get; init; } = new PowerShellConnectionProbe();

    /// <summary>The Windows version, for the preconditions that depend on it (UCRT before Windows 10).</summary>
    public Version OSVersion { get; init; } = Environment.OSVersion.Version;

    /// <summary>How long stopping and starting WinRM may take.</summary>
    public TimeSpan RestartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a <c>verifyConnection</c> loopback session may take.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Set to the root of a Windows machine image (a folder holding <c>Windows\</c> and the plugin registry laid out
    /// as files, see <see cref="DirectoryPluginStore"/>) to plan and apply WSMan endpoints against that image
    /// instead of this machine, on any OS. Used by the tests and to audit an offline image.
    /// </summary>
    public const string ImageRootVariable = "PSREMOTINGDSC_WSMAN_IMAGE";

    /// <summary>The environment for a machine image under <paramref name="root"/>: a running WinRM with an HTTP listener, an elevated caller.</summary>
    /// <param name="root">The image's root folder.</param>
    /// <param name="accounts">Translates account names to SIDs for the image; by default none can be translated.</param>
    public static WSManEnvironment ForImage(string root, IAccountTranslator? accounts = null) => new()
    {
        Accounts = accounts ?? UnavailableAccountTranslator.Instance,
        Store = new DirectoryPluginStore(root),
        Host = new WinRMHostSnapshot(),
        Elevation = new FixedElevation(true),
        Session = FixedSessionContext.Outside,
        ConnectionProbe = null,
        WindowsDirectory = Path.Combine(root, "Windows"),
        OSVersion = new Version(10, 0, 20348),
    };

    /// <summary>This machine on Windows, the image named by <see cref="ImageRootVariable"/> if set, else null (no WSMan here).</summary>
    public static WSManEnvironment? CreateDefault() =>
        Environment.GetEnvironmentVariable(ImageRootVariable) is { Length: > 0 } root ? ForImage(root)
        : OperatingSystem.IsWindows() ? CreateForWindows()
        : null;

    /// <summary>
    /// This machine. Plugins are written through the WSMan configuration API (winrm.vbs over the WSMan.Automation
    /// session, the path PowerShell's cmdlets take, so WinRM picks most changes up without a restart); where that
    /// script is missing (Server Core images without it), through the registry, which then needs a WinRM restart.
    /// </summary>
    [SupportedOSPlatform("windows")]
    public static WSManEnvironment CreateForWindows() => new()
    {
        Store = File.Exists(Path.Combine(Environment.SystemDirectory, "winrm.vbs")) && File.Exists(Path.Combine(Environment.SystemDirectory, "cscript.exe"))
            ? new WSManConfigPluginStore()
            : new RegistryPluginStore(),
        Host = new WindowsWinRMHost(),
        Elevation = new ProcessElevation(),
        Session = new ProcessSessionContext(),
        WindowsDirectory = PluginDirectory.DefaultWindowsDirectory,
        FileAccess = new WindowsPluginFileAccess(),
        Accounts = new WindowsAccountTranslator(),
    };
}
