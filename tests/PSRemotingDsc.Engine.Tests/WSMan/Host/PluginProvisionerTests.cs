using System.Text;
using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class PluginProvisionerTests
{
    private static readonly PluginProvisioner Provisioner = new(new NotApplicablePluginFileAccess());

    [Fact]
    public void Provision_CopiesThePlugin_AndWritesTheConfig_IntoAnEmptyWindowsRoot()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7.4.6", "plugin 7.4.6");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7.4.6");

        ProvisionResult result = Provisioner.Provision(directory, psHome);

        Assert.True(result.PluginCopied && result.ConfigWritten);
        Assert.False(result.WinRMRestartNeeded);
        Assert.Equal(temp.Combine("Windows", "System32", "PowerShell", "7.4.6", "pwrshplugin.dll"), directory.PluginPath);
        Assert.Equal("plugin 7.4.6", File.ReadAllText(directory.PluginPath));
        Assert.Equal($"PSHOMEDIR={psHome}\r\nCORECLRDIR={psHome}\r\n", File.ReadAllText(directory.ConfigPath, Encoding.ASCII));
        Assert.Empty(result.Remaining);
        Assert.Equal(["RemotePowerShellConfig.txt", "pwrshplugin.dll"], Directory.GetFiles(directory.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Provision_TouchesNothing_TheSecondTime()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7", "plugin");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");
        Provisioner.Provision(directory, psHome);
        DateTime pluginTime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(directory.PluginPath, pluginTime);
        File.SetLastWriteTimeUtc(directory.ConfigPath, pluginTime);

        ProvisionResult second = Provisioner.Provision(directory, psHome);

        Assert.False(second.Changed);
        Assert.Empty(second.Changes);
        Assert.Equal(pluginTime, File.GetLastWriteTimeUtc(directory.PluginPath));
        Assert.Equal(pluginTime, File.GetLastWriteTimeUtc(directory.ConfigPath));
    }

    [Fact]
    public void Inspect_ReportsAPluginWhoseBytesDiffer_AndProvisionReplacesIt()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7", "new plugin");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");
        Provisioner.Provision(directory, psHome);
        File.WriteAllText(directory.PluginPath, "stale plugin");

        PluginInspection inspection = Provisioner.Inspect(directory, psHome);
        ProvisionResult result = Provisioner.Provision(directory, psHome);

        Assert.Equal([PluginDriftKind.PluginHashDiffers], inspection.Drift.Select(d => d.Kind));
        Assert.True(result.PluginCopied);
        Assert.False(result.ConfigWritten);
        Assert.True(result.WinRMRestartNeeded);
        Assert.Equal("new plugin", File.ReadAllText(directory.PluginPath));
    }

    [SkippableFact]
    public void Inspect_ReportsAnOlderPluginByItsPeFileVersion()
    {
        Skip.If(NativePluginFixture.Path is null, NativePluginFixture.MissingReason);
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7", "");
        NativePluginFixture.WriteWithVersion(NativePluginFixture.Path!, Path.Join(psHome, "pwrshplugin.dll"), new Version(7, 4, 0, 0));
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");
        Provisioner.Provision(directory, psHome);
        NativePluginFixture.WriteWithVersion(NativePluginFixture.Path!, directory.PluginPath, new Version(7, 2, 19, 0));

        PluginInspection inspection = Provisioner.Inspect(directory, psHome);

        PluginDrift drift = Assert.Single(inspection.Drift);
        Assert.Equal(PluginDriftKind.PluginOlder, drift.Kind);
        Assert.Contains("7.2.19.0", drift.Message, StringComparison.Ordinal);
        Assert.Equal(new Version(7, 4, 0, 0), inspection.SourcePluginVersion);
    }

    [Fact]
    public void Inspect_ReportsAConfigBoundToAnotherExistingInstallation()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7.6", "plugin");
        string other = FakePSHome(temp, "7.4", "plugin");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");
        Provisioner.Provision(directory, other);
        File.Copy(Path.Join(psHome, "pwrshplugin.dll"), directory.PluginPath, overwrite: true);

        PluginInspection inspection = Provisioner.Inspect(directory, psHome);

        Assert.Equal([PluginDriftKind.PSHomeDirOther, PluginDriftKind.CoreClrDirOther], inspection.Drift.Select(d => d.Kind));
        Assert.Equal(other, inspection.Config!.PSHomeDir);
    }

    [Fact]
    public void Inspect_ReportsAConfigPointingAtAnUninstalledPowerShell_AndProvisionRebindsIt()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7", "plugin");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");
        Provisioner.Provision(directory, psHome);
        string gone = temp.Combine("uninstalled");
        File.WriteAllBytes(directory.ConfigPath, Encoding.ASCII.GetBytes($"PSHOMEDIR={gone}\r\nCORECLRDIR={psHome}\r\n"));

        PluginInspection inspection = Provisioner.Inspect(directory, psHome);
        ProvisionResult result = Provisioner.Provision(directory, psHome);

        Assert.Equal([PluginDriftKind.PSHomeDirNotFound], inspection.Drift.Select(d => d.Kind));
        Assert.True(result.ConfigWritten);
        Assert.False(result.PluginCopied);
        Assert.True(Provisioner.Inspect(directory, psHome).InDesiredState);
    }

    [Fact]
    public void Inspect_ReportsMissingPluginAndConfig_WithoutCreatingAnything()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7", "plugin");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");

        PluginInspection inspection = Provisioner.Inspect(directory, psHome);

        Assert.Equal([PluginDriftKind.PluginMissing, PluginDriftKind.ConfigMissing], inspection.Drift.Select(d => d.Kind));
        Assert.False(Directory.Exists(directory.FullPath));
    }

    [Fact]
    public void Provision_Refuses_WhenThePowerShellHomeShipsNoPlugin()
    {
        using var temp = new TempDirectory();
        string psHome = temp.Combine("pwsh-linux");
        Directory.CreateDirectory(psHome);
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");

        var error = Assert.Throws<PSRemotingDscException>(() => Provisioner.Provision(directory, psHome));

        Assert.Equal("PluginSourceMissing", error.ErrorId);
        Assert.False(Directory.Exists(directory.FullPath));
    }

    // The Store/MSIX package ships pwrshplugin.dll like the MSI and ZIP: it is packed from the same signed files
    // (PowerShell .pipelines/templates/packaging/windows/package.yml 167–183, tools/packaging/packaging.psm1 3609), and
    // the Store 7.6.3 of PowerShell#27701 registered PowerShell.7, which CustomShellCommands.cs 476–483 refuses without
    // the plugin. So a missing plugin must not be blamed on a Store build.
    [Fact]
    public void Inspect_DoesNotBlameAMissingPluginOnAStoreBuild()
    {
        using var temp = new TempDirectory();
        string psHome = temp.Combine("pwsh-without-plugin");
        Directory.CreateDirectory(psHome);

        PluginDrift drift = Provisioner.Inspect(new PluginDirectory(temp.Combine("Windows"), "7"), psHome).Drift
            .Single(d => d.Kind == PluginDriftKind.SourcePluginMissing);

        Assert.Contains("the Windows MSI, ZIP and Store/MSIX packages all ship it", drift.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Store build", drift.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ReportsExactlyWhichNonAdminRightsAreMissingOnTheConfig()
    {
        using var temp = new TempDirectory();
        string psHome = FakePSHome(temp, "7", "plugin");
        var directory = new PluginDirectory(temp.Combine("Windows"), "7");
        Provisioner.Provision(directory, psHome);
        var provisioner = new PluginProvisioner(new FixedPluginFileAccess(("S-1-5-32-580", "Remote Management Users", "write")));

        PluginInspection inspection = provisioner.Inspect(directory, psHome);

        PluginDrift drift = Assert.Single(inspection.Drift);
        Assert.Equal(PluginDriftKind.ConfigAccessMissing, drift.Kind);
        Assert.Contains($"Remote Management Users (S-1-5-32-580) cannot write '{directory.ConfigPath}'", drift.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginDirectory_RejectsANameThatWouldLeaveTheFolder()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => new PluginDirectory("/windows", "../7"));

        Assert.Equal(ExitCode.PluginNameInvalid, error.ExitCode);
    }

    private static string FakePSHome(TempDirectory temp, string name, string pluginContent)
    {
        string home = temp.Combine("pshome", name);
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Join(home, "pwrshplugin.dll"), pluginContent);
        return home;
    }
}
