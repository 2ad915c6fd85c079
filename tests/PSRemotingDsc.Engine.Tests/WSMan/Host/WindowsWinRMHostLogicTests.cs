using System.Diagnostics;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Tests.Platform;
using PSRemotingDsc.WSMan.Host;

// These tests drive the adapter's own logic with a scripted sc.exe, so they run on every OS; the adapter's
// Windows-only members (registry) are not called here.
#pragma warning disable CA1416

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class WindowsWinRMHostLogicTests
{
    [Fact]
    public void Restart_StopsWaitsStartsWaits_ThroughScExe()
    {
        int queries = 0;
        var sc = new ScriptedProcess(args => args[0] switch
        {
            "query" => ScriptedProcess.Ok(++queries switch
            {
                1 => ScriptedProcess.State(4, "RUNNING"),
                2 => ScriptedProcess.State(3, "STOP_PENDING"),
                3 => ScriptedProcess.State(1, "STOPPED"),
                4 => ScriptedProcess.State(2, "START_PENDING"),
                _ => ScriptedProcess.State(4, "RUNNING"),
            }),
            _ => ScriptedProcess.Ok(),
        });
        var host = new WindowsWinRMHost(Path.Join("C:", "Windows", "System32"), TimeSpan.FromMilliseconds(1), sc.Run);

        host.Restart(TimeSpan.FromSeconds(10));

        Assert.Equal(["query", "stop", "query", "query", "start", "query", "query"], sc.Calls.Select(c => c.Arguments[0]));
        Assert.All(sc.Calls, call => Assert.Equal("WinRM", call.Arguments[1]));
        Assert.All(sc.Calls, call => Assert.EndsWith("sc.exe", call.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Restart_GivesUpWithRestartTimedOut_WhenWinRMHangsInStopPending()
    {
        var sc = new ScriptedProcess(args => args[0] == "query" ? ScriptedProcess.Ok(ScriptedProcess.State(3, "STOP_PENDING")) : ScriptedProcess.Ok());
        var host = new WindowsWinRMHost("sys", TimeSpan.FromMilliseconds(20), sc.Run);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<PSRemotingDscException>(() => host.Restart(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(ExitCode.RestartTimedOut, error.ExitCode);
        Assert.Contains("STOP_PENDING", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.DoesNotContain(sc.Calls, call => call.Arguments[0] == "start");
        Assert.All(sc.Calls, call => Assert.True(call.Timeout <= TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Restart_ReportsTimeout_WhenWinRMNeverComesBack()
    {
        int queries = 0;
        var sc = new ScriptedProcess(args => args[0] == "query"
            ? ScriptedProcess.Ok(++queries == 1 ? ScriptedProcess.State(1, "STOPPED") : ScriptedProcess.State(2, "START_PENDING"))
            : ScriptedProcess.Ok());
        var host = new WindowsWinRMHost("sys", TimeSpan.FromMilliseconds(20), sc.Run);

        var error = Assert.Throws<PSRemotingDscException>(() => host.Restart(TimeSpan.FromMilliseconds(200)));

        Assert.Equal(ExitCode.RestartTimedOut, error.ExitCode);
        Assert.Contains("Start-Service WinRM", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sc.Calls, call => call.Arguments[0] == "stop");
    }

    [Fact]
    public void GetServiceState_ReadsTheNumericCodes_NotTheLocalizedWords()
    {
        var sc = new ScriptedProcess(args => args[0] switch
        {
            "query" => ScriptedProcess.Ok("SERVICE_NAME: WinRM\r\n        STATE              : 4  WIRD AUSGEFÜHRT\r\n"),
            _ => ScriptedProcess.Ok("        START_TYPE         : 2   AUTO_START  (DELAYED)\r\n"),
        });

        WinRMServiceState state = new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).GetServiceState();

        Assert.Equal(new WinRMServiceState(true, true, "AutomaticDelayed"), state);
    }

    [Fact]
    public void GetServiceState_SaysNotInstalled_WhenScExeKnowsNoSuchService()
    {
        var sc = new ScriptedProcess(_ => ScriptedProcess.Exit(1060, "[SC] EnumQueryServicesStatus:OpenService FAILED 1060:"));

        Assert.Equal(WinRMServiceState.NotInstalled, new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).GetServiceState());
    }

    [Fact]
    public void GetServiceHosting_RunsQcAndQprivsWithABuffer_AndParsesThem()
    {
        var sc = new ScriptedProcess(args => ScriptedProcess.Ok(args[0] == "qc" ? WinRMServiceHostingTests.QcDefault : WinRMServiceHostingTests.QprivsDefault));

        WinRMServiceHosting hosting = new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).GetServiceHosting()!;

        Assert.Equal([["qc", "WinRM"], ["qprivs", "WinRM", "8192"]], sc.Calls.Select(call => call.Arguments.ToArray()));
        Assert.False(hosting.IsolatedForVirtualAccounts);
    }

    [Fact]
    public void GetServiceHosting_IsNull_WhenWinRMIsNotInstalled()
    {
        var sc = new ScriptedProcess(_ => ScriptedProcess.Exit(1060, "[SC] OpenService FAILED 1060:"));

        Assert.Null(new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).GetServiceHosting());
    }

    [Fact]
    public void IsolateForVirtualAccounts_RunsWhatMoveWinRmToIsolatedServiceHostChanges_ThroughScExe()
    {
        // CustomShellCommands.cs 1301 (type= own), 1306–1312 (RequiredPrivileges + SeTcbPrivilege), 1313 (ObjectName LocalSystem).
        var sc = new ScriptedProcess(args => ScriptedProcess.Ok(args[0] switch
        {
            "qc" => WinRMServiceHostingTests.QcDefault,
            "qprivs" => WinRMServiceHostingTests.QprivsDefault,
            _ => "[SC] ChangeServiceConfig SUCCESS\r\n",
        }));

        new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).IsolateForVirtualAccounts();

        Assert.Equal(
            [
                ["qc", "WinRM"],
                ["qprivs", "WinRM", "8192"],
                ["config", "WinRM", "type=", "own", "obj=", "LocalSystem"],
                ["privs", "WinRM", "SeAuditPrivilege/SeChangeNotifyPrivilege/SeCreateGlobalPrivilege/SeImpersonatePrivilege/SeTcbPrivilege"],
            ],
            sc.Calls.Select(call => call.Arguments.ToArray()));
    }

    [Fact]
    public void IsolateForVirtualAccounts_ChangesNothing_WhenWinRMIsAlreadyIsolated()
    {
        var sc = new ScriptedProcess(args => ScriptedProcess.Ok(args[0] == "qc" ? WinRMServiceHostingTests.QcIsolated : WinRMServiceHostingTests.QprivsWithTcb));

        new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).IsolateForVirtualAccounts();

        Assert.Equal(["qc", "qprivs"], sc.Calls.Select(call => call.Arguments[0]));
    }

    [Fact]
    public void IsolateForVirtualAccounts_StopsWithAClearError_WhenScConfigFails()
    {
        var sc = new ScriptedProcess(args => args[0] switch
        {
            "qc" => ScriptedProcess.Ok(WinRMServiceHostingTests.QcDefault),
            "qprivs" => ScriptedProcess.Ok(WinRMServiceHostingTests.QprivsDefault),
            _ => ScriptedProcess.Exit(5, "[SC] OpenService FAILED 5:\r\n\r\nAccess is denied.\r\n"),
        });

        var error = Assert.Throws<PSRemotingDscException>(() => new WindowsWinRMHost("sys", TimeSpan.Zero, sc.Run).IsolateForVirtualAccounts());

        Assert.Equal(ErrorIds.WinRMIsolationFailed.Id, error.ErrorId);
        Assert.DoesNotContain(sc.Calls, call => call.Arguments[0] == "privs");
    }

    [Theory]
    [InlineData(new[] { "*+HTTP" }, true, false)]
    [InlineData(new[] { "*+HTTPS", "IP:10.0.0.5+http" }, true, true)]
    [InlineData(new string[0], false, false)]
    public void ListenerKeys_AreClassifiedByTheirTransportSuffix(string[] keys, bool http, bool https)
    {
        Assert.Equal(new WSManListenerPresence(http, https), ListenerKeyNames.Classify(keys));
    }
}
