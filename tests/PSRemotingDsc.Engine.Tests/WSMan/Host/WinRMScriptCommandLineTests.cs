using PSRemotingDsc.Platform;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>
/// The cscript/winrm.vbs command line, read back by ports of both readers (<see cref="WinRMVbsCommandLine"/>):
/// winrm.vbs's own parser of the raw line, and CommandLineToArgvW for cscript.exe.
/// </summary>
public sealed class WinRMScriptCommandLineTests
{
    private const string Cscript = @"C:\Windows\System32\cscript.exe";
    private const string Script = @"C:\Windows\System32\winrm.vbs";
    private const string Resource = "winrm/config/plugin?Name=PowerShell.7";

    public static TheoryData<string> TempFiles => new()
    {
        @"C:\Users\A B\AppData\Local\Temp\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
        @"C:\Users\R&D (lab)\AppData\Local\Temp\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
        @"C:\Users\O'Brien\AppData\Local\Temp\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
        @"C:\Users\Jürgen Müller\AppData\Local\Temp\1\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
        @"C:\Users\日本 語\Temp\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
        @"C:\Temp\{x y} ;=,\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
        @"C:\Users\ADMINI~1\AppData\Local\Temp\psremotingdsc-0123456789abcdef0123456789abcdef.xml",
    };

    [Theory]
    [MemberData(nameof(TempFiles))]
    public void TheInputFile_ReachesWinrmVbs_AndCscript_Unchanged(string file)
    {
        string arguments = WinRMScriptCommandLine.Build(Script, ["create", Resource], [new("file", file), new("format", "xml")]);
        string raw = WinRMVbsCommandLine.RawLine(Cscript, arguments);

        var parsed = WinRMVbsCommandLine.ParseWinRMVbs(raw);
        Assert.Equal("create", parsed.Operation);
        Assert.Equal(Resource, parsed.Resource);
        Assert.Equal(file, parsed.Switches["file"]);
        Assert.Equal("xml", parsed.Switches["format"]);

        Assert.Equal([Cscript, "//NoLogo", Script, "create", Resource, "-file:" + file, "-format:xml"], WinRMVbsCommandLine.SplitLikeCommandLineToArgvW(raw));
    }

    [Theory]
    [MemberData(nameof(TempFiles))]
    public void TheOldForm_OneQuotedArgumentPerSwitch_LosesTheFile_WhenThePathHasASpace(string file)
    {
        // What ProcessStartInfo.ArgumentList wrote before: each argument quoted whole by the Windows rules.
        string[] argumentList = ["//NoLogo", Script, "create", Resource, "-file:" + file];
        string raw = WinRMVbsCommandLine.RawLine(Cscript, string.Join(' ', argumentList.Select(WinRMScriptCommandLine.QuoteForArgv)));

        if (file.Contains(' ', StringComparison.Ordinal))
        {
            // "-file:C:\Users\A B\…" starts with '"', so winrm.vbs counts it as a third positional argument.
            Assert.Throws<WinRMVbsCommandLine.UsageError>(() => WinRMVbsCommandLine.ParseWinRMVbs(raw));
        }
        else
        {
            // Without a space nothing is quoted and the old form worked: the port is not merely strict.
            Assert.Equal(file, WinRMVbsCommandLine.ParseWinRMVbs(raw).Switches["file"]);
        }
    }

    [Fact]
    public void AScriptPathWithASpace_IsQuotedForCscript_AndStillFoundByWinrmVbs()
    {
        const string script = @"D:\Win Dir\System32\winrm.vbs";
        string raw = WinRMVbsCommandLine.RawLine(@"D:\Win Dir\System32\cscript.exe", WinRMScriptCommandLine.Build(script, ["enumerate", "winrm/config/plugin"], [new("format", "xml")]));

        Assert.Equal(script, WinRMVbsCommandLine.SplitLikeCommandLineToArgvW(raw)[2]);
        Assert.Equal("enumerate", WinRMVbsCommandLine.ParseWinRMVbs(raw).Operation);
    }

    [Theory]
    [InlineData(@"C:\Users\100%USERNAME%\Temp\x.xml")] // winrm.vbs expands %NAME% in its whole command line
    [InlineData(@"C:\Temp\say ""hi""\x.xml")]
    [InlineData(@"C:\Temp\dir\")] // the closing quote would follow a backslash, which winrm.vbs does not honour
    [InlineData("C:\\Temp\\a\nb.xml")]
    [InlineData("")]
    public void AValueWinrmVbsCannotReadBack_IsRefused(string value)
    {
        Assert.False(WinRMScriptCommandLine.CanCarrySwitchValue(value));
        if (value.Length > 0)
        {
            Assert.Throws<ArgumentException>(() => WinRMScriptCommandLine.Build(Script, ["create", Resource], [new("file", value)]));
        }
    }

    [Fact]
    public void APercentInTheLine_IsRewrittenByWinrmVbs_WhichIsWhyItIsRefused()
    {
        string raw = WinRMVbsCommandLine.RawLine(Cscript, $"//NoLogo {Script} create {Resource} -file:\"C:\\Users\\100%USERNAME%\\x.xml\"");

        var parsed = WinRMVbsCommandLine.ParseWinRMVbs(raw, new Dictionary<string, string> { ["USERNAME"] = "admin" });

        Assert.Equal(@"C:\Users\100admin\x.xml", parsed.Switches["file"]);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("-file:x")]
    [InlineData("/x")]
    [InlineData("a b")]
    [InlineData("@{Name=\"x\"}")]
    [InlineData("%windir%")]
    public void APositionalTokenIsPlainOrRefused(string token)
    {
        if (token == "create")
        {
            Assert.EndsWith(" create", WinRMScriptCommandLine.Build(Script, [token], []), StringComparison.Ordinal);
        }
        else
        {
            Assert.Throws<ArgumentException>(() => WinRMScriptCommandLine.Build(Script, [token], []));
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a b")]
    [InlineData("a\tb")]
    [InlineData("say \"hi\"")]
    [InlineData(@"C:\dir with space\")]
    [InlineData(@"a\\""b")]
    [InlineData(@"\\server\share")]
    [InlineData("")]
    public void QuoteForArgv_RoundTripsThroughCommandLineToArgvW(string argument)
    {
        string raw = "prog.exe " + WinRMScriptCommandLine.QuoteForArgv(argument) + " next";

        Assert.Equal(["prog.exe", argument, "next"], WinRMVbsCommandLine.SplitLikeCommandLineToArgvW(raw));
    }

    [SkippableFact]
    public void TheRealWinrmVbs_ReadsTheFilePathBack_AndRejectedTheOldForm()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), "Runs the real cscript.exe and winrm.vbs; runs in the Windows CI job.");

        // A file that does not exist: winrm.vbs checks it (ReadFile: "File does not exist: '<path>'") before it sends
        // anything to WinRM, so this changes nothing and shows the path exactly as the script parsed it.
        string file = Path.Join(Path.GetTempPath(), "psremotingdsc A&B (x) 'y' " + Guid.NewGuid().ToString("N"), "missing.xml");
        string cscript = Path.Join(Environment.SystemDirectory, "cscript.exe");
        string script = Path.Join(Environment.SystemDirectory, "winrm.vbs");
        string[] positional = ["create", "winrm/config/plugin?Name=psremotingdsc-probe-" + Guid.NewGuid().ToString("N")];

        var now = BoundedProcess.RunCommandLine(cscript, WinRMScriptCommandLine.Build(script, positional, [new("file", file), new("format", "xml")]), TimeSpan.FromSeconds(60));
        var old = BoundedProcess.Run(cscript, ["//NoLogo", script, .. positional, "-file:" + file, "-format:xml"], TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, now.ExitCode);
        Assert.Contains("'" + file + "'", now.StandardError + now.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, old.ExitCode);
        Assert.DoesNotContain("'" + file + "'", old.StandardError + old.StandardOutput, StringComparison.Ordinal);
    }
}
