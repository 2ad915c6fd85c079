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
        var cscript = new ScriptedProcess(args =>
        {
            string? file = args.FirstOrDefault(a => a.StartsWith("-file:", StringComparison.Ordinal));
            if (file is not null)
            {
                fileContent = File.ReadAllText(file["-file:".Length..]);
            }

            return ScriptedProcess.Ok();
        });
        var store = new WSManConfigPluginStore(Path.Join("C:", "Windows", "System32"), TimeSpan.FromSeconds(5), cscript.Run);

        store.Create("PowerShell.7", "<PlugInConfiguration Name=\"PowerShell.7\" Comment=\"Jürgen\"/>");

        var call = Assert.Single(cscript.Calls);
        Assert.EndsWith("cscript.exe", call.File, StringComparison.Ordinal);
        Assert.Equal(["//NoLogo", Path.Join("C:", "Windows", "System32", "winrm.vbs"), "create", "winrm/config/plugin?Name=PowerShell.7"], call.Arguments.Take(4));
        Assert.Equal("<PlugInConfiguration Name=\"PowerShell.7\" Comment=\"J&#xFC;rgen\"/>", fileContent);
        Assert.False(File.Exists(call.Arguments[4]["-file:".Length..]), "the temp file must be deleted");
    }

    [Fact]
    public void ListPluginNames_ReadsTheNameOfEveryPluginInTheEnumeration()
    {
        var cscript = new ScriptedProcess(_ => ScriptedProcess.Ok(EnumerateOutput));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Equal(["PowerShell.7", "microsoft.powershell"], store.ListPluginNames());
        Assert.Equal(["//NoLogo", Path.Join("sys", "winrm.vbs"), "enumerate", "winrm/config/plugin", "-format:xml"], cscript.Calls[0].Arguments);
    }

    [Fact]
    public void GetConfigXml_ReturnsNull_ForAPluginNotInTheEnumeration_WithoutAGet()
    {
        var cscript = new ScriptedProcess(_ => ScriptedProcess.Ok(EnumerateOutput));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Null(store.GetConfigXml("PowerShell.7.4.6"));
        Assert.DoesNotContain(cscript.Calls, call => call.Arguments[2] == "get");
    }

    [Fact]
    public void AnAccessDeniedFault_BecomesPermissionDenied()
    {
        var cscript = new ScriptedProcess(_ => new BoundedProcess.Outcome(1, "", "WSManFault\r\n    Message = Access is denied.\r\n\r\nError number:  -2147024891 0x80070005\r\n<f:WSManFault xmlns:f=\"x\" Code=\"5\" Machine=\"localhost\"/>", false));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        var error = Assert.Throws<PSRemotingDscException>(() => store.Put("PowerShell.7", "<x/>"));

        Assert.Equal(ExitCode.PermissionDenied, error.ExitCode);
        Assert.Contains("elevated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHangingWinrm_BecomesWSManUnavailable()
    {
        var cscript = new ScriptedProcess(_ => new BoundedProcess.Outcome(-1, "", "", TimedOut: true));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Equal(ExitCode.WSManUnavailable, Assert.Throws<PSRemotingDscException>(() => store.ListPluginNames()).ExitCode);
    }

    [Fact]
    public void AnUnsafeName_NeverReachesACommandLine()
    {
        var cscript = new ScriptedProcess(_ => ScriptedProcess.Ok());
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Throws<PSRemotingDscException>(() => store.Delete("x\" & calc"));
        Assert.Empty(cscript.Calls);
    }
}
