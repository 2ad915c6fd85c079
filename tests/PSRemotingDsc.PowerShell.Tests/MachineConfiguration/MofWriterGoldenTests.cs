using PSRemotingDsc.PowerShell.MachineConfiguration;
using PSRemotingDsc.TestSupport;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.MachineConfiguration;

/// <summary>
/// The writer against MOF documents PSDesiredStateConfiguration wrote: a real one from the GuestConfiguration
/// repository's tests (tests/fixtures/machine-configuration/README.md), and the committed example.
/// </summary>
public sealed class MofWriterGoldenTests
{
    private static string FixturePath => Path.Join(RepositoryPaths.Fixtures, "machine-configuration", "GuestConfiguration-TestScript.mof");

    [Fact]
    public void Writer_ReproducesTheGuestConfigurationTestMof_ForTheSameInstance()
    {
        // The Script resource of that MOF, its properties in the order PSDesiredStateConfiguration's hash table gave them.
        MofResource script = MofResource.FromOrderedProperties(
            "MSFT_ScriptResource",
            [
                new MofProperty("ModuleVersion", MofValue.FromText("2.12.0.0")),
                new MofProperty("SetScript", MofValue.FromText(" $null = New-Item -Path 'C:\\Test-GC-Folder' -ItemType 'Directory'")),
                new MofProperty("ModuleName", MofValue.FromText("PSDscResources")),
                new MofProperty("ResourceID", MofValue.FromText("[Script]MyTestScript")),
                new MofProperty("SourceInfo", MofValue.FromText("C:\\Users\\kakeim\\Clones\\GuestConfiguration\\Tests\\Unit\\assets\\TestConfigs\\TestScriptConfig.ps1::5::9::Script")),
                new MofProperty("TestScript", MofValue.FromText(" return (Test-Path -Path 'C:\\Test-GC-Folder') ")),
                new MofProperty("GetScript", MofValue.FromText("\r\n                $fileExists = Test-Path -Path 'C:\\Test-GC-Folder'\r\n                return @{}\r\n")),
            ]);
        var metadata = new MofMetadata("kakeim", new DateTime(2022, 1, 26, 13, 55, 29, DateTimeKind.Unspecified), "DESKTOP-IQHSK3I");

        string written = MofWriter.Write("TestScriptConfig", [script], metadata);

        Assert.Equal(File.ReadAllText(FixturePath), StoredAsTheGuestConfigurationRepositoryStoresIt(written));
    }

    [Fact]
    public void Writer_WritesTheCarriageReturnsPSDesiredStateConfigurationWrites()
    {
        string written = MachineConfigurationExample.Mof();

        // The "`r`n" PSDesiredStateConfiguration writes before its final "`n" -> "`r`n" replacement.
        Assert.Contains(" ModuleVersion = \"0.1.0\";\r\r\n ConfigurationName = \"PSRemotingSsh\";\r\r\n};\r\ninstance of OMI_ConfigurationDocument\r\n\r\r\n                    {\r\n Version=\"2.0.0\";\r\n\r\r\n", written, StringComparison.Ordinal);
        Assert.EndsWith("                        Name=\"PSRemotingSsh\";\r\n\r\r\n                    };\r\n", written, StringComparison.Ordinal);
        Assert.StartsWith("/*\r\n@TargetNode='localhost'\r\n@GeneratedBy=psremotingdsc\r\n@GenerationDate=01/01/2026 00:00:00\r\n@GenerationHost=build-host\r\n*/\r\n\r\ninstance of PSRemotingEndpoint as $PSRemotingEndpoint1ref\r\n{\r\nResourceID = \"[PSRemotingEndpoint]PowerShell7\";\r\n Version = \"7\";\r\n", written, StringComparison.Ordinal);

        // No LF without its CR.
        Assert.DoesNotContain('\n', written.Replace("\r\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void CommittedExampleMof_IsWhatTheWriterWrites()
    {
        byte[] expected = MofWriter.Encode(MachineConfigurationExample.Mof());
        if (Environment.GetEnvironmentVariable("PSREMOTINGDSC_UPDATE_EXAMPLES") == "1")
        {
            File.WriteAllBytes(MachineConfigurationExample.MofPath, expected);
        }

        Assert.Equal(expected, File.ReadAllBytes(MachineConfigurationExample.MofPath));
    }

    // What the GuestConfiguration repository did to the MOF: CRLF stored as LF, and a CR before a line break as a line of its own.
    private static string StoredAsTheGuestConfigurationRepositoryStoresIt(string mof) =>
        mof.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
