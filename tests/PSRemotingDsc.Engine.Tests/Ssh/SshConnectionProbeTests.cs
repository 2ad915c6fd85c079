using System.Diagnostics;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

/// <summary>
/// The SSH verifyConnection probe against endpoints that work and endpoints broken in different ways: the pinned pwsh
/// (the good case), a "pwsh" that exits 1, one that prints something that is not remoting, one that hangs, and an sshd
/// whose effective configuration runs another command than the line the resource read.
/// </summary>
public sealed class SshConnectionProbeTests : IDisposable
{
    private const string Name = "powershell-probe";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void ThePinnedPwsh_OpensARunspacePool_AndReportsItsVersion()
    {
        RequireUnix();
        Skip.If(RealPowerShell.Executable is null, RealPowerShell.MissingReason);

        SshConnectionProbeResult result = Probe(NoSshd, PwshServer(RealPowerShell.Executable!), TimeSpan.FromSeconds(60));

        Assert.True(result.Connected, result.Failure);
        Assert.Null(result.Failure);
        Assert.Equal(RealPowerShell.Version, result.RemoteVersion);
    }

    [SkippableFact]
    public void ThePinnedPwsh_ThroughTheRealSshdsEffectiveConfiguration_Connects()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        Skip.If(RealPowerShell.Executable is null, RealPowerShell.MissingReason);
        SubsystemCommandLine command = PwshServer(RealPowerShell.Executable!);
        string config = WriteConfig(sshd: true, $"Subsystem {Name} {command.Render()}");

        SshConnectionProbeResult result = new SshConnectionProbe(() => sshd, TimeSpan.FromSeconds(60)).Probe(config, Name, command);

        Assert.True(result.Connected, result.Failure);
    }

    [SkippableFact]
    public void ThePinnedPwsh_WithASessionConfigurationFileThatIsMissing_DoesNotOpenARunspacePool()
    {
        RequireUnix();
        Skip.If(RealPowerShell.Executable is null, RealPowerShell.MissingReason);
        SubsystemCommandLine command = SubsystemCommandLine.ForPowerShell(RealPowerShell.Executable!, ["-ConfigurationFile", _dir.Combine("missing.pssc")]);

        SshConnectionProbeResult result = Probe(NoSshd, command, TimeSpan.FromSeconds(60));

        // pwsh -sshs writes its transport error to stdout with a prefix; the probe reports the message.
        Assert.False(result.Connected);
        Assert.StartsWith("the PowerShell server reported an error (after the runspace pool was requested): ", result.Failure, StringComparison.Ordinal);
        Assert.Contains("missing.pssc", result.Failure, StringComparison.Ordinal);
        Assert.DoesNotContain("__NamedPipeError__", result.Failure, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AnExecutableThatExits1_IsReportedWithItsExitCodeAndFirstStderrLine()
    {
        RequireUnix();
        string pwsh = Script("exit1", "echo 'pwsh: the configuration file is damaged' >&2\necho 'second line' >&2\nexit 1");

        SshConnectionProbeResult result = Probe(NoSshd, PwshServer(pwsh), TimeSpan.FromSeconds(10));

        Assert.False(result.Connected);
        Assert.Contains("exited with code 1", result.Failure, StringComparison.Ordinal);
        Assert.Contains("pwsh: the configuration file is damaged", result.Failure, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", result.Failure, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AMissingExecutable_IsReportedWithTheShellsMessage()
    {
        RequireUnix();

        SshConnectionProbeResult result = Probe(NoSshd, PwshServer(_dir.Combine("no-such", "pwsh")), TimeSpan.FromSeconds(10));

        Assert.False(result.Connected);
        Assert.Contains("exited with code 127", result.Failure, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AnExecutableThatPrintsGarbage_IsNotPowerShellRemoting()
    {
        RequireUnix();
        string pwsh = Script("garbage", "echo 'Welcome to the machine!'\nsleep 30");

        var clock = Stopwatch.StartNew();
        SshConnectionProbeResult result = Probe(NoSshd, PwshServer(pwsh), TimeSpan.FromSeconds(20));

        Assert.False(result.Connected);
        Assert.Contains("not PowerShell remoting", result.Failure, StringComparison.Ordinal);
        Assert.Contains("'Welcome to the machine!'", result.Failure, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The probe waited {clock.Elapsed} for a process that had already answered wrongly.");
    }

    [SkippableFact]
    public void AnExecutableThatHangs_TimesOut_AndItsProcessTreeIsKilled()
    {
        RequireUnix();
        string pids = _dir.Combine("pids");
        string pwsh = Script("hang", $"sleep 600 &\necho $$ $! > {pids}\nwait");

        var clock = Stopwatch.StartNew();
        SshConnectionProbeResult result = Probe(NoSshd, PwshServer(pwsh), TimeSpan.FromSeconds(2));

        Assert.False(result.Connected);
        Assert.Contains("no runspace pool opened within 2 s", result.Failure, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"The probe took {clock.Elapsed} with a 2 s timeout.");
        int[] started = [.. File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
        Assert.Equal(2, started.Length);
        Assert.All(started, pid => Assert.True(SshdTestEnvironment.WaitUntil(() => !IsAlive(pid), TimeSpan.FromSeconds(5)), $"Process {pid} is still running."));
    }

    [SkippableFact]
    public void AnEffectiveConfigurationThatRunsAnotherCommand_IsReported_AndNothingIsStarted()
    {
        RequireUnix();
        string marker = _dir.Combine("started");
        string pwsh = Script("pwsh", $"touch {marker}\nexit 1");
        // What sshd -T prints when a Match block replaces the Subsystem (OpenSSH 9.5+, servconf.c servconf_merge_subsystems).
        string sshd = Script("sshd", $"echo 'port 22'\necho 'subsystem sftp internal-sftp'\necho 'subsystem {Name} /usr/bin/false -sshs'\necho 'subsystem {Name} ignored'");
        string config = WriteConfig(sshd: false, $"Subsystem {Name} {pwsh} -sshs -NoLogo -NoProfile");

        SshConnectionProbeResult result = new SshConnectionProbe(() => sshd, TimeSpan.FromSeconds(10)).Probe(config, Name, PwshServer(pwsh));

        Assert.False(result.Connected);
        Assert.Equal(new SubsystemCommandLine("/usr/bin/false", ["-sshs"]), result.EffectiveCommand);
        Assert.Contains("runs '/usr/bin/false -sshs', not '", result.Failure, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "The probe started the observed command although sshd would not run it.");
    }

    [SkippableFact]
    public void ARealSshd_WithASubsystemInAMatchBlock_NeverConnectsToTheGlobalLine()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        Skip.If(RealPowerShell.Executable is null, RealPowerShell.MissingReason);
        SubsystemCommandLine command = PwshServer(RealPowerShell.Executable!);
        string config = WriteConfig(sshd: true, $"Subsystem {Name} {command.Render()}", "Match User *", $"  Subsystem {Name} /usr/bin/false");

        SshConnectionProbeResult result = new SshConnectionProbe(() => sshd, TimeSpan.FromSeconds(30)).Probe(config, Name, command);

        // OpenSSH before 9.5 refuses Subsystem inside Match (sshd -T fails); 9.5 and later let it replace the global line.
        Assert.False(result.Connected);
        Assert.True(result.EffectiveCommand is not null || result.Failure!.Contains("not allowed within a Match block", StringComparison.Ordinal), result.Failure);
    }

    [SkippableFact]
    public void AConfigurationSshdRejects_IsReportedWithSshdsMessage()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string config = WriteConfig(sshd: true, $"Subsystem {Name} /usr/bin/pwsh -sshs", "Frobnicate yes");

        SshConnectionProbeResult result = new SshConnectionProbe(() => sshd, TimeSpan.FromSeconds(30)).Probe(config, Name, PwshServer("/usr/bin/pwsh"));

        Assert.False(result.Connected);
        Assert.Contains("rejected the configuration", result.Failure, StringComparison.Ordinal);
        Assert.Contains("Bad configuration option: Frobnicate", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSubsystems_ReadsSshdTOutput_FirstOfANameWins()
    {
        Dictionary<string, string> subsystems = SshConnectionProbe.ParseSubsystems(
            "port 22\nsubsystem sftp /usr/lib/openssh/sftp-server -l INFO\r\nsubsystem powershell-7 /opt/microsoft/powershell/7/pwsh -sshs -NoLogo\nsubsystem powershell-7 later\nsubsystemx nope\n");

        Assert.Equal("/usr/lib/openssh/sftp-server -l INFO", subsystems["sftp"]);
        Assert.Equal("/opt/microsoft/powershell/7/pwsh -sshs -NoLogo", subsystems["powershell-7"]);
        Assert.Equal(2, subsystems.Count);
    }

    private static readonly Func<string?> NoSshd = () => null;

    private static SubsystemCommandLine PwshServer(string pwsh) => SubsystemCommandLine.ForPowerShell(pwsh, []);

    private SshConnectionProbeResult Probe(Func<string?> findSshd, SubsystemCommandLine command, TimeSpan timeout) =>
        new SshConnectionProbe(findSshd, timeout).Probe(WriteConfig(sshd: false, $"Subsystem {Name} {command.Render()}"), Name, command);

    private string WriteConfig(bool sshd, params string[] lines)
    {
        string header = sshd ? SshdTestEnvironment.Config(_dir, SshdTestEnvironment.CreateHostKey(_dir), SshdTestEnvironment.FreeLoopbackPort()) : string.Empty;
        return _dir.WriteFile("sshd_config", header + string.Join('\n', lines) + "\n");
    }

    private string Script(string name, string body)
    {
        string path = _dir.WriteFile(name, "#!/bin/sh\n" + body + "\n");
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void RequireUnix() =>
        Skip.If(OperatingSystem.IsWindows(), "The SSH probe starts the subsystem through the login shell, as OpenSSH on Linux and macOS does; OpenSSH for Windows is not probed.");
}
