using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class EndpointNamingTests
{
    [Theory]
    [InlineData("7", "PowerShell.7")]
    [InlineData("7-preview", "PowerShell.7-preview")]
    [InlineData("7.4.6", "PowerShell.7.4.6")]
    [InlineData("7.6.0-preview.5", "PowerShell.7.6.0-preview.5")]
    [InlineData("7.5.0-rc.1", "PowerShell.7.5.0-rc.1")]
    [InlineData("7.4", "PowerShell.7.4")]
    [InlineData("7.6-preview", "PowerShell.7.6-preview")]
    public void NameFor_BuildsTheEndpointNameOfAVersionSpec(string spec, string expected)
    {
        Assert.Equal(expected, EndpointNaming.NameFor(VersionSpec.Parse(spec)));
    }

    [Theory]
    [InlineData("7.4.6", "PowerShell.7.4.6", "PowerShell.7")]
    [InlineData("7.6.0-preview.5", "PowerShell.7.6.0-preview.5", "PowerShell.7-preview")]
    [InlineData("7.5.0-rc.1", "PowerShell.7.5.0-rc.1", "PowerShell.7-preview")]
    [InlineData("7.3.0-preview.8-29-g52c6b12", "PowerShell.7.3.0-preview.8-29-g52c6b12", "PowerShell.7-preview")]
    public void TheTwoNamesEnablePSRemotingRegisters_FollowGitCommitIdAndMajor(string version, string specific, string simple)
    {
        var parsed = PowerShellVersion.Parse(version);

        Assert.Equal(specific, EndpointNaming.VersionSpecificName(parsed));
        Assert.Equal(simple, EndpointNaming.SimpleName(parsed));
    }

    [Theory]
    [InlineData("7.4.6", "7.4.6", @"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll", "7.4")]
    [InlineData("7.6.0-preview.5", "7.6.0-preview.5", @"%windir%\system32\PowerShell\7.6.0-preview.5\pwrshplugin.dll", "7.6")]
    [InlineData("10.12.3", "10.12.3", @"%windir%\system32\PowerShell\10.12.3\pwrshplugin.dll", "10.12")]
    public void PluginValues_OfAnInstallation_AreWhatPowerShellWrites(string version, string directory, string filename, string psVersion)
    {
        var installation = new PowerShellInstallation(PowerShellVersion.Parse(version), "pshome", "pwsh", "test");

        Assert.Equal(directory, EndpointNaming.PluginDirectoryName(installation));
        Assert.Equal(filename, EndpointNaming.PluginFilename(installation));
        Assert.Equal(psVersion, EndpointNaming.PSVersionParameter(installation.Version));
    }

    [Fact]
    public void ResourceUri_IsThePowerShellPrefixAndTheName()
    {
        Assert.Equal("http://schemas.microsoft.com/powershell/PowerShell.7", EndpointNaming.ResourceUri("PowerShell.7"));
    }

    [Theory]
    [InlineData("PowerShell.7")]
    [InlineData("PowerShell.7.6.0-preview.5")]
    [InlineData("my_endpoint-2")]
    [InlineData("7")]
    public void ValidatePluginName_AcceptsLettersDigitsDotsDashesAndUnderscores(string name)
    {
        EndpointNaming.ValidatePluginName(name);
        Assert.True(EndpointNaming.IsValidPluginName(name, out _));
    }

    [Fact]
    public void ValidatePluginName_Accepts255Characters_AndRejects256()
    {
        EndpointNaming.ValidatePluginName(new string('a', 255));
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointNaming.ValidatePluginName(new string('a', 256)));
        Assert.Contains("it has 256 characters, more than 255", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "it is empty")]
    [InlineData("", "it is empty")]
    [InlineData(".hidden", "it starts with '.'")]
    [InlineData("-x", "it starts with '-'")]
    [InlineData("Power Shell", "character 6 ('U+0020') is not allowed")]
    [InlineData("PowerShell/7", "character 11 ('/') is not allowed")]
    [InlineData(@"PowerShell\7", "character 11 ('\\') is not allowed")]
    [InlineData("PowerShell?Name=x", "character 11 ('?') is not allowed")]
    [InlineData("PowerShell.7\n", "character 13 ('U+000A') is not allowed")]
    [InlineData("PowerShéll", "character 8 ('é') is not allowed")]
    [InlineData("a'b", "character 2 (''') is not allowed")]
    public void ValidatePluginName_RejectsOtherNames_SayingWhatIsWrongAndWhatToDo(string? name, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointNaming.ValidatePluginName(name));

        Assert.Equal("PluginNameInvalid", error.ErrorId);
        Assert.Equal(ExitCode.PluginNameInvalid, error.ExitCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("Use 1 to 255 characters from letters, digits, '.', '-' and '_'", error.Message, StringComparison.Ordinal);
        Assert.False(EndpointNaming.IsValidPluginName(name, out string? reported));
        Assert.Equal(problem, reported);
    }

    [Fact]
    public void DefaultPluginConfiguration_RejectsAnInvalidName()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => DefaultPluginConfiguration.Create("Power Shell", PowerShellVersion.Parse("7.4.6")));
        Assert.Equal(ExitCode.PluginNameInvalid, error.ExitCode);
    }
}
