using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class PluginConfigurationTests
{
    // Research ps-remoting-internals.md §2.4, verbatim: derived from pluginXmlFormat, with line breaks added for reading.
    private const string ResearchDefault74 = """
        <PlugInConfiguration xmlns='http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration' Name='PowerShell.7.4.6'
          Filename='%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll' SDKVersion='2' XmlRenderingType='text'
          Enabled='True' OutputBufferingMode='Block' ProcessIdleTimeoutSec='0'>
         <InitializationParameters><Param Name='PSVersion' Value='7.4' /></InitializationParameters>
         <Resources><Resource ResourceUri='http://schemas.microsoft.com/powershell/PowerShell.7.4.6' SupportsOptions='true' ExactMatch='true'>
          <Security Uri='http://schemas.microsoft.com/powershell/PowerShell.7.4.6' ExactMatch='true'
           Sddl='O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)' />
          <Capability Type='Shell' /></Resource></Resources>
         <Quotas IdleTimeoutms='7200000' MaxConcurrentUsers='2147483647' MaxProcessesPerShell='2147483647' MaxMemoryPerShellMB='2147483647'
          MaxShellsPerUser='2147483647' MaxConcurrentCommandsPerShell='2147483647' MaxShells='2147483647' MaxIdleTimeoutms='2147483647' />
        </PlugInConfiguration>
        """;

    [Fact]
    public void TheFixtureDirectory_HoldsTheEightDocuments_EachSayingWhereItComesFrom()
    {
        Assert.Equal(
            [PluginFixtures.InstallScript, PluginFixtures.StoredByWinRM, PluginFixtures.WrittenByPowerShell, PluginFixtures.RegisterDisabled,
                PluginFixtures.RegisterPsscVirtualAccount, PluginFixtures.Stale72, PluginFixtures.Store763, PluginFixtures.WindowsPowerShell],
            PluginFixtures.FileNames);
        Assert.All(PluginFixtures.FileNames, name => Assert.StartsWith("<!-- Fixture: ", PluginFixtures.Text(name), StringComparison.Ordinal));
    }

    [Fact]
    public void ToXml_OfTheDefaultFor746_IsByteForByteWhatPowerShellWrites()
    {
        var configuration = DefaultPluginConfiguration.Create("PowerShell.7.4.6", PowerShellVersion.Parse("7.4.6"));

        Assert.Equal(PluginFixtures.Document(PluginFixtures.WrittenByPowerShell), configuration.ToXml());
    }

    [Fact]
    public void ToXml_OfTheDefaultFor746_IsTheResearchDocument_WhenWhitespaceIsNormalized()
    {
        // The research added line breaks for reading; PowerShell's template has its own (and double spaces).
        // Both normalize to the same one-line text, so they differ in whitespace between attributes and elements only.
        string written = DefaultPluginConfiguration.Create("PowerShell.7.4.6", PowerShellVersion.Parse("7.4.6")).ToXml();

        Assert.Equal(Normalize(ResearchDefault74), Normalize(written));
        Assert.NotEqual(ResearchDefault74, written);
    }

    [Fact]
    public void ToXml_UsesTheGivenLineBreak()
    {
        string written = DefaultPluginConfiguration.Create("PowerShell.7", PowerShellVersion.Parse("7.6.0-preview.5")).ToXml("\n");

        Assert.DoesNotContain('\r', written);
        Assert.StartsWith("\n<PlugInConfiguration xmlns='", written, StringComparison.Ordinal);
        Assert.Contains("    Filename='%windir%\\system32\\PowerShell\\7.6.0-preview.5\\pwrshplugin.dll'\n", written, StringComparison.Ordinal);
        Assert.Contains("<Param Name='PSVersion' Value='7.6' />", written, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void ParseThenToXmlThenParse_KeepsEveryValue(string fixture)
    {
        var first = PluginConfiguration.Parse(PluginFixtures.Text(fixture), fixture);
        var second = PluginConfiguration.Parse(first.ToXml(), fixture);

        Assert.Equal(first.ToXml(), second.ToXml());
        Assert.Empty(PluginConfigurationComparison.Compare(first, second));
        Assert.Empty(PluginConfigurationComparison.Compare(second, first));
        Assert.Equal(first.RunAsPassword, second.RunAsPassword);
        Assert.Equal(first.Lang, second.Lang);
    }

    public static TheoryData<string> AllFixtures => PluginFixtures.Names;

    [Fact]
    public void Parse_ReadsTheDocumentWinRMStores_WithDoubleQuotesReorderedAttributesAndAddedDefaults()
    {
        var configuration = PluginConfiguration.Parse(PluginFixtures.Text(PluginFixtures.StoredByWinRM));

        Assert.Equal("PowerShell.7.4.6", configuration.Name);
        Assert.Equal(@"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll", configuration.Filename);
        Assert.Equal("2", configuration.SDKVersion);
        Assert.Equal("True", configuration.Enabled);
        Assert.Equal("64", configuration.Architecture);
        Assert.Equal("false", configuration.UseSharedProcess);
        Assert.Equal("false", configuration.AutoRestart);
        Assert.Equal("false", configuration.RunAsVirtualAccount);
        Assert.Equal(string.Empty, configuration.RunAsVirtualAccountGroups);
        Assert.Equal(string.Empty, configuration.RunAsUser);
        Assert.Equal("Block", configuration.OutputBufferingMode);
        Assert.Equal("0", configuration.ProcessIdleTimeoutSec);
        Assert.Empty(configuration.AdditionalAttributes);
        Assert.Equal("7.4", configuration.InitializationParameters.PSVersion);
        var resource = Assert.Single(configuration.Resources);
        Assert.Equal("http://schemas.microsoft.com/powershell/PowerShell.7.4.6", resource.ResourceUri);
        var security = Assert.Single(resource.Security);
        Assert.Equal("False", security.ExactMatch);
        Assert.Equal(DefaultPluginConfiguration.RemoteSddl, security.Sddl);
        Assert.Equal("Shell", Assert.Single(resource.Capabilities).Type);
        Assert.Equal(25, configuration.Quotas!.MaxShellsPerUser);
        Assert.Equal(7_200_000, configuration.Quotas.IdleTimeoutms);
        Assert.Equal(int.MaxValue, configuration.Quotas.MaxIdleTimeoutms);
    }

    [Fact]
    public void Parse_ReadsTheInstallScriptVariant()
    {
        var configuration = PluginConfiguration.Parse(PluginFixtures.Text(PluginFixtures.InstallScript));

        Assert.Equal("PowerShell.7", configuration.Name);
        Assert.Equal(@"C:\WINDOWS\System32\PowerShell\7\pwrshplugin.dll", configuration.Filename);
        Assert.Equal("64", configuration.Architecture);
        Assert.Equal("7.0", configuration.InitializationParameters.PSVersion);
        Assert.Equal("O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)", configuration.Resources[0].Security[0].Sddl);
        Assert.Equal(5, configuration.Quotas!.MaxConcurrentUsers);
        Assert.Equal(15, configuration.Quotas.MaxProcessesPerShell);
        Assert.Equal(1024, configuration.Quotas.MaxMemoryPerShellMB);
        Assert.Equal(1000, configuration.Quotas.MaxConcurrentCommandsPerShell);
        Assert.Equal(25, configuration.Quotas.MaxShells);
        Assert.Equal(43_200_000, configuration.Quotas.MaxIdleTimeoutms);
        Assert.Equal(string.Empty, configuration.RunAsPassword);
    }

    [Fact]
    public void Parse_ReadsXmlLang_AndTheLowerCaseWindowsPowerShellName()
    {
        var configuration = PluginConfiguration.Parse(PluginFixtures.Text(PluginFixtures.WindowsPowerShell));

        Assert.Equal("microsoft.powershell", configuration.Name);
        Assert.Equal("en-US", configuration.Lang);
        Assert.Equal("5.1", configuration.InitializationParameters["psversion"]);
        Assert.Contains(" xml:lang='en-US'", configuration.ToXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AcceptsADocumentWithoutNamespace_WithBomAndXmlDeclaration()
    {
        const string xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><PlugInConfiguration Name=\"X\" Filename='f.dll'><Quotas MaxShells=\"3\"/></PlugInConfiguration>";

        var configuration = PluginConfiguration.Parse(xml);

        Assert.Equal("X", configuration.Name);
        Assert.Equal("f.dll", configuration.Filename);
        Assert.Equal(3, configuration.Quotas!.MaxShells);
        Assert.Empty(configuration.Resources);
        Assert.Null(configuration.Enabled);
    }

    [Fact]
    public void Parse_KeepsUnknownAttributesAndElements_AndWritesThemBack()
    {
        const string xml = """
            <PlugInConfiguration xmlns="http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration" xmlns:x="urn:extra" Name="Custom" Filename="c.dll" NewWinRMAttribute="yes" x:Tag="t">
              <InitializationParameters><Param Name="startupscript" Value="C:\s &amp; t.ps1"/><Other A="1"/></InitializationParameters>
              <Resources><Resource ResourceUri="http://schemas.microsoft.com/powershell/Custom" Extra="e"><Capability Type="Shell" SupportsFragment="true"/><Future/></Resource></Resources>
              <Quotas MaxShells="5" MaxConcurrentOperationsPerUser="15"/>
              <Unknown><Child/></Unknown>
            </PlugInConfiguration>
            """;

        var configuration = PluginConfiguration.Parse(xml);
        string written = configuration.ToXml();
        var again = PluginConfiguration.Parse(written);

        Assert.Equal("yes", again.AdditionalAttributes.Single(a => a.Name.LocalName == "NewWinRMAttribute").Value);
        Assert.Equal("t", again.AdditionalAttributes.Single(a => a.Name == System.Xml.Linq.XName.Get("Tag", "urn:extra")).Value);
        Assert.Equal(@"C:\s & t.ps1", again.InitializationParameters["StartupScript"]);
        Assert.Contains("Value='C:\\s &amp; t.ps1'", written, StringComparison.Ordinal);
        Assert.Equal("Other", Assert.Single(again.InitializationParameters.AdditionalElements).Name.LocalName);
        var resource = Assert.Single(again.Resources);
        Assert.Equal("e", resource.AdditionalAttributes.Single().Value);
        Assert.Equal("true", Assert.Single(resource.Capabilities).AdditionalAttributes.Single().Value);
        Assert.Equal("Future", Assert.Single(resource.AdditionalElements).Name.LocalName);
        Assert.Equal("15", Assert.Single(again.Quotas!.AdditionalAttributes).Value);
        Assert.Equal("Unknown", Assert.Single(again.AdditionalElements).Name.LocalName);
        Assert.Equal(written, again.ToXml());
    }

    [Fact]
    public void ToXml_EscapesTheSddl_AsSecurityElementEscapeDoes()
    {
        const string sddl = "O:NSG:BAD:P(XA;;GA;;;BA;(Member_of {SID(S-1-5-32-547)} && Member_of {SID(S-1-5-32-580)}))S:P(AU;FA;GA;;;WD)";
        var configuration = DefaultPluginConfiguration.Create("PowerShell.7", PowerShellVersion.Parse("7.4.6"), sddl: sddl);

        string written = configuration.ToXml();

        Assert.Contains("Sddl='O:NSG:BAD:P(XA;;GA;;;BA;(Member_of {SID(S-1-5-32-547)} &amp;&amp; Member_of {SID(S-1-5-32-580)}))S:P(AU;FA;GA;;;WD)' />", written, StringComparison.Ordinal);
        Assert.Equal(sddl, PluginConfiguration.Parse(written).Resources[0].Security[0].Sddl);
    }

    [Fact]
    public void ToXml_KeepsAnUnknownElementOfADocumentWithoutNamespace_OutOfThePluginNamespace()
    {
        // Found by fuzzing: written without xmlns="", it read back in the plugin namespace, and the next ToXml differed.
        var configuration = PluginConfiguration.Parse("<PlugInConfiguration Name='X'><InitializationParameters><Parcm Name='PSVersion'><Inner/></Parcm></InitializationParameters></PlugInConfiguration>");

        string written = configuration.ToXml();

        Assert.Contains("<Parcm Name=\"PSVersion\" xmlns=\"\"><Inner /></Parcm>", written, StringComparison.Ordinal);
        var again = PluginConfiguration.Parse(written);
        Assert.Equal(System.Xml.Linq.XName.Get("Parcm"), Assert.Single(again.InitializationParameters.AdditionalElements).Name);
        Assert.Equal(written, again.ToXml());
    }

    [Fact]
    public void Parse_RejectsADocumentNestedDeeperThanSixtyFourLevels_InsteadOfOverflowingTheStack()
    {
        // Found by fuzzing: copying a 10,000-level unknown element overflowed a 1 MiB stack.
        string xml = $"<PlugInConfiguration Name='X'>{string.Concat(Enumerable.Repeat("<x>", 20_000))}{string.Concat(Enumerable.Repeat("</x>", 20_000))}</PlugInConfiguration>";

        var error = Assert.Throws<PSRemotingDscException>(() => PluginConfiguration.Parse(xml));

        Assert.Equal("PluginXmlInvalid", error.ErrorId);
        Assert.Contains("more than 64 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToXml_WritesTabsAndLineBreaksInValuesAsCharacterReferences_SoTheyReadBack()
    {
        // Found by fuzzing: written raw, a reader's attribute-value normalization turned them into spaces.
        var configuration = PluginConfiguration.Parse("<PlugInConfiguration Name='a&#10;b&#13;c&#9;d'><InitializationParameters><Param Name='k' Value='1&#xA;2'/></InitializationParameters></PlugInConfiguration>");

        string written = configuration.ToXml();

        Assert.Contains("Name='a&#xA;b&#xD;c&#x9;d'", written, StringComparison.Ordinal);
        var again = PluginConfiguration.Parse(written);
        Assert.Equal("a\nb\rc\td", again.Name);
        Assert.Equal("1\n2", again.InitializationParameters["k"]);
        Assert.Equal(written, again.ToXml());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("<PlugInConfiguration Name='X'>", "is not well-formed XML (line 1")]
    [InlineData("<Plugin Name='X'/>", "has root element 'Plugin' at line 1")]
    [InlineData("<PlugInConfiguration xmlns='urn:other' Name='X'/>", "expected 'PlugInConfiguration' in namespace")]
    [InlineData("<PlugInConfiguration Filename='x.dll'/>", "has no Name attribute")]
    [InlineData("<PlugInConfiguration Name='X'>\n<Quotas MaxShells='many'/></PlugInConfiguration>", "'X' has quota MaxShells='many', which is not a non-negative whole number (line 2)")]
    [InlineData("<PlugInConfiguration Name='X'><Quotas MaxShells='-1'/></PlugInConfiguration>", "MaxShells='-1'")]
    [InlineData("<PlugInConfiguration Name='X'><Quotas/><Quotas/></PlugInConfiguration>", "has a second Quotas element")]
    [InlineData("<PlugInConfiguration Name='X'><InitializationParameters><Param Value='1'/></InitializationParameters></PlugInConfiguration>", "has a Param without a Name attribute")]
    [InlineData("<PlugInConfiguration Name='X'><InitializationParameters><Param Name='PSVersion'/></InitializationParameters></PlugInConfiguration>", "has Param 'PSVersion' without a Value attribute")]
    [InlineData("<PlugInConfiguration Name='X'><Resources><Resource/></Resources></PlugInConfiguration>", "has a Resource without a ResourceUri attribute")]
    [InlineData("<PlugInConfiguration Name='X'><Resources><Resource ResourceUri='u'><Capability/></Resource></Resources></PlugInConfiguration>", "has a Capability without a Type attribute in resource 'u'")]
    [InlineData("<!DOCTYPE x [<!ENTITY e 'v'>]><PlugInConfiguration Name='&e;'/>", "is not well-formed XML")]
    public void Parse_RejectsMalformedDocuments_NamingThePluginAndTheProblem(string xml, string expected)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => PluginConfiguration.Parse(xml, "Registry key X"));

        Assert.Equal("PluginXmlInvalid", error.ErrorId);
        Assert.Equal(ExitCode.ConfigUnreadable, error.ExitCode);
        Assert.Contains("'Registry key X'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("'X' has", "'Registry key X' has", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesThePluginFromItsNameAttribute_WhenNoSourceIsGiven()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => PluginConfiguration.Parse("<PlugInConfiguration Name='PowerShell.7'><Quotas MaxShells='x'/></PlugInConfiguration>"));

        Assert.StartsWith("The WinRM plugin configuration of 'PowerShell.7' has quota MaxShells='x'", error.Message, StringComparison.Ordinal);
    }

    private static string Normalize(string xml) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(xml.Trim(), @"\s+", " "),
            @">\s+<",
            "><");
}
