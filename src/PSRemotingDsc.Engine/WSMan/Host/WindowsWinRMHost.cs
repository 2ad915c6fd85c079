using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Win32;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// The real WinRM of this Windows machine: service state, hosting, isolation and restart through <c>sc.exe</c>
/// (System.ServiceProcess is not part of the base framework; sc.exe's numeric codes are not localized), the WSMan stack
/// version and the listeners from the registry, the Universal C Runtime from System32.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsWinRMHost : IWinRMHost
{
    /// <summary>The service name of WinRM, as <c>sc.exe</c> takes it.</summary>
    public const string ServiceName = "WinRM";

    /// <summary>The key under HKLM (64-bit view) that holds <c>ServiceStackVersion</c> and the <c>Listener</c> subkeys.</summary>
    public const string WSManKeyPath = @"SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN";

    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxSingleCall = TimeSpan.FromSeconds(30);

    // sc.exe qprivs prints "buffer too small" (error 122) for a long list with its default buffer.
    private const string PrivilegesBufferSize = "8192";

    private readonly WindowsServiceControl _services;
    private readonly string _systemDirectory;
    private readonly TimeSpan _pollInterval;

    /// <summary>The WinRM of this machine, through the <c>sc.exe</c> <see cref="SystemTools.ServiceControl"/> finds.</summary>
    public WindowsWinRMHost()
        : this(Environment.SystemDirectory, DefaultPollInterval, BoundedProcess.Run, SystemTools.ServiceControl)
    {
    }

    internal WindowsWinRMHost(
        string systemDirectory, TimeSpan pollInterval, Func<string, IReadOnlyList<string>, TimeSpan, BoundedProcess.Outcome> run, string? scExe = null)
    {
        _systemDirectory = systemDirectory;
        _pollInterval = pollInterval;
        _services = new WindowsServiceControl(scExe ?? Path.Join(systemDirectory, "sc.exe"), run);
    }

    private string ScExe => _services.Executable;

    /// <summary>True: this is a real service.</summary>
    public bool CanRestart => true;

    /// <inheritdoc />
    public string Description => "this machine";

    /// <inheritdoc />
    /// <remarks>Runs <c>sc.exe query</c> and <c>sc.exe qc</c>, each bounded to 30 seconds.</remarks>
    public WinRMServiceState GetServiceState()
    {
        BoundedProcess.Outcome query = Sc(MaxSingleCall, "query", ServiceName);
        if (query.ExitCode == ServiceControlOutput.ServiceDoesNotExist)
        {
            return WinRMServiceState.NotInstalled;
        }

        int? state = ServiceControlOutput.ParseState(query.StandardOutput);
        if (state is null)
        {
            throw Unavailable($"'sc.exe query {ServiceName}' printed no service state (exit code {query.ExitCode}): {query.StandardOutput.Trim()} {query.StandardError.Trim()}");
        }

        BoundedProcess.Outcome config = Sc(MaxSingleCall, "qc", ServiceName);
        return new WinRMServiceState(true, state == ServiceControlOutput.Running, ServiceControlOutput.ParseStartType(config.StandardOutput));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs <c>sc.exe qc</c> (TYPE, SERVICE_START_NAME) and <c>sc.exe qprivs</c> with an 8 KiB buffer (PRIVILEGES),
    /// each bounded to 30 seconds, and reads them with <see cref="WinRMServiceHosting.Parse"/>.
    /// </remarks>
    public WinRMServiceHosting? GetServiceHosting()
    {
        BoundedProcess.Outcome config = Sc(MaxSingleCall, "qc", ServiceName);
        if (config.ExitCode == ServiceControlOutput.ServiceDoesNotExist)
        {
            return null;
        }

        if (config.ExitCode != 0 || config.TimedOut)
        {
            throw Unavailable($"'sc.exe qc {ServiceName}' failed (exit code {config.ExitCode}{(config.TimedOut ? ", timed out" : "")}): {config.StandardOutput.Trim()} {config.StandardError.Trim()}");
        }

        BoundedProcess.Outcome privileges = Sc(MaxSingleCall, "qprivs", ServiceName, PrivilegesBufferSize);
        if (privileges.ExitCode != 0 || privileges.TimedOut)
        {
            throw Unavailable($"'sc.exe qprivs {ServiceName}' failed (exit code {privileges.ExitCode}{(privileges.TimedOut ? ", timed out" : "")}): {privileges.StandardOutput.Trim()} {privileges.StandardError.Trim()}");
        }

        return WinRMServiceHosting.Parse(config.StandardOutput, privileges.StandardOutput)
            ?? throw Unavailable($"'sc.exe qc {ServiceName}' printed no service TYPE: {config.StandardOutput.Trim()}");
    }

    /// <inheritdoc />
    /// <remarks>
    /// PowerShell runs <c>sc.exe config winrm type= own</c> and then, for a virtual account, adds <c>SeTcbPrivilege</c> to
    /// the <c>RequiredPrivileges</c> registry value and writes <c>ObjectName = LocalSystem</c>
    /// (CustomShellCommands.cs 1301–1313). This makes the same changes through the service control manager rather than
    /// behind its back: <c>sc.exe config WinRM type= own obj= LocalSystem</c>, then, when the required privileges are set
    /// and lack it, <c>sc.exe privs WinRM</c> with the same list plus <c>SeTcbPrivilege</c> (sc.exe privs replaces the
    /// whole list). Nothing is run for a part that is already as wanted.
    /// </remarks>
    public void IsolateForVirtualAccounts()
    {
        WinRMServiceHosting hosting = GetServiceHosting()
            ?? throw Unavailable($"The {ServiceName} service is not installed; it cannot be moved into its own service host.");
        if (!hosting.OwnProcess || !hosting.RunsAsLocalSystem)
        {
            BoundedProcess.Outcome config = Sc(MaxSingleCall, "config", ServiceName, "type=", "own", "obj=", WinRMServiceHosting.LocalSystem);
            if (config.ExitCode != 0 || config.TimedOut)
            {
                throw new PSRemotingDscException(
                    ErrorIds.WinRMIsolationFailed,
                    $"'sc.exe config {ServiceName} type= own obj= {WinRMServiceHosting.LocalSystem}' failed (exit code {config.ExitCode}{(config.TimedOut ? ", timed out" : "")}): {config.StandardOutput.Trim()} Nothing was changed; WinRM {hosting.Describe()}.");
            }
        }

        // With no required privileges set, the service keeps LocalSystem's whole token, SeTcbPrivilege included.
        if (hosting.RequiredPrivileges.Count > 0 && !hosting.RequiredPrivileges.Contains(WinRMServiceHosting.TcbPrivilege, StringComparer.OrdinalIgnoreCase))
        {
            string list = string.Join('/', hosting.Isolated().RequiredPrivileges);
            BoundedProcess.Outcome privs = Sc(MaxSingleCall, "privs", ServiceName, list);
            if (privs.ExitCode != 0 || privs.TimedOut)
            {
                throw new PSRemotingDscException(
                    ErrorIds.WinRMIsolationFailed,
                    $"'sc.exe privs {ServiceName} {list}' failed (exit code {privs.ExitCode}{(privs.TimedOut ? ", timed out" : "")}): {privs.StandardOutput.Trim()} WinRM is set to run in its own service host as {WinRMServiceHosting.LocalSystem}, but without {WinRMServiceHosting.TcbPrivilege}; run 'sc.exe privs {ServiceName} {list}' as Administrator.");
            }
        }
    }

    /// <inheritdoc />
    public Version? GetServiceStackVersion()
    {
        using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        using RegistryKey? wsman = hive.OpenSubKey(WSManKeyPath);
        return wsman?.GetValue("ServiceStackVersion") is string text && Version.TryParse(text, out Version? version) ? version : null;
    }

    /// <inheritdoc />
    /// <remarks>Read from the names of the <c>Listener</c> subkeys under <see cref="WSManKeyPath"/>.</remarks>
    public WSManListenerPresence GetListeners()
    {
        using RegistryKey hive = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64);
        using RegistryKey? listeners = hive.OpenSubKey(WSManKeyPath + @"\Listener");
        return ListenerKeyNames.Classify(listeners?.GetSubKeyNames() ?? []);
    }

    /// <inheritdoc />
    public bool IsUniversalCRuntimePresent() => File.Exists(Path.Join(_systemDirectory, "ucrtbase.dll"));

    /// <inheritdoc />
    /// <remarks>
    /// A service already stopped is only started. The state is polled every 500 ms; each <c>sc.exe</c> call is
    /// bounded by what is left of <paramref name="timeout"/>, at least 1 and at most 30 seconds.
    /// </remarks>
    public void Restart(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        int? state = QueryState(Remaining(timeout, clock));
        if (state is null)
        {
            throw Unavailable($"The {ServiceName} service is not installed; there is nothing to restart.");
        }

        if (state != ServiceControlOutput.Stopped)
        {
            BoundedProcess.Outcome stop = Sc(Remaining(timeout, clock), "stop", ServiceName);
            if (stop.ExitCode is not 0 and not ServiceControlOutput.ServiceNotActive && !stop.TimedOut)
            {
                throw new PSRemotingDscException(
                    ErrorIds.WinRMStopFailed,
                    $"'sc.exe stop {ServiceName}' failed with exit code {stop.ExitCode}: {stop.StandardOutput.Trim()} Nothing else was changed; WinRM is still in state {ServiceControlOutput.StateName(state)}.");
            }

            state = WaitFor(ServiceControlOutput.Stopped, timeout, clock, state);
            if (state != ServiceControlOutput.Stopped)
            {
                throw new PSRemotingDscException(
                    ErrorIds.WinRMRestartTimedOut,
                    $"WinRM did not stop within {timeout.TotalSeconds:0} s (last state {ServiceControlOutput.StateName(state)}). Run 'sc.exe queryex {ServiceName}' to see it; if it stays in STOP_PENDING, ending the svchost process whose PID that shows is the last resort, then 'Start-Service {ServiceName}'.");
            }
        }

        BoundedProcess.Outcome start = Sc(Remaining(timeout, clock), "start", ServiceName);
        if (start.ExitCode is not 0 and not ServiceControlOutput.ServiceAlreadyRunning && !start.TimedOut)
        {
            throw new PSRemotingDscException(
                ErrorIds.WinRMStartFailed,
                $"WinRM was stopped but 'sc.exe start {ServiceName}' failed with exit code {start.ExitCode}: {start.StandardOutput.Trim()} Remoting is down until it runs: 'Start-Service {ServiceName}'.");
        }

        state = WaitFor(ServiceControlOutput.Running, timeout, clock, ServiceControlOutput.StartPending);
        if (state != ServiceControlOutput.Running)
        {
            throw new PSRemotingDscException(
                ErrorIds.WinRMRestartTimedOut,
                $"WinRM did not start again within {timeout.TotalSeconds:0} s (last state {ServiceControlOutput.StateName(state)}). Remoting is down until it runs: 'Start-Service {ServiceName}', then 'Get-Service {ServiceName}'.");
        }
    }

    private int? WaitFor(int wanted, TimeSpan timeout, Stopwatch clock, int? last)
    {
        while (true)
        {
            TimeSpan remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return last;
            }

            int? state = QueryState(Clamp(remaining));
            last = state ?? last;
            if (state == wanted)
            {
                return state;
            }

            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return last;
            }

            Thread.Sleep(left < _pollInterval ? left : _pollInterval);
        }
    }

    private int? QueryState(TimeSpan bound)
    {
        BoundedProcess.Outcome query = Sc(bound, "query", ServiceName);
        return query.ExitCode == ServiceControlOutput.ServiceDoesNotExist ? null : ServiceControlOutput.ParseState(query.StandardOutput);
    }

    private static TimeSpan Remaining(TimeSpan timeout, Stopwatch clock) => Clamp(timeout - clock.Elapsed);

    private static TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : value > MaxSingleCall ? MaxSingleCall : value;

    private BoundedProcess.Outcome Sc(TimeSpan bound, params string[] arguments)
    {
        try
        {
            return _services.Run(bound, arguments);
        }
        catch (Win32Exception ex)
        {
            throw Unavailable($"'{ScExe}' did not start: {ex.Message}", ex);
        }
    }

    private static PSRemotingDscException Unavailable(string message, Exception? inner = null) =>
        new(ErrorIds.WSManUnavailable, message, inner);

    /// <summary>For messages and tests.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"WinRM via {ScExe}");
}
