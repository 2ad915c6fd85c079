using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class EndpointProtectionTests
{
    [Theory]
    [InlineData("Microsoft.PowerShell")]
    [InlineData("microsoft.powershell")]
    [InlineData("microsoft.powershell32")]
    [InlineData("Microsoft.PowerShell.Workflow")]
    [InlineData("MICROSOFT.POWERSHELL.ISE")]
    public void WindowsPowerShellNames_AreProtected_WhateverTheirCase(string name)
    {
        Assert.True(EndpointProtection.IsProtected(name, null));
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointProtection.ThrowIfProtected(name, null, "remove"));
        Assert.Equal("EndpointProtected", error.ErrorId);
        Assert.Equal(ExitCode.EndpointProtected, error.ExitCode);
        Assert.StartsWith($"Cannot remove endpoint '{name}': it belongs to Windows PowerShell (its name starts with 'Microsoft.PowerShell')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"%windir%\system32\pwrshplugin.dll")]
    [InlineData(@"%windir%\SysWOW64\pwrshplugin.dll")]
    [InlineData(@"C:\Windows\System32\PWRSHPLUGIN.DLL")]
    [InlineData("C:/Windows/System32/pwrshplugin.dll")]
    public void EndpointsOnTheWindowsPowerShellPlugin_AreProtected_WhateverTheirName(string filename)
    {
        Assert.True(EndpointProtection.IsProtected("MyCustomEndpoint", filename));
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointProtection.ThrowIfProtected("MyCustomEndpoint", filename, "update"));
        Assert.Contains($"its plugin is Windows PowerShell's ('{filename}')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PowerShell.7", @"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll")]
    [InlineData("PowerShell.7", @"C:\WINDOWS\System32\PowerShell\7\pwrshplugin.dll")]
    [InlineData("MicrosoftPowerShell", null)]
    [InlineData("Contoso.Microsoft.PowerShell", @"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll")]
    public void PowerShell7Endpoints_AreNotProtected(string name, string? filename)
    {
        Assert.False(EndpointProtection.IsProtected(name, filename));
        EndpointProtection.ThrowIfProtected(name, filename, "update");
    }

    [Fact]
    public void TheWindowsPowerShellFixture_IsProtected_AndThePowerShell7FixturesAreNot()
    {
        foreach (string fixture in PluginFixtures.FileNames)
        {
            var configuration = PluginConfiguration.Parse(PluginFixtures.Text(fixture), fixture);
            Assert.Equal(fixture == PluginFixtures.WindowsPowerShell, EndpointProtection.IsProtected(configuration));
        }

        var windowsPowerShell = PluginConfiguration.Parse(PluginFixtures.Text(PluginFixtures.WindowsPowerShell));
        windowsPowerShell.Name = "Renamed";
        Assert.Throws<PSRemotingDscException>(() => EndpointProtection.ThrowIfProtected(windowsPowerShell, "update"));
    }
}
