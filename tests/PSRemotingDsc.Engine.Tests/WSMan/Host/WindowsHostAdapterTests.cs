using Microsoft.Win32;
using PSRemotingDsc.WSMan.Host;

// Every test that calls a Windows-only adapter starts with Skip.IfNot(OperatingSystem.IsWindows(), ...), which the
// platform analyzer does not recognise as a guard.
#pragma warning disable CA1416

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>The real Windows adapters against the real OS, read-only: nothing here writes the registry or touches WinRM.</summary>
public sealed class WindowsHostAdapterTests
{
    private const string WindowsOnly = "Reads the real registry, services and ACLs of Windows; runs in the Windows CI job.";

    [SkippableFact]
    public void RegistryPluginStore_ListsPlugins_AndReadsTheirConfigXml()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), WindowsOnly);
        var store = new RegistryPluginStore();

        IReadOnlyList<string> names = store.ListPluginNames();

        Assert.All(names, name => Assert.False(string.IsNullOrEmpty(name)));
        foreach (string name in names.Where(n => n.StartsWith("microsoft.powershell", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.Contains("PlugInConfiguration", store.GetConfigXml(name), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void WindowsWinRMHost_ReadsServiceStateStackVersionAndListeners()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), WindowsOnly);
        var host = new WindowsWinRMHost();

        WinRMServiceState state = host.GetServiceState();
        Version? stack = host.GetServiceStackVersion();
        _ = host.GetListeners();

        Assert.True(state.Installed, "WinRM ships with Windows");
        Assert.NotEqual("Unknown", state.StartType);
        Assert.NotNull(stack);
        Assert.True(stack >= new Version(2, 0), $"ServiceStackVersion {stack}");
        Assert.True(host.IsUniversalCRuntimePresent());
    }

    [SkippableFact]
    public void WindowsWinRMHost_ReadsHowWinRMIsHosted_ThroughScExe()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), WindowsOnly);
        var host = new WindowsWinRMHost();

        WinRMServiceHosting? hosting = host.GetServiceHosting();

        Assert.NotNull(hosting);
        Assert.False(string.IsNullOrWhiteSpace(hosting.Account), "sc.exe qc prints SERVICE_START_NAME");
        Assert.All(hosting.RequiredPrivileges, privilege => Assert.StartsWith("Se", privilege, StringComparison.Ordinal));
        Assert.Equal(hosting.OwnProcess && hosting.RunsAsLocalSystem && hosting.HasTcbPrivilege, hosting.IsolatedForVirtualAccounts);
    }

    [SkippableFact]
    public void ProcessElevation_AgreesWithWhetherHklmSoftwareOpensForWriting()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), WindowsOnly);
        bool canWrite;
        try
        {
            // Opening for write changes nothing; only an elevated administrator token is granted it.
            using RegistryKey? key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN", writable: true);
            canWrite = key is not null;
        }
        catch (System.Security.SecurityException)
        {
            canWrite = false;
        }

        Assert.Equal(canWrite, new ProcessElevation().IsElevated);
    }

    [SkippableFact]
    public void ProcessSessionContext_ReadsTheRealProcessTable()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), WindowsOnly);
        Skip.IfNot(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ProcessSessionContext.EndpointOverrideVariable)), "The override is set in this environment.");

        var context = new ProcessSessionContext();

        Assert.Contains("wsmprovhost.exe", context.Evidence, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void WindowsPluginFileAccess_SeesThatTheOwnerAloneCanWriteANewTempFile()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), WindowsOnly);
        using var temp = new TempDirectory();
        string file = temp.WriteFile("RemotePowerShellConfig.txt", "PSHOMEDIR=C:\\x\r\n");

        PluginFileAccessReport report = new WindowsPluginFileAccess().CheckNonAdminAccess(file);

        Assert.True(report.Applicable);
        Assert.Contains(report.Missing, m => m.Sid == "S-1-5-32-580");
    }

    [Fact]
    public void NotApplicablePluginFileAccess_SaysSo()
    {
        Assert.False(new NotApplicablePluginFileAccess().CheckNonAdminAccess("x").Applicable);
    }

    [SkippableFact]
    public void ProcessElevation_IsRootOnUnix()
    {
        Skip.If(OperatingSystem.IsWindows(), "The Unix answer is geteuid()==0.");

        Assert.Equal(Environment.UserName == "root", new ProcessElevation().IsElevated);
    }
}
