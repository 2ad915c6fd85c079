using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class PluginConfigurationComparisonTests
{
    private static PluginConfiguration Desired(string name, string version) =>
        DefaultPluginConfiguration.Create(name, PowerShellVersion.Parse(version), PluginQuotas.CreateEnablePSRemotingDefaults());

    private static PluginConfiguration Fixture(string name) => PluginConfiguration.Parse(PluginFixtures.Text(name), name);

    [Fact]
    public void Compare_FindsNoDifference_BetweenWhatPowerShellWritesAndWhatWinRMStores()
    {
        var differences = PluginConfigurationComparison.Compare(Desired("PowerShell.7.4.6", "7.4.6"), Fixture(PluginFixtures.StoredByWinRM));

        Assert.Empty(differences);
    }

    [Fact]
    public void Compare_ReportsOnlyTheQuotaEnablePSRemotingChanged_WhenTheDesiredStateUsesRegisterDefaults()
    {
        var desired = DefaultPluginConfiguration.Create("PowerShell.7.4.6", PowerShellVersion.Parse("7.4.6"));

        var difference = Assert.Single(PluginConfigurationComparison.Compare(desired, Fixture(PluginFixtures.StoredByWinRM)));

        Assert.Equal(new PluginDifference(PluginDifferenceKind.Quota, "MaxShellsPerUser", "Quotas/@MaxShellsPerUser", "2147483647", "25"), difference);
        Assert.Equal("Quotas/@MaxShellsPerUser: expected '2147483647', found '25'", difference.ToString());
    }

    [Fact]
    public void Compare_ReportsFilenameAndPSVersion_OfAStalePowerShell7LeftBy72()
    {
        var differences = PluginConfigurationComparison.Compare(Desired("PowerShell.7", "7.4.6"), Fixture(PluginFixtures.Stale72));

        Assert.Equal(
            [
                new PluginDifference(PluginDifferenceKind.Attribute, "Filename", "PlugInConfiguration/@Filename", @"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll", @"%windir%\system32\PowerShell\7.2.19\pwrshplugin.dll"),
                new PluginDifference(PluginDifferenceKind.InitializationParameter, "PSVersion", "InitializationParameters/Param[@Name='PSVersion']", "7.4", "7.2"),
            ],
            differences);
    }

    [Fact]
    public void Compare_ReportsTheStoreFilename_OfIssue27701_ForAnMsi76Installation()
    {
        var differences = PluginConfigurationComparison.Compare(Desired("PowerShell.7", "7.6.1"), Fixture(PluginFixtures.Store763));

        var difference = Assert.Single(differences);
        Assert.Equal("Filename", difference.Name);
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.3\pwrshplugin.dll", difference.Actual);
    }

    [Fact]
    public void Compare_TreatsWindirAndTheWindowsDirectoryAsEqual_WhenTheWindowsDirectoryIsGiven()
    {
        var desired = Desired("PowerShell.7", "7.4.6");
        desired.Filename = @"%windir%\system32\PowerShell\7\pwrshplugin.dll";
        var actual = Fixture(PluginFixtures.InstallScript);

        var without = PluginConfigurationComparison.Compare(desired, actual);
        var with = PluginConfigurationComparison.Compare(desired, actual, new PluginComparisonOptions { WindowsDirectory = @"C:\Windows\" });

        Assert.Contains(without, d => d.Name == "Filename");
        Assert.DoesNotContain(with, d => d.Name == "Filename");
    }

    [Fact]
    public void Compare_ReportsEveryWayTheInstallScriptVariantDiffersFromEnablePSRemoting()
    {
        var desired = Desired("PowerShell.7", "7.4.6");
        desired.Filename = @"%windir%\system32\PowerShell\7\pwrshplugin.dll";

        var differences = PluginConfigurationComparison.Compare(desired, Fixture(PluginFixtures.InstallScript), new PluginComparisonOptions { WindowsDirectory = @"C:\WINDOWS" });

        Assert.Equal(
            ["PSVersion", "Sddl", "MaxConcurrentUsers", "MaxProcessesPerShell", "MaxMemoryPerShellMB", "MaxConcurrentCommandsPerShell", "MaxShells", "MaxIdleTimeoutms"],
            differences.Select(d => d.Name));
    }

    [Fact]
    public void Compare_IgnoresCaseOfValues_AndWhatTheDesiredStateDoesNotSet()
    {
        var desired = Desired("PowerShell.7.4.6", "7.4.6");
        var actual = Fixture(PluginFixtures.StoredByWinRM);
        actual.Enabled = "true";
        actual.OutputBufferingMode = "BLOCK";
        actual.ProcessIdleTimeoutSec = "00";
        actual.Architecture = "32";
        actual.RunAsUser = "CONTOSO\\someone";
        actual.Lang = "de-DE";
        actual.InitializationParameters.Add("startupscript", @"C:\x.ps1");
        actual.Resources[0].Security[0].ExactMatch = "false";

        Assert.Empty(PluginConfigurationComparison.Compare(desired, actual));
    }

    [Fact]
    public void Compare_ReportsAttributesTheDesiredStateSets_EvenOnesPowerShellNeverWrites()
    {
        var desired = Desired("PowerShell.7.4.6", "7.4.6");
        desired.Architecture = "64";
        desired.RunAsVirtualAccount = "true";
        desired.Enabled = "False";
        var actual = Fixture(PluginFixtures.StoredByWinRM);
        actual.Architecture = null;

        var differences = PluginConfigurationComparison.Compare(desired, actual);

        Assert.Equal(
            [
                new PluginDifference(PluginDifferenceKind.Attribute, "Enabled", "PlugInConfiguration/@Enabled", "False", "True"),
                new PluginDifference(PluginDifferenceKind.Attribute, "Architecture", "PlugInConfiguration/@Architecture", "64", null),
                new PluginDifference(PluginDifferenceKind.Attribute, "RunAsVirtualAccount", "PlugInConfiguration/@RunAsVirtualAccount", "true", "false"),
            ],
            differences);
        Assert.Equal("PlugInConfiguration/@Architecture: expected '64', missing", differences[1].ToString());
    }

    [Fact]
    public void Compare_NeverComparesOrShowsTheRunAsPassword()
    {
        var desired = Desired("PowerShell.7.4.6", "7.4.6");
        desired.RunAsPassword = "secret-desired";
        var actual = Fixture(PluginFixtures.StoredByWinRM);
        actual.RunAsPassword = "encrypted-blob";

        Assert.Empty(PluginConfigurationComparison.Compare(desired, actual));
    }

    [Fact]
    public void Compare_ComparesOnlyTheQuotasTheDesiredStateSets()
    {
        var desired = Desired("PowerShell.7.4.6", "7.4.6");
        desired.Quotas = new PluginQuotas { MaxShellsPerUser = 25 };
        var actual = Fixture(PluginFixtures.StoredByWinRM);
        actual.Quotas!.MaxShells = 3;

        Assert.Empty(PluginConfigurationComparison.Compare(desired, actual));

        desired.Quotas.MaxMemoryPerShellMB = 1024;
        actual.Quotas = null;
        Assert.Equal(
            [
                new PluginDifference(PluginDifferenceKind.Quota, "MaxShellsPerUser", "Quotas/@MaxShellsPerUser", "25", null),
                new PluginDifference(PluginDifferenceKind.Quota, "MaxMemoryPerShellMB", "Quotas/@MaxMemoryPerShellMB", "1024", null),
            ],
            PluginConfigurationComparison.Compare(desired, actual).OrderByDescending(d => d.Name));
    }

    [Fact]
    public void Compare_ReportsAMissingResourceSecurityAndCapability()
    {
        var desired = Desired("PowerShell.7.4.6", "7.4.6");
        var otherUri = Fixture(PluginFixtures.StoredByWinRM);
        otherUri.Resources[0].ResourceUri = "http://schemas.microsoft.com/powershell/Other";
        var noSecurity = Fixture(PluginFixtures.StoredByWinRM);
        noSecurity.Resources[0].Security.Clear();
        noSecurity.Resources[0].Capabilities.Clear();

        var missingResource = Assert.Single(PluginConfigurationComparison.Compare(desired, otherUri));
        var missingParts = PluginConfigurationComparison.Compare(desired, noSecurity);

        Assert.Equal(PluginDifferenceKind.Resource, missingResource.Kind);
        Assert.Null(missingResource.Actual);
        Assert.Equal([PluginDifferenceKind.Security, PluginDifferenceKind.Capability], missingParts.Select(d => d.Kind));
        Assert.Equal("Resources/Resource[@ResourceUri='http://schemas.microsoft.com/powershell/PowerShell.7.4.6']/Capability[@Type='Shell']", missingParts[1].Path);
    }

    [Fact]
    public void Compare_UsesTheSddlComparisonItIsGiven()
    {
        var desired = Desired("PowerShell.7.4.6", "7.4.6");
        var actual = Fixture(PluginFixtures.StoredByWinRM);
        actual.Resources[0].Security[0].Sddl = "O:NSG:BAD:P(A;;GA;;;IU)(A;;GA;;;BA)(A;;GA;;;RM)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

        var asStrings = PluginConfigurationComparison.Compare(desired, actual);
        var semantic = PluginConfigurationComparison.Compare(desired, actual, new PluginComparisonOptions { SddlEquals = (a, b) => a.Length == b.Length });

        var difference = Assert.Single(asStrings);
        Assert.Equal(PluginDifferenceKind.Security, difference.Kind);
        Assert.Equal("Sddl", difference.Name);
        Assert.Empty(semantic);
    }

    [Theory]
    [InlineData(@"%windir%\system32\PowerShell\7\pwrshplugin.dll", @"C:\Windows\System32\PowerShell\7\pwrshplugin.dll", @"C:\Windows", true)]
    [InlineData(@"%WINDIR%\System32\PowerShell\7\pwrshplugin.dll", @"c:/windows//system32/powershell/7/PWRSHPLUGIN.DLL", @"C:\Windows\", true)]
    [InlineData(@"%SystemRoot%\system32\PowerShell\7\pwrshplugin.dll", @"%windir%\system32\PowerShell\7\pwrshplugin.dll", @"D:\Win", true)]
    [InlineData(@"%windir%\system32\PowerShell\7\pwrshplugin.dll", @"C:\Windows\System32\PowerShell\7\pwrshplugin.dll", null, false)]
    [InlineData(@"%windir%\system32\PowerShell\7\pwrshplugin.dll", @"D:\Windows\System32\PowerShell\7\pwrshplugin.dll", @"C:\Windows", false)]
    [InlineData(@"%windir%\system32\PowerShell\7\pwrshplugin.dll", @"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll", @"C:\Windows", false)]
    [InlineData(@"\\server\share\pwrshplugin.dll", @"\server\share\pwrshplugin.dll", null, false)]
    public void FilenamesEqual_ComparesWindowsPaths(string left, string right, string? windowsDirectory, bool expected)
    {
        Assert.Equal(expected, PluginConfigurationComparison.FilenamesEqual(left, right, windowsDirectory));
    }
}
