using PSRemotingDsc.WSMan.Host;
using Entry = PSRemotingDsc.WSMan.Host.ProcessSessionContext.ProcessEntry;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class ProcessSessionContextTests
{
    // A remote session: services -> svchost (WinRM) ... wsmprovhost -> pwsh -> dsc -> psremotingdsc.
    private static readonly Dictionary<int, Entry> RemoteTree = new()
    {
        [4] = new(0, "System"),
        [600] = new(4, "services.exe"),
        [900] = new(600, "svchost.exe"),
        [1200] = new(900, "wsmprovhost.exe"),
        [1300] = new(1200, "pwsh.exe"),
        [1400] = new(1300, "dsc.exe"),
        [1500] = new(1400, "psremotingdsc.exe"),
    };

    [Fact]
    public void Detects_AWinRMHostAmongTheAncestors()
    {
        var context = new ProcessSessionContext(_ => null, 1500, () => RemoteTree);

        Assert.True(context.IsInsideWinRMSession);
        Assert.Null(context.EndpointName);
        Assert.Equal("ancestor wsmprovhost.exe (PID 1200)", context.Evidence);
    }

    [Fact]
    public void Detects_NoSession_FromALocalConsole()
    {
        var table = new Dictionary<int, Entry> { [10] = new(0, "explorer.exe"), [20] = new(10, "WindowsTerminal.exe"), [30] = new(20, "psremotingdsc.exe") };

        var context = new ProcessSessionContext(_ => null, 30, () => table);

        Assert.False(context.IsInsideWinRMSession);
    }

    [Fact]
    public void TheOverride_NamesTheEndpoint_WithoutLookingAtProcesses()
    {
        var context = new ProcessSessionContext(
            name => name == ProcessSessionContext.EndpointOverrideVariable ? " PowerShell.7 " : null,
            1,
            () => throw new InvalidOperationException("must not read the process table"));

        Assert.True(context.IsInsideWinRMSession);
        Assert.Equal("PowerShell.7", context.EndpointName);
        Assert.Equal(ProcessSessionContext.EndpointOverrideVariable, context.Evidence);
    }

    [Fact]
    public void FindAncestor_StopsOnAParentCycle()
    {
        var table = new Dictionary<int, Entry> { [1] = new(2, "a.exe"), [2] = new(3, "b.exe"), [3] = new(1, "c.exe") };

        Assert.Null(ProcessSessionContext.FindAncestor(table, 1, "wsmprovhost.exe"));
    }

    [Fact]
    public void FindAncestor_GivesUpAfterTheDepthLimit()
    {
        var table = new Dictionary<int, Entry>();
        int depth = ProcessSessionContext.MaxDepth + 5;
        for (int pid = 1; pid <= depth; pid++)
        {
            table[pid] = new(pid + 1, "link.exe");
        }

        table[depth + 1] = new(0, "wsmprovhost.exe");

        Assert.Null(ProcessSessionContext.FindAncestor(table, 1, "wsmprovhost.exe"));
        Assert.Equal(depth + 1, ProcessSessionContext.FindAncestor(table, depth - 10, "wsmprovhost.exe"));
    }

    [Fact]
    public void FindAncestor_IgnoresTheProcessItself()
    {
        var table = new Dictionary<int, Entry> { [7] = new(0, "wsmprovhost.exe") };

        Assert.Null(ProcessSessionContext.FindAncestor(table, 7, "wsmprovhost.exe"));
    }
}
