using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class InitializationParametersTests
{
    [Fact]
    public void Lookup_IgnoresCase_LikePowerShell()
    {
        var parameters = new InitializationParameters();
        parameters.Add("psversion", "7.4");

        Assert.Equal("7.4", parameters.PSVersion);
        Assert.Equal("7.4", parameters["PSVERSION"]);
        Assert.Null(parameters["startupscript"]);
    }

    [Fact]
    public void Set_KeepsThePlaceAndSpellingOfAnExistingParameter()
    {
        var parameters = new InitializationParameters();
        parameters.Add("configfilepath", "a.pssc");
        parameters.Add("psversion", "7.2");
        parameters.Add("startupscript", "s.ps1");

        parameters.PSVersion = "7.4";

        Assert.Equal(["configfilepath", "psversion", "startupscript"], parameters.Select(p => p.Name));
        Assert.Equal("7.4", parameters[1].Value);
    }

    [Fact]
    public void SettingPSVersionToNull_RemovesIt_AndSetAppendsWhenAbsent()
    {
        var parameters = new InitializationParameters();
        parameters.Add("PSVersion", "7.4");
        parameters.Add("PSVERSION", "7.5");

        parameters.PSVersion = null;
        Assert.Empty(parameters);

        parameters.Set("applicationbase", @"C:\app");
        Assert.Equal(new InitializationParameter("applicationbase", @"C:\app"), Assert.Single(parameters));
    }

    [Fact]
    public void SessionConfigurationData_IsWrittenWithoutTheLineBreakPowerShellLeavesOut()
    {
        var configuration = new PluginConfiguration("X");
        configuration.InitializationParameters.Add("sessionconfigurationdata", "<SessionConfigurationData><Param Name='ModulesToImport' Value='A' /></SessionConfigurationData>");
        configuration.InitializationParameters.PSVersion = "7.4";

        string written = configuration.ToXml("\n");

        Assert.Contains(
            "  <InitializationParameters>\n\n<Param Name='sessionconfigurationdata' Value='&lt;SessionConfigurationData&gt;&lt;Param Name=&apos;ModulesToImport&apos; Value=&apos;A&apos; /&gt;&lt;/SessionConfigurationData&gt;' />\n<Param Name='PSVersion' Value='7.4' />\n\n\n  </InitializationParameters>",
            written,
            StringComparison.Ordinal);
        Assert.Equal(configuration.InitializationParameters["SessionConfigurationData"], PluginConfiguration.Parse(written).InitializationParameters["sessionconfigurationdata"]);
    }
}
