using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.WSMan.Host;

// These tests drive the adapter with a scripted cscript, so they run on every OS; nothing Windows-only is called.
#pragma warning disable CA1416

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>
/// winrm.vbs's error output, in both forms, mapped to the store's error IDs. The fixtures follow what winrm.vbs
/// prints on a failed call (its ASSERTERR routine): the fault (<c>obj.Error</c>) as raw XML with <c>-format:xml</c>, or
/// transformed by WsmTxt.xsl into indented "Name = value" text without it; then, in every format,
/// <c>"Error number: " &amp; " " &amp; Err.Number &amp; " 0x" &amp; Hex(Err.Number)</c> and <c>Err.Description</c>.
/// They are written from that format, not captured from a machine.
/// </summary>
public sealed class WinRMVbsErrorOutputTests
{
    private const string AccessDeniedXml =
        "<f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\"5\" Machine=\"localhost\"><f:Message>Access is denied. </f:Message></f:WSManFault>\r\n"
        + "Error number:  -2147024891 0x80070005\r\n"
        + "Access is denied. \r\n";

    private const string AccessDeniedText =
        "WSManFault\r\n"
        + "    Message = Access is denied. \r\n"
        + "\r\n"
        + "Error number:  -2147024891 0x80070005\r\n"
        + "Access is denied. \r\n";

    private const string CannotConnectXml =
        "<f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\"2150858770\" Machine=\"localhost\"><f:Message>The client cannot connect to the destination specified in the request. Verify that the service on the destination is running and is accepting requests. </f:Message></f:WSManFault>\r\n"
        + "Error number:  -2144108526 0x80338012\r\n"
        + "The client cannot connect to the destination specified in the request. Verify that the service on the destination is running and is accepting requests. \r\n";

    private const string CannotConnectText =
        "WSManFault\r\n"
        + "    Message = The client cannot connect to the destination specified in the request. Verify that the service on the destination is running and is accepting requests. \r\n"
        + "\r\n"
        + "Error number:  -2144108526 0x80338012\r\n"
        + "The client cannot connect to the destination specified in the request. Verify that the service on the destination is running and is accepting requests. \r\n";

    private const string UnknownFaultText =
        "WSManFault\r\n"
        + "    Message = The WS-Management service cannot process the request. The resource URI is not valid. \r\n"
        + "\r\n"
        + "Error number:  -2144108485 0x8033803B\r\n"
        + "The WS-Management service cannot process the request. The resource URI is not valid. \r\n";

    public static TheoryData<string, ExitCode, string> Outputs => new()
    {
        { AccessDeniedXml, ExitCode.PermissionDenied, nameof(ErrorIds.WSManPluginAccessDenied) },
        { AccessDeniedText, ExitCode.PermissionDenied, nameof(ErrorIds.WSManPluginAccessDenied) },
        { CannotConnectXml, ExitCode.WSManUnavailable, nameof(ErrorIds.WSManUnavailable) },
        { CannotConnectText, ExitCode.WSManUnavailable, nameof(ErrorIds.WSManUnavailable) },
        { UnknownFaultText, ExitCode.UnexpectedError, nameof(ErrorIds.WSManPluginStoreFailed) },
        { "Error: File does not exist: 'C:\\x.xml'\r\n", ExitCode.UnexpectedError, nameof(ErrorIds.WSManPluginStoreFailed) },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void AFailedCall_IsMappedTheSame_WhateverFormWinrmVbsPrintedItIn(string stderr, ExitCode exitCode, string errorId)
    {
        var cscript = new ScriptedCommandLine(_ => new BoundedProcess.Outcome(1, "", stderr, false));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        var error = Assert.Throws<PSRemotingDscException>(() => store.Put("PowerShell.7", "<x/>"));

        Assert.Equal(exitCode, error.ExitCode);
        Assert.Equal(errorId, WSManConfigPluginStore.MapFailure(stderr).Error.Id);
    }

    [Fact]
    public void TheTextForm_AloneNamesTheCode()
    {
        // WsmTxt.xsl drops the Code attribute: only the "Error number" line carries it.
        Assert.DoesNotContain("Code=", AccessDeniedText, StringComparison.Ordinal);
        Assert.Equal([5u], WSManConfigPluginStore.FaultCodes(AccessDeniedText));
        Assert.Equal([0x80338012u], WSManConfigPluginStore.FaultCodes(CannotConnectText));
    }

    [Fact]
    public void BothForms_GiveTheSameCodes()
    {
        Assert.Equal([5u, 5u], WSManConfigPluginStore.FaultCodes(AccessDeniedXml));
        Assert.Equal([0x80338012u, 0x80338012u], WSManConfigPluginStore.FaultCodes(CannotConnectXml));
    }

    [Theory]
    [InlineData("Error number:  5 0x5\r\nInvalid procedure call or argument\r\n")] // a VBScript error, not HRESULT_FROM_WIN32(5)
    [InlineData("Error number:  -2147024891 0x80070006\r\n")] // the two numbers disagree
    [InlineData("Process 12 0x80070005\r\n")] // 12 is not 0x80070005
    public void ANumberThatIsNotAFailureHResult_IsNotTakenForOne(string output)
    {
        Assert.Empty(WSManConfigPluginStore.FaultCodes(output));
        Assert.Same(ErrorIds.WSManPluginStoreFailed, WSManConfigPluginStore.MapFailure(output).Error);
    }

    [Fact]
    public void ALocalizedLabel_StillYieldsTheCode()
    {
        Assert.Equal([5u], WSManConfigPluginStore.FaultCodes("Numéro d'erreur :  -2147024891 0x80070005\r\nAccès refusé.\r\n"));
    }

    [Fact]
    public void TheErrorNumber_OnStandardOutput_IsReadToo()
    {
        var cscript = new ScriptedCommandLine(_ => new BoundedProcess.Outcome(1, AccessDeniedText, "", false));
        var store = new WSManConfigPluginStore("sys", TimeSpan.FromSeconds(5), cscript.Run);

        Assert.Equal(ExitCode.PermissionDenied, Assert.Throws<PSRemotingDscException>(() => store.Delete("PowerShell.7")).ExitCode);
    }
}
