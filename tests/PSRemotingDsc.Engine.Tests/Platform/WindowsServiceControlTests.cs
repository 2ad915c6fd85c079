using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Tests.Platform;

public sealed class WindowsServiceControlTests
{
    // The shape of 'sc.exe queryex sshd' on Windows Server 2022 (OpenSSH Server capability, running).
    private const string QueryExRunning =
        "\r\nSERVICE_NAME: sshd \r\n        TYPE               : 10  WIN32_OWN_PROCESS  \r\n        STATE              : 4  RUNNING \r\n" +
        "                                (STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)\r\n        WIN32_EXIT_CODE    : 0  (0x0)\r\n" +
        "        SERVICE_EXIT_CODE  : 0  (0x0)\r\n        CHECKPOINT         : 0x0\r\n        WAIT_HINT          : 0x0\r\n" +
        "        PID                : 4242\r\n        FLAGS              : \r\n";

    [Fact]
    public void QueryEx_ReadsTheStateCodeAndPid_FromTheNamedScExe()
    {
        var sc = new ScriptedProcess(_ => ScriptedProcess.Ok(QueryExRunning));

        (int? state, int? pid) = new WindowsServiceControl("sc.exe", sc.Run).QueryEx("sshd", TimeSpan.FromSeconds(5));

        Assert.Equal((ServiceControlOutput.Running, 4242), (state, pid));
        var call = Assert.Single(sc.Calls);
        Assert.Equal("sc.exe", call.File);
        Assert.Equal(["queryex", "sshd"], call.Arguments);
        Assert.Equal(TimeSpan.FromSeconds(5), call.Timeout);
    }

    [Fact]
    public void QueryEx_KnowsNothing_WhenScExeFailsOrTimesOut()
    {
        Assert.Equal((null, null), new WindowsServiceControl("sc.exe", new ScriptedProcess(_ => ScriptedProcess.Exit(ServiceControlOutput.ServiceDoesNotExist)).Run).QueryEx("sshd", TimeSpan.FromSeconds(1)));
        Assert.Equal((null, null), new WindowsServiceControl("sc.exe", new ScriptedProcess(_ => new(-1, QueryExRunning, "", TimedOut: true)).Run).QueryEx("sshd", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ParsePid_IgnoresAStoppedServicesZeroPid()
    {
        Assert.Null(ServiceControlOutput.ParsePid("        STATE              : 1  STOPPED \r\n        PID                : 0\r\n"));
        Assert.Null(ServiceControlOutput.ParsePid(string.Empty));
    }
}
