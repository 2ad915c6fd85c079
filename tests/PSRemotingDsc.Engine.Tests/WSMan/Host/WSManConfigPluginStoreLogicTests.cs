using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Tests.Platform;
using PSRemotingDsc.WSMan.Host;

// These tests drive the adapter with a scripted cscript, so they run on every OS; nothing Windows-only is called.
#pragma warning disable CA1416

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class WSManConfigPluginStoreLogicTests
{
    private const string EnumerateOutput =
        "<cfg:PlugInConfiguration xmlns:cfg=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"microsoft.powershell\" Filename=\"%windir%\\system32\\pwrshplugin.dll\"></cfg:PlugInConfiguration>"
        + "<cfg:PlugInConfiguration xmlns:cfg=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"PowerShell.7\" SDKVersion=\"2\"></cfg:PlugInConfiguration>";

    [Fact]
    public void Create_RunsWinrmVbsThroughCscript_WithTheResourceUriAndAnAsciiFile()
    {
        string? fileContent = null;
        var cscript = new ScriptedCommandLine(parsed =>
        {
            if (parsed.Switches.TryGetValue("file", out string? file))
            {
                fileContent = File.ReadAllText(file);
            }

            return ScriptedProcess.Ok();
        });
        var store = new WSManConfigPluginStore(Path.Join("C:", "Windows", "System32"), TimeSpan.FromSeconds(5), cscript.Run);

        store.Create("PowerShell.7", "<PlugInConfiguration Name=\"PowerShell.7\" Comment=\"Jürgen\"/>");

        var call = Assert.Single(cscript.Calls);
        Assert.EndsWith("cscript.exe", call.File, StringComparison.Ordinal);
        Assert.StartsWith("//NoLogo " + Path.Join("C:", "Windows", "System32", "winrm.vbs") + " create winrm/config/plugin?Name=PowerShell.7 ", call.Arguments, StringComparison.Ordinal);
        Assert.Equal(["create", "winrm/config/plugin?Name=PowerShell.7"], call.Parsed.Positional);
        Assert.Equal("xml", call.Parsed.Switches["format"]);
        Assert.Equal("<PlugInConfiguration Name=\"PowerShell.7\" Comment=\"J&#xFC;rgen\"/>", fileContent);
        Assert.False(File.Exists(call.Parsed.Switches["file"]), "the temp file must be deleted");
    }

    [Theory]
    [InlineData("A B")]
    [InlineData("R&D (lab) O'Brien")]
    [InlineData("Jürgen Müller 日本")]
    [InlineData("{x y}")]
    public void CreateAndPut_HandWinrmVbsTheInputFile_WhenTheTempFolderHasSpacesAndOddCharacters(string folder)
    {
        string temp = Path.Join(Path.GetTempPath(), "psremotingdsc-tests-" + Guid.NewGuid().ToString("N"), folder);
        Directory.CreateDirectory(temp);
        try
        {
            var read = new List<string>();
            var cscript = new ScriptedCommandLine(parsed =>
            {
                read.Add(File.ReadAllText(parsed.Switches["file"]));
                return ScriptedProcess.Ok();
            });
            var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run, temp);

            store.Create("PowerShell.7", "<a/>");
            store.Put("PowerShell.7", "<b/>");

            Assert.Equal(["<a/>", "<b/>"], read);
            Assert.All(cscript.Calls, call =>
            {
                Assert.Equal(temp, Path.GetDirectoryName(call.Parsed.Switches["file"]));
                Assert.Contains("-file:\"" + temp, call.Arguments, StringComparison.Ordinal);
            });
            Assert.Empty(Directory.GetFiles(temp));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(temp)!, recursive: true);
        }
    }

    [Fact]
    public void Create_RefusesATempFolderWinrmVbsWouldRewrite_BeforeRunningAnything()
    {
        var cscript = new ScriptedCommandLine(_ => ScriptedProcess.Ok());
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run, Path.Join("C:", "Users", "100%USERNAME%", "Temp"));

        var error = Assert.Throws<PSRemotingDscException>(() => store.Create("PowerShell.7", "<a/>"));

        Assert.Equal(ExitCode.UnexpectedError, error.ExitCode);
        Assert.Contains("TEMP", error.Message, StringComparison.Ordinal);
        Assert.Empty(cscript.Calls);
    }

    [Fact]
    public void InputFilePath_IsAFreshPlainNameInTheGivenFolder()
    {
        string first = WSManConfigPluginStore.InputFilePath(Path.Join("C:", "T"));
        string second = WSManConfigPluginStore.InputFilePath(Path.Join("C:", "T"));

        Assert.NotEqual(first, second);
        Assert.Equal(Path.Join("C:", "T"), Path.GetDirectoryName(first));
        Assert.Matches("^psremotingdsc-[0-9a-f]{32}\\.xml$", Path.GetFileName(first));
    }

    [Fact]
    public void ListPluginNames_ReadsTheNameOfEveryPluginInTheEnumeration()
    {
        var cscript = new ScriptedCommandLine(_ => ScriptedProcess.Ok(EnumerateOutput));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Equal(["PowerShell.7", "microsoft.powershell"], store.ListPluginNames());
        Assert.Equal("//NoLogo " + Path.Join("sys", "winrm.vbs") + " enumerate winrm/config/plugin -format:xml", cscript.Calls[0].Arguments);
    }

    [Fact]
    public void EveryCall_AsksForXmlOutput()
    {
        var cscript = new ScriptedCommandLine(parsed => ScriptedProcess.Ok(parsed.Operation == "get" ? "<cfg:PlugInConfiguration Name=\"PowerShell.7\"/>" : EnumerateOutput));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        store.GetConfigXml("PowerShell.7");
        store.Create("PowerShell.7", "<a/>");
        store.Put("PowerShell.7", "<a/>");
        store.Delete("PowerShell.7");

        Assert.Equal(["enumerate", "get", "create", "put", "enumerate", "delete"], cscript.Calls.Select(call => call.Parsed.Operation));
        Assert.All(cscript.Calls, call => Assert.Equal("xml", call.Parsed.Switches["format"]));
    }

    [Fact]
    public void GetConfigXml_ReturnsNull_ForAPluginNotInTheEnumeration_WithoutAGet()
    {
        var cscript = new ScriptedCommandLine(_ => ScriptedProcess.Ok(EnumerateOutput));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Null(store.GetConfigXml("PowerShell.7.4.6"));
        Assert.DoesNotContain(cscript.Calls, call => call.Parsed.Operation == "get");
    }

    [Fact]
    public void AnAccessDeniedFault_BecomesPermissionDenied()
    {
        var cscript = new ScriptedCommandLine(_ => new BoundedProcess.Outcome(1, "", "WSManFault\r\n    Message = Access is denied.\r\n\r\nError number:  -2147024891 0x80070005\r\n<f:WSManFault xmlns:f=\"x\" Code=\"5\" Machine=\"localhost\"/>", false));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        var error = Assert.Throws<PSRemotingDscException>(() => store.Put("PowerShell.7", "<x/>"));

        Assert.Equal(ExitCode.PermissionDenied, error.ExitCode);
        Assert.Contains("elevated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHangingWinrm_BecomesWSManUnavailable()
    {
        var cscript = new ScriptedCommandLine(_ => new BoundedProcess.Outcome(-1, "", "", TimedOut: true));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Equal(ExitCode.WSManUnavailable, Assert.Throws<PSRemotingDscException>(() => store.ListPluginNames()).ExitCode);
    }

    [Fact]
    public void AnUnsafeName_NeverReachesACommandLine()
    {
        var cscript = new ScriptedCommandLine(_ => ScriptedProcess.Ok());
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Throws<PSRemotingDscException>(() => store.Delete("x\" & calc"));
        Assert.Empty(cscript.Calls);
    }
}
