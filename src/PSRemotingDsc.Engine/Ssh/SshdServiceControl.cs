using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// Reloads the real sshd. Linux/macOS: finds it by its pid file, then either <c>systemctl reload</c> (the
/// system sshd under systemd) or SIGHUP, and waits (bounded) until sshd has re-executed with the new file.
/// Windows: restarts the <c>sshd</c> service with <c>sc.exe</c> (Windows sshd has no SIGHUP); that path
/// cannot be tested on the Linux build machines.
/// </summary>
public sealed class SshdServiceControl : ISshdControl
{
    /// <summary>The configuration file the system sshd reads when started without <c>-f</c>.</summary>
    public const string SystemConfigPath = "/etc/ssh/sshd_config";

    /// <summary>Where sshd writes its pid by default, most likely first.</summary>
    public static readonly IReadOnlyList<string> DefaultPidFiles = ["/run/sshd.pid", "/var/run/sshd.pid"];

    private const string WindowsServiceName = "sshd";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    // sc.exe by bare name, found on PATH, as this control has always run it.
    private static readonly WindowsServiceControl WindowsServices = new("sc.exe", BoundedProcess.Run);

    /// <inheritdoc />
    /// <exception cref="PSRemotingDscException">
    /// <see cref="ExitCode.RestartTimedOut"/> when sshd did not finish reloading within <paramref name="timeout"/>;
    /// <see cref="ExitCode.UnexpectedError"/> when sshd exited after the reload or the reload command failed;
    /// <see cref="ExitCode.PermissionDenied"/> when the signal was refused.
    /// </exception>
    public SshdReloadResult Reload(string configPath, string? pidFile, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        string notRunning = $"no sshd is running for {configPath}; nothing to reload";
        if (OperatingSystem.IsWindows())
        {
            // The service reads %ProgramData%\ssh\sshd_config; restarting it for another file would only disturb it.
            string serviceConfig = SshdLocator.DefaultConfigPath;
            return PathIdentity.SameFullPath(configPath, serviceConfig)
                ? RestartWindowsService(timeout, notRunning)
                : new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (the sshd service reads {serviceConfig})", null);
        }

        string? pidPath = pidFile ?? DefaultPidFiles.FirstOrDefault(File.Exists);
        if (pidPath is null || !File.Exists(pidPath))
        {
            return new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (pid file {pidPath ?? string.Join(" or ", DefaultPidFiles)} not found)", null);
        }

        int? pid = ReadPid(pidPath);
        if (pid is null)
        {
            return new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (pid file {pidPath} holds no process id)", null);
        }

        if (!IsAlive(pid.Value) || !LooksLikeSshd(pid.Value))
        {
            return new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (process {pid} from {pidPath} is not a running sshd)", null);
        }

        string? configInUse = ConfigFileOf(pid.Value);
        if (configInUse is not null && !PathIdentity.SameFullPath(configInUse, configPath))
        {
            return new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (the sshd with pid {pid} from {pidPath} reads {configInUse})", null);
        }

        var clock = Stopwatch.StartNew();
        DateTime pidFileWritten = File.GetLastWriteTimeUtc(pidPath);
        string? unit = IsSystemConfig(configPath) ? ActiveSystemdUnit(timeout) : null;
        string how;
        if (unit is not null)
        {
            ReloadSystemdUnit(unit, Remaining(clock, timeout), timeout);
            how = $"systemctl reload {unit}.service";
        }
        else
        {
            int errno = UnixNative.Kill(pid.Value, UnixNative.SigHup);
            if (errno == UnixNative.ESrch)
            {
                return new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (process {pid} exited)", null);
            }

            if (errno != 0)
            {
                throw new PSRemotingDscException(
                    errno == UnixNative.EPerm ? ErrorIds.SshdReloadDenied : ErrorIds.SshdReloadFailed,
                    $"Could not send SIGHUP to sshd (pid {pid}): errno {errno}. The configuration was written; reload sshd as root.");
            }

            how = "SIGHUP";
        }

        WaitForReexec(configPath, pidPath, pid.Value, pidFileWritten, clock, timeout);
        return new SshdReloadResult(SshdReloadOutcome.Reloaded, $"sshd (pid {pid}) reloaded {configPath} ({how})", pid);
    }

    /// <summary>True when <paramref name="pid"/> exists and is not a zombie.</summary>
    internal static bool IsAlive(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        int errno = UnixNative.Kill(pid, 0);
        if (errno != 0 && errno != UnixNative.EPerm)
        {
            return false;
        }

        // A dead child that nobody reaped yet still answers kill(0); /proc knows better.
        string? stat = TryReadAllText($"/proc/{pid}/stat");
        if (stat is not null)
        {
            int close = stat.LastIndexOf(')');
            if (close >= 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The configuration file a running sshd reads: its <c>-f</c> argument, else the compiled-in default.
    /// Null where /proc cannot tell (macOS): then the pid file is trusted.
    /// </summary>
    internal static string? ConfigFileOf(int pid)
    {
        string? cmdline = TryReadAllText($"/proc/{pid}/cmdline");
        if (cmdline is null)
        {
            return null;
        }

        // sshd rewrites its title (setproctitle): "sshd: /usr/sbin/sshd -D -f /path [listener] ...", one string.
        string[] arguments = cmdline.Split(['\0', ' '], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < arguments.Length; i++)
        {
            string? path = arguments[i] == "-f" && i + 1 < arguments.Length ? arguments[i + 1]
                : arguments[i].StartsWith("-f", StringComparison.Ordinal) && arguments[i].Length > 2 ? arguments[i][2..]
                : null;
            if (path is not null)
            {
                return Path.IsPathRooted(path) ? path : Path.Combine(TryResolveLink($"/proc/{pid}/cwd") ?? "/", path);
            }
        }

        return SystemConfigPath;
    }

    private static string? TryResolveLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool LooksLikeSshd(int pid)
    {
        string? comm = TryReadAllText($"/proc/{pid}/comm");
        return comm is null || comm.Trim().StartsWith("sshd", StringComparison.Ordinal);
    }

    /// <summary>
    /// sshd re-executes itself on SIGHUP (same pid) and rewrites its pid file once it listens again; a config it
    /// rejects makes it exit instead. Waits for either, at most until <paramref name="timeout"/> has passed on <paramref name="clock"/>.
    /// </summary>
    private static void WaitForReexec(string configPath, string pidPath, int pid, DateTime pidFileWritten, Stopwatch clock, TimeSpan timeout)
    {
        while (true)
        {
            if (!IsAlive(pid))
            {
                throw ExitedAfterReload(configPath, pid);
            }

            if (File.Exists(pidPath) && File.GetLastWriteTimeUtc(pidPath) != pidFileWritten && ReadPid(pidPath) == pid)
            {
                return;
            }

            if (clock.Elapsed >= timeout)
            {
                throw TimedOut($"sshd (pid {pid}) did not finish reloading {configPath}", timeout);
            }

            Thread.Sleep(PollInterval);
        }
    }

    private static TimeSpan Remaining(Stopwatch clock, TimeSpan timeout)
        => timeout - clock.Elapsed > TimeSpan.Zero ? timeout - clock.Elapsed : TimeSpan.FromMilliseconds(1);

    private static string? ActiveSystemdUnit(TimeSpan timeout)
    {
        if (!Directory.Exists("/run/systemd/system"))
        {
            return null;
        }

        foreach (string unit in (string[])["ssh", "sshd"])
        {
            try
            {
                BoundedProcess.Outcome outcome = BoundedProcess.Run(SystemTools.Systemctl, ["is-active", "--quiet", $"{unit}.service"], timeout);
                if (!outcome.TimedOut && outcome.ExitCode == 0)
                {
                    return unit;
                }
            }
            catch (Win32Exception)
            {
                return null; // no systemctl on PATH: not managed by systemd after all
            }
        }

        return null;
    }

    private static void ReloadSystemdUnit(string unit, TimeSpan bound, TimeSpan timeout)
    {
        BoundedProcess.Outcome outcome = BoundedProcess.Run(SystemTools.Systemctl, ["reload", $"{unit}.service"], bound);
        if (outcome.TimedOut)
        {
            throw TimedOut($"'systemctl reload {unit}.service' did not finish", timeout);
        }

        if (outcome.ExitCode != 0)
        {
            throw new PSRemotingDscException(
                ErrorIds.SshdReloadFailed,
                $"'systemctl reload {unit}.service' failed (exit {outcome.ExitCode}): {outcome.StandardError.Trim()} The configuration was written; check 'systemctl status {unit}' and 'sshd -t'.");
        }
    }

    [SupportedOSPlatform("windows")]
    private static SshdReloadResult RestartWindowsService(TimeSpan timeout, string notRunning)
    {
        var clock = Stopwatch.StartNew();
        (int? state, int? pid) = WindowsServices.QueryEx(WindowsServiceName, Remaining(clock, timeout));
        if (state is null or ServiceControlOutput.Stopped)
        {
            return new SshdReloadResult(SshdReloadOutcome.NotRunning, $"{notRunning} (the sshd service is not running)", null);
        }

        RunScOrThrow(["stop", WindowsServiceName], Remaining(clock, timeout), timeout);
        WaitForWindowsState(ServiceControlOutput.Stopped, clock, timeout);
        RunScOrThrow(["start", WindowsServiceName], Remaining(clock, timeout), timeout);
        pid = WaitForWindowsState(ServiceControlOutput.Running, clock, timeout);
        return new SshdReloadResult(SshdReloadOutcome.Reloaded, "the sshd service was restarted", pid);
    }

    [SupportedOSPlatform("windows")]
    private static int? WaitForWindowsState(int wanted, Stopwatch clock, TimeSpan timeout)
    {
        while (true)
        {
            (int? state, int? pid) = WindowsServices.QueryEx(WindowsServiceName, TimeSpan.FromSeconds(5));
            if (state == wanted)
            {
                return pid;
            }

            if (clock.Elapsed >= timeout)
            {
                throw TimedOut($"the sshd service did not reach {ServiceControlOutput.StateName(wanted)} (it is {ServiceControlOutput.StateName(state)})", timeout);
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(250));
        }
    }

    [SupportedOSPlatform("windows")]
    private static void RunScOrThrow(string[] arguments, TimeSpan bound, TimeSpan timeout)
    {
        BoundedProcess.Outcome outcome = WindowsServices.Run(bound, arguments);
        if (outcome.TimedOut)
        {
            throw TimedOut($"'sc.exe {string.Join(' ', arguments)}' did not finish", timeout);
        }

        if (outcome.ExitCode != 0)
        {
            throw new PSRemotingDscException(
                ErrorIds.SshdRestartFailed,
                $"'sc.exe {string.Join(' ', arguments)}' failed (exit {outcome.ExitCode}): {outcome.StandardOutput.Trim()} {outcome.StandardError.Trim()} The configuration was written; check the sshd service.");
        }
    }

    private static PSRemotingDscException ExitedAfterReload(string configPath, int pid)
        => new(
            ErrorIds.SshdExitedAfterReload,
            $"sshd (pid {pid}) exited after it was told to reload {configPath}: it no longer accepts connections. Run 'sshd -t -f {configPath}' to see what it rejects, fix or restore the file (the previous one is at {configPath}{SshdConfigWriter.BackupSuffix} when PSRemotingDsc wrote it), then start sshd.");

    private static PSRemotingDscException TimedOut(string what, TimeSpan timeout)
        => new(
            ErrorIds.SshdReloadTimedOut,
            string.Create(CultureInfo.InvariantCulture, $"{what} within {timeout.TotalSeconds:0.###} s. The configuration was written; check that sshd is running and reloads."));

    private static bool IsSystemConfig(string configPath)
        => string.Equals(Path.GetFullPath(configPath), SystemConfigPath, StringComparison.Ordinal);

    private static int? ReadPid(string pidPath)
    {
        string? text = TryReadAllText(pidPath);
        return text is not null && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid > 0
            ? pid
            : null;
    }

    private static string? TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
