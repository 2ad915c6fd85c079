using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>
/// How WinRM is hosted, read from <c>sc.exe qc</c> and <c>sc.exe qprivs</c> output. The fixtures follow sc.exe's
/// documented layout: "[SC] QueryServiceConfig SUCCESS", then "FIELD : value" lines, TYPE in hex (10 own process, 20
/// shared, +100 interactive), continuation lines " : value" for multi-valued fields (DEPENDENCIES, PRIVILEGES).
/// What counts as isolated is PowerShell's MoveWinRmToIsolatedServiceHost (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs 1299–1320).
/// </summary>
public sealed class WinRMServiceHostingTests
{
    internal const string QcDefault =
        "[SC] QueryServiceConfig SUCCESS\r\n\r\n" +
        "SERVICE_NAME: WinRM\r\n" +
        "        TYPE               : 20  WIN32_SHARE_PROCESS\r\n" +
        "        START_TYPE         : 2   AUTO_START  (DELAYED)\r\n" +
        "        ERROR_CONTROL      : 1   NORMAL\r\n" +
        "        BINARY_PATH_NAME   : %SystemRoot%\\System32\\svchost.exe -k NetworkService -p\r\n" +
        "        LOAD_ORDER_GROUP   :\r\n" +
        "        TAG                : 0\r\n" +
        "        DISPLAY_NAME       : Windows Remote Management (WS-Management)\r\n" +
        "        DEPENDENCIES       : RPCSS\r\n" +
        "                           : HTTP\r\n" +
        "        SERVICE_START_NAME : NT AUTHORITY\\NetworkService\r\n";

    /// <summary>After 'sc.exe config winrm type= own' (1301) and ObjectName = LocalSystem (1313).</summary>
    internal const string QcIsolated =
        "[SC] QueryServiceConfig SUCCESS\r\n\r\n" +
        "SERVICE_NAME: WinRM\r\n" +
        "        TYPE               : 10  WIN32_OWN_PROCESS\r\n" +
        "        START_TYPE         : 2   AUTO_START  (DELAYED)\r\n" +
        "        ERROR_CONTROL      : 1   NORMAL\r\n" +
        "        BINARY_PATH_NAME   : %SystemRoot%\\System32\\svchost.exe -k NetworkService -p\r\n" +
        "        LOAD_ORDER_GROUP   :\r\n" +
        "        TAG                : 0\r\n" +
        "        DISPLAY_NAME       : Windows Remote Management (WS-Management)\r\n" +
        "        DEPENDENCIES       : RPCSS\r\n" +
        "                           : HTTP\r\n" +
        "        SERVICE_START_NAME : LocalSystem\r\n";

    internal const string QprivsDefault =
        "[SC] QueryServiceConfig2 SUCCESS\r\n\r\n" +
        "SERVICE_NAME: WinRM\r\n" +
        "        PRIVILEGES       : SeAuditPrivilege\r\n" +
        "                         : SeChangeNotifyPrivilege\r\n" +
        "                         : SeCreateGlobalPrivilege\r\n" +
        "                         : SeImpersonatePrivilege\r\n";

    /// <summary>After RequiredPrivileges += SeTcbPrivilege (1306–1312).</summary>
    internal const string QprivsWithTcb = QprivsDefault + "                         : SeTcbPrivilege\r\n";

    [Fact]
    public void DefaultWindowsServer_SharedNetworkServiceWithoutTcb_IsNotIsolated()
    {
        WinRMServiceHosting hosting = WinRMServiceHosting.Parse(QcDefault, QprivsDefault)!;

        Assert.False(hosting.OwnProcess);
        Assert.Equal(@"NT AUTHORITY\NetworkService", hosting.Account);
        Assert.Equal(["SeAuditPrivilege", "SeChangeNotifyPrivilege", "SeCreateGlobalPrivilege", "SeImpersonatePrivilege"], hosting.RequiredPrivileges);
        Assert.False(hosting.HasTcbPrivilege);
        Assert.False(hosting.IsolatedForVirtualAccounts);
    }

    [Fact]
    public void AfterMoveWinRmToIsolatedServiceHost_OwnProcessLocalSystemWithTcb_IsIsolated()
    {
        WinRMServiceHosting hosting = WinRMServiceHosting.Parse(QcIsolated, QprivsWithTcb)!;

        Assert.True(hosting.OwnProcess);
        Assert.Equal("LocalSystem", hosting.Account);
        Assert.Equal("SeTcbPrivilege", hosting.RequiredPrivileges[^1]);
        Assert.True(hosting.IsolatedForVirtualAccounts);
    }

    [Theory]
    [InlineData(QcDefault, QprivsWithTcb, "shared host")]
    [InlineData(QcIsolated, QprivsDefault, "no SeTcbPrivilege")]
    public void EachPartIsNeeded(string qc, string qprivs, string missing)
    {
        Assert.False(WinRMServiceHosting.Parse(qc, qprivs)!.IsolatedForVirtualAccounts, missing);
    }

    [Fact]
    public void OwnProcessAsNetworkService_IsNotIsolated_PowerShellAlsoSetsLocalSystem()
    {
        string qc = QcIsolated.Replace("SERVICE_START_NAME : LocalSystem", @"SERVICE_START_NAME : NT AUTHORITY\NetworkService", StringComparison.Ordinal);

        Assert.False(WinRMServiceHosting.Parse(qc, QprivsWithTcb)!.IsolatedForVirtualAccounts);
    }

    [Theory]
    [InlineData("10  WIN32_OWN_PROCESS", true)]
    [InlineData("110  WIN32_OWN_PROCESS (interactive)", true)]
    [InlineData("20  WIN32_SHARE_PROCESS", false)]
    [InlineData("120  WIN32_SHARE_PROCESS (interactive)", false)]
    public void ServiceType_IsReadInHex(string type, bool own)
    {
        string qc = QcDefault.Replace("20  WIN32_SHARE_PROCESS", type, StringComparison.Ordinal);

        Assert.Equal(own, WinRMServiceHosting.Parse(qc, QprivsDefault)!.OwnProcess);
    }

    [Fact]
    public void NoRequiredPrivileges_KeepsLocalSystemsWholeToken_WhichHasTcb()
    {
        const string none = "[SC] QueryServiceConfig2 SUCCESS\r\n\r\nSERVICE_NAME: WinRM\r\n        PRIVILEGES       :\r\n";

        WinRMServiceHosting hosting = WinRMServiceHosting.Parse(QcIsolated, none)!;

        Assert.Empty(hosting.RequiredPrivileges);
        Assert.True(hosting.HasTcbPrivilege);
        Assert.True(hosting.IsolatedForVirtualAccounts);
        Assert.False(WinRMServiceHosting.Parse(QcDefault, none)!.HasTcbPrivilege);
    }

    [Fact]
    public void PrivilegesAreReadOnlyFromThePrivilegesList_NotFromOtherContinuationLines()
    {
        Assert.Empty(WinRMServiceHosting.Parse(QcDefault, QcDefault)!.RequiredPrivileges);
    }

    [Fact]
    public void QcOutputWithoutAType_IsNull()
    {
        Assert.Null(WinRMServiceHosting.Parse("[SC] OpenService FAILED 5:\r\n\r\nAccess is denied.\r\n", QprivsDefault));
    }

    [Fact]
    public void Isolated_IsWhatPowerShellLeaves_TcbAddedOnce_OrderKept()
    {
        WinRMServiceHosting isolated = WinRMServiceHosting.Parse(QcDefault, QprivsDefault)!.Isolated();

        Assert.True(isolated.IsolatedForVirtualAccounts);
        Assert.Equal(WinRMServiceHosting.Parse(QcIsolated, QprivsWithTcb)!.RequiredPrivileges, isolated.RequiredPrivileges);
        Assert.Equal(isolated.RequiredPrivileges, isolated.Isolated().RequiredPrivileges);
    }

    [Fact]
    public void TheSnapshotDefault_IsADefaultWindowsServer_AndRecordsIsolation()
    {
        var snapshot = new WinRMHostSnapshot();
        Assert.False(snapshot.GetServiceHosting()!.IsolatedForVirtualAccounts);

        snapshot.IsolateForVirtualAccounts();

        Assert.True(snapshot.GetServiceHosting()!.IsolatedForVirtualAccounts);
        Assert.Null(new WinRMHostSnapshot { Service = WinRMServiceState.NotInstalled }.GetServiceHosting());
    }
}
