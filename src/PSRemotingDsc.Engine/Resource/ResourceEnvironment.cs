using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Resource;

/// <summary>The operating-system ports the resource works through; tests replace what the OS cannot give them.</summary>
public sealed class ResourceEnvironment
{
    /// <summary>Finds the PowerShell installations on the machine.</summary>
    public required IInstallationSource Installations { get; init; }

    /// <summary>Receives progress and diagnostic lines.</summary>
    public required ITraceSink Trace { get; init; }

    /// <summary>The sshd binary that validates a new configuration (<c>sshd -t</c>), or null when none is installed.</summary>
    public Func<string?> FindSshd { get; init; } = SshdLocator.FindSshd;

    /// <summary>Reloads the sshd that reads a configuration file.</summary>
    public ISshdControl SshdControl { get; init; } = new SshdServiceControl();

    /// <summary>Whether the rules of Windows apply (WSMan default, OpenSSH for Windows paths).</summary>
    public bool IsWindows { get; init; } = OperatingSystem.IsWindows();

    /// <summary>Windows: gives the 8.3 short path of a pwsh path with spaces; null elsewhere.</summary>
    public IShortPathResolver? ShortPaths { get; init; }

    /// <summary>How long a reload of sshd may take.</summary>
    public TimeSpan ReloadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The sshd_config used when an instance sets no <c>sshdConfigPath</c>.</summary>
    public string DefaultSshdConfigPath { get; init; } = SshdLocator.DefaultConfigPath;

    /// <summary>How long a set or delete waits for another process's lock on the same configuration file.</summary>
    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>The environment variable that sets <see cref="LockTimeout"/> in seconds.</summary>
    public const string LockTimeoutVariable = "PSREMOTINGDSC_LOCK_TIMEOUT";

    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long an SSH <c>verifyConnection</c> probe may take: <c>sshd -T</c> and the remoting handshake together.</summary>
    public TimeSpan SshVerifyTimeout { get; init; } = SshConnectionProbe.DefaultTimeout;

    /// <summary>The environment variable that sets <see cref="SshVerifyTimeout"/> in seconds.</summary>
    public const string SshVerifyTimeoutVariable = "PSREMOTINGDSC_SSH_VERIFY_TIMEOUT";

    /// <summary>The WSMan parts; null where WSMan endpoints do not exist (Linux, macOS).</summary>
    public WSManEnvironment? WSMan { get; init; }

    /// <summary>This machine: installation discovery, the real sshd and service control, WSMan on Windows (or the image <see cref="WSManEnvironment.ImageRootVariable"/> names), the lock timeout from <see cref="LockTimeoutVariable"/> and the SSH probe's from <see cref="SshVerifyTimeoutVariable"/>.</summary>
    /// <param name="trace">Receives progress and diagnostic lines.</param>
    public static ResourceEnvironment CreateDefault(ITraceSink trace) => new()
    {
        Installations = new CachedInstallationSource(new InstallationDiscovery()),
        Trace = trace,
        ShortPaths = OperatingSystem.IsWindows() ? new WindowsShortPathResolver() : null,
        WSMan = WSManEnvironment.CreateDefault(),
        LockTimeout = LockTimeoutFrom(Environment.GetEnvironmentVariable(LockTimeoutVariable)),
        SshVerifyTimeout = SshVerifyTimeoutFrom(Environment.GetEnvironmentVariable(SshVerifyTimeoutVariable)),
    };

    /// <summary>Seconds from <see cref="LockTimeoutVariable"/> (0 to 3600); the default when unset or not a number.</summary>
    public static TimeSpan LockTimeoutFrom(string? seconds) =>
        double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value is >= 0 and <= 3600
            ? TimeSpan.FromSeconds(value)
            : DefaultLockTimeout;

    /// <summary>Seconds from <see cref="SshVerifyTimeoutVariable"/> (more than 0, at most 600); <see cref="SshConnectionProbe.DefaultTimeout"/> when unset or not such a number.</summary>
    public static TimeSpan SshVerifyTimeoutFrom(string? seconds) =>
        double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value is > 0 and <= 600
            ? TimeSpan.FromSeconds(value)
            : SshConnectionProbe.DefaultTimeout;
}
