using System.Diagnostics;
using System.Globalization;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class SshdServiceControlTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Reload_OfARunningSshd_KeepsItsPid_AndTheNewPortAcceptsConnections()
    {
        string sshdPath = SshdTestEnvironment.RequireSshd();
        using RunningSshd sshd = RunningSshd.Start(sshdPath);
        // Another test's sshd may take a port between the probe and its use: draw again rather than fail on a race.
        int newPort = SshdTestEnvironment.FreeLoopbackPort();
        for (int attempt = 0; attempt < 5 && SshdTestEnvironment.AcceptsConnection(newPort); attempt++)
        {
            newPort = SshdTestEnvironment.FreeLoopbackPort();
        }

        Assert.False(SshdTestEnvironment.AcceptsConnection(newPort));
        new SshdConfigWriter(new SshdBinaryValidator(sshdPath))
            .Write(sshd.ConfigPath, SshdTestEnvironment.Config(sshd.Directory, sshd.HostKey, sshd.Port, newPort));

        SshdReloadResult result = new SshdServiceControl().Reload(sshd.ConfigPath, sshd.PidFile, Bound);

        Assert.Equal(SshdReloadOutcome.Reloaded, result.Outcome);
        Assert.Equal(sshd.ProcessId, result.ProcessId);
        Assert.False(sshd.HasExited, sshd.Log());
        Assert.True(SshdTestEnvironment.WaitUntil(() => SshdTestEnvironment.AcceptsConnection(newPort), Bound), $"port {newPort} after reload");
        Assert.True(SshdTestEnvironment.AcceptsConnection(sshd.Port));
    }

    [SkippableFact]
    public void Reload_ForAnotherConfigFile_LeavesTheSshdBehindThePidFileAlone()
    {
        string sshdPath = SshdTestEnvironment.RequireSshd();
        using RunningSshd sshd = RunningSshd.Start(sshdPath);
        DateTime pidFileWritten = File.GetLastWriteTimeUtc(sshd.PidFile);
        string otherConfig = _dir.Combine("sshd_config");
        File.WriteAllText(otherConfig, "Port 22\n");

        SshdReloadResult result = new SshdServiceControl().Reload(otherConfig, sshd.PidFile, Bound);

        Assert.Equal(SshdReloadOutcome.NotRunning, result.Outcome);
        Assert.Contains($"reads {sshd.ConfigPath}", result.Message, StringComparison.Ordinal);
        Thread.Sleep(200);
        Assert.Equal(pidFileWritten, File.GetLastWriteTimeUtc(sshd.PidFile));
    }

    [SkippableFact]
    public void ConfigFileOf_ARunningSshd_IsItsDashFArgument()
    {
        string sshdPath = SshdTestEnvironment.RequireSshd();
        using RunningSshd sshd = RunningSshd.Start(sshdPath);

        Assert.Equal(sshd.ConfigPath, SshdServiceControl.ConfigFileOf(sshd.ProcessId));
    }

    [SkippableFact]
    public void Reload_WhenSshdRejectsTheNewFile_ReportsThatSshdExited()
    {
        string sshdPath = SshdTestEnvironment.RequireSshd();
        using RunningSshd sshd = RunningSshd.Start(sshdPath);
        // Bypass the writer: this is the file a person broke by hand.
        File.AppendAllText(sshd.ConfigPath, "Frobnicate yes\n");

        var error = Assert.Throws<PSRemotingDscException>(() => new SshdServiceControl().Reload(sshd.ConfigPath, sshd.PidFile, Bound));

        Assert.Equal(ExitCode.UnexpectedError, error.ExitCode);
        Assert.Equal("SshdExitedAfterReload", error.ErrorId);
        Assert.Contains($"sshd -t -f {sshd.ConfigPath}", error.Message, StringComparison.Ordinal);
        Assert.True(SshdTestEnvironment.WaitUntil(() => sshd.HasExited, Bound));
    }

    [SkippableFact]
    public void Reload_OfAStoppedSshd_TimesOutWithinTheBound()
    {
        string sshdPath = SshdTestEnvironment.RequireSshd();
        using RunningSshd sshd = RunningSshd.Start(sshdPath);
        Tool.RunOrThrow("kill", "-STOP", sshd.ProcessId.ToString(CultureInfo.InvariantCulture));

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<PSRemotingDscException>(
            () => new SshdServiceControl().Reload(sshd.ConfigPath, sshd.PidFile, TimeSpan.FromMilliseconds(500)));

        Assert.Equal(ExitCode.RestartTimedOut, error.ExitCode);
        // The bound held (no hang); the upper limit is generous because CI machines may be loaded.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        // Once it may run again it handles the pending SIGHUP: the timeout lost nothing.
        Tool.RunOrThrow("kill", "-CONT", sshd.ProcessId.ToString(CultureInfo.InvariantCulture));
        Assert.True(SshdTestEnvironment.WaitUntil(() => SshdTestEnvironment.AcceptsConnection(sshd.Port), Bound));
    }

    [SkippableFact]
    public void Reload_WithAPidFileOfAnExitedProcess_IsNotRunning()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows sshd is a service, found without a pid file.");
        int deadPid;
        using (var exited = Process.Start("true")!)
        {
            Assert.True(exited.WaitForExit(Bound));
            deadPid = exited.Id;
        }

        string pidFile = _dir.Combine("sshd.pid");
        File.WriteAllText(pidFile, deadPid.ToString(CultureInfo.InvariantCulture) + "\n");

        SshdReloadResult result = new SshdServiceControl().Reload("/tmp/some/sshd_config", pidFile, Bound);

        Assert.Equal(SshdReloadOutcome.NotRunning, result.Outcome);
        Assert.Null(result.ProcessId);
        Assert.StartsWith("no sshd is running for /tmp/some/sshd_config; nothing to reload", result.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Reload_WithAPidOfAProcessThatIsNotSshd_IsNotRunning_AndSendsNoSignal()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Telling sshd from other processes uses /proc (Linux).");
        using var sleeper = Process.Start("sleep", "30")!;
        try
        {
            string pidFile = _dir.Combine("sshd.pid");
            File.WriteAllText(pidFile, sleeper.Id.ToString(CultureInfo.InvariantCulture));

            SshdReloadResult result = new SshdServiceControl().Reload(_dir.Combine("sshd_config"), pidFile, Bound);

            Assert.Equal(SshdReloadOutcome.NotRunning, result.Outcome);
            Assert.False(sleeper.WaitForExit(TimeSpan.FromMilliseconds(200)), "a SIGHUP would have ended sleep");
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit(Bound);
        }
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a pid\n")]
    [InlineData("-5")]
    public void Reload_WithAMissingOrUnreadablePidFile_IsNotRunning(string? content)
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows sshd is a service, found without a pid file.");
        string pidFile = _dir.Combine("sshd.pid");
        if (content is not null)
        {
            File.WriteAllText(pidFile, content);
        }

        SshdReloadResult result = new SshdServiceControl().Reload(_dir.Combine("sshd_config"), pidFile, Bound);

        Assert.Equal(SshdReloadOutcome.NotRunning, result.Outcome);
        Assert.Contains(pidFile, result.Message, StringComparison.Ordinal);
    }
}
