using PSRemotingDsc.PowerShell.MachineConfiguration;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.MachineConfiguration;

/// <summary>How the writer renders instances and values, and what it refuses.</summary>
public sealed class MofWriterTests
{
    private static readonly MofMetadata Metadata = new("user", new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Unspecified), "host");

    private static MofResource Endpoint(string instanceName, params MofProperty[] properties) =>
        MofResource.Create("PSRemotingEndpoint", instanceName, "PSRemotingDsc", "0.1.0", properties);

    [Fact]
    public void Instance_HasResourceIdFirst_DeclaredPropertiesInOrder_ThenModule_AndTheConfigurationNameAppended()
    {
        string mof = MofWriter.Write(
            "Remoting",
            [Endpoint("Seven", new("Version", MofValue.FromText("7")), new("Transport", MofValue.FromText("SSH")))],
            Metadata);

        Assert.Contains(
            "\r\ninstance of PSRemotingEndpoint as $PSRemotingEndpoint1ref\r\n{\r\n"
            + "ResourceID = \"[PSRemotingEndpoint]Seven\";\r\n"
            + " Version = \"7\";\r\n"
            + " Transport = \"SSH\";\r\n"
            + " ModuleName = \"PSRemotingDsc\";\r\n"
            + " ModuleVersion = \"0.1.0\";\r\r\n"
            + " ConfigurationName = \"Remoting\";\r\r\n};\r\n",
            mof,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Header_AndDocumentInstance_CarryUserTimeHostAndName()
    {
        string mof = MofWriter.Write("Remoting", [Endpoint("Seven")], Metadata with { TargetNode = "server1" });

        Assert.StartsWith("/*\r\n@TargetNode='server1'\r\n@GeneratedBy=user\r\n@GenerationDate=03/04/2026 05:06:07\r\n@GenerationHost=host\r\n*/\r\n", mof, StringComparison.Ordinal);
        Assert.Contains("Author=\"user\";", mof, StringComparison.Ordinal);
        Assert.Contains("GenerationDate=\"03/04/2026 05:06:07\";", mof, StringComparison.Ordinal);
        Assert.Contains("GenerationHost=\"host\";", mof, StringComparison.Ordinal);
        Assert.Contains("Name=\"Remoting\";", mof, StringComparison.Ordinal);
        Assert.Contains("MinimumCompatibleVersion = \"1.0.0\";", mof, StringComparison.Ordinal);
        Assert.Contains("CompatibleVersionAdditionalProperties= {\"Omi_BaseResource:ConfigurationName\"};", mof, StringComparison.Ordinal);
        Assert.Equal(1, Count(mof, "instance of OMI_ConfigurationDocument"));
    }

    [Fact]
    public void Aliases_CountPerClass_FromOne()
    {
        MofResource other = MofResource.Create("OtherClass", "A", "PSRemotingDsc", "0.1.0", []);
        string mof = MofWriter.Write("Remoting", [Endpoint("Five"), other, Endpoint("Seven")], Metadata);

        Assert.Contains("instance of PSRemotingEndpoint as $PSRemotingEndpoint1ref\r\n", mof, StringComparison.Ordinal);
        Assert.Contains("instance of OtherClass as $OtherClass1ref\r\n", mof, StringComparison.Ordinal);
        Assert.Contains("instance of PSRemotingEndpoint as $PSRemotingEndpoint2ref\r\n", mof, StringComparison.Ordinal);
        Assert.True(mof.IndexOf("[PSRemotingEndpoint]Five", StringComparison.Ordinal) < mof.IndexOf("[PSRemotingEndpoint]Seven", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_StringArray_Boolean_Number_AsConvertToMofInstanceRendersThem()
    {
        string mof = MofWriter.Write(
            "Remoting",
            [
                Endpoint(
                    "Seven",
                    new("Arguments", MofValue.FromTextArray(["-ConfigurationFile", "/etc/pwsh/jea.pssc"])),
                    new("Single", MofValue.FromTextArray(["only"])),
                    new("Empty", MofValue.FromTextArray([])),
                    new("RunAsVirtualAccount", MofValue.FromBoolean(true)),
                    new("UseSharedProcess", MofValue.FromBoolean(false)),
                    new("MaxShells", MofValue.FromNumber(-25))),
            ],
            Metadata);

        Assert.Contains(" Arguments = {\r\n    \"-ConfigurationFile\",\r\n    \"/etc/pwsh/jea.pssc\"\r\n};\r\n", mof, StringComparison.Ordinal);
        Assert.Contains(" Single = {\r\n    \"only\"\r\n};\r\n", mof, StringComparison.Ordinal);
        Assert.DoesNotContain("Empty", mof, StringComparison.Ordinal);
        Assert.Contains(" RunAsVirtualAccount = True;\r\n", mof, StringComparison.Ordinal);
        Assert.Contains(" UseSharedProcess = False;\r\n", mof, StringComparison.Ordinal);
        Assert.Contains(" MaxShells = -25;\r\n", mof, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceInfoAndFriendlyName_AreWrittenWhenGiven()
    {
        MofResource resource = MofResource.Create("MSFT_ScriptResource", "A", "PSDscResources", "2.12.0.0", [], friendlyName: "Script", sourceInfo: "::5::9::Script");
        string mof = MofWriter.Write("Remoting", [resource], Metadata);

        Assert.Contains("ResourceID = \"[Script]A\";\r\n SourceInfo = \"::5::9::Script\";\r\n ModuleName = \"PSDscResources\";", mof, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_IsDeterministic()
    {
        Assert.Equal(MachineConfigurationExample.Mof(), MachineConfigurationExample.Mof());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Remoting")]
    [InlineData("_Remoting")]
    [InlineData("Remoting-Ssh")]
    [InlineData("Remoting Ssh")]
    [InlineData("Remoting.Ssh")]
    [InlineData("Remöting")]
    [InlineData("../Remoting")]
    [InlineData("Remoting\n")]
    [InlineData("CON")]
    [InlineData("lpt1")]
    public void ConfigurationName_ThatPSDesiredStateConfigurationOrAFileSystemRefuses_IsRefused(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => MofWriter.Write(name, [Endpoint("Seven")], Metadata));
        Assert.Equal("configurationName", exception.ParamName);
    }

    [Fact]
    public void ConfigurationName_OfLettersDigitsAndUnderscores_IsAccepted()
    {
        Assert.Contains("Name=\"a1_B\";", MofWriter.Write("a1_B", [Endpoint("Seven")], Metadata), StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedResourceId_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => MofWriter.Write("Remoting", [Endpoint("Seven"), Endpoint("seven")], Metadata));
    }

    [Fact]
    public void NoResource_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => MofWriter.Write("Remoting", [], Metadata));
    }

    [Theory]
    [InlineData("ResourceID")]
    [InlineData("moduleName")]
    [InlineData("ModuleVersion")]
    [InlineData("SourceInfo")]
    [InlineData("ConfigurationName")]
    [InlineData("DependsOn")]
    [InlineData("PsDscRunAsCredential")]
    public void PropertyTheWriterOwnsOrDoesNotSupport_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => Endpoint("Seven", new MofProperty(name, MofValue.FromText("x"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("Has Space")]
    [InlineData("Semi;colon")]
    [InlineData("Version\n")]
    public void PropertyName_ThatIsNotAMofIdentifier_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => Endpoint("Seven", new MofProperty(name, MofValue.FromText("x"))));
    }

    [Fact]
    public void RepeatedPropertyName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Endpoint("Seven", new("Version", MofValue.FromText("7")), new("version", MofValue.FromText("5.1"))));
    }

    [Theory]
    [InlineData("a*/b")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    public void HeaderValue_ThatWouldBreakTheCommentHeader_IsRefused(string user)
    {
        Assert.Throws<ArgumentException>(() => MofWriter.Write("Remoting", [Endpoint("Seven")], Metadata with { GeneratedBy = user }));
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
