using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Resource;

/// <summary>The operating-system ports the resource works through; tests replace what the OS cannot give them.</summary>
public sealed class ResourceEnvironment
{
    public required IInstallationSource Installations { get; init; }

    public required ITraceSink Trace { get; init; }

    public Func<string?> FindSshd { get; init; } = SshdLocator.FindSshd;

    public ISshdControl SshdControl { get; init; } = new SshdServiceControl();

    public bool IsWindows { get; init; } = OperatingSystem.IsWindows();

    public IShortPathResolver? ShortPaths { get; init; }

    public TimeSpan ReloadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string DefaultSshdConfigPath { get; init; } = SshdLocator.DefaultConfigPath;

    /// <summary>How long a set or delete waits for another process's lock on the same configuration file.</summary>
    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>The environment variable that sets <see cref="LockTimeout"/> in seconds.</summary>
    public const string LockTimeoutVariable = "PSREMOTINGDSC_LOCK_TIMEOUT";

    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The WSMan parts; null where WSMan endpoints do not exist (Linux, macOS).</summary>
    public WSManEnvironment? WSMan { get; init; }

    public static ResourceEnvironment CreateDefault(ITraceSink trace) => new()
    {
        Installations = new CachedInstallationSource(new InstallationDiscovery()),
        Trace = trace,
        ShortPaths = OperatingSystem.IsWindows() ? new WindowsShortPathResolver() : null,
        WSMan = WSManEnvironment.CreateDefault(),
        LockTimeout = LockTimeoutFrom(Environment.GetEnvironmentVariable(LockTimeoutVariable)),
    };

    /// <summary>Seconds from <see cref="LockTimeoutVariable"/> (0 to 3600); the default when unset or not a number.</summary>
    public static TimeSpan LockTimeoutFrom(string? seconds) =>
        double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value is >= 0 and <= 3600
            ? TimeSpan.FromSeconds(value)
            : DefaultLockTimeout;
}
