using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.Tests.Resource;

public sealed class ValueSafetyTests
{
    [Theory]
    [InlineData("powershell-7")]
    [InlineData("-ConfigurationFile")]
    [InlineData("/etc/ops.pssc")]
    [InlineData("C:\\ops\\x.pssc")]
    [InlineData("ünïcode")]
    public void RequireSafeToken_AcceptsPlainTokens(string value) =>
        ValueSafety.RequireSafeToken("name", value);

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a\nb", "contains a line break")]
    [InlineData("a\rb", "contains a line break")]
    [InlineData("a b", "contains whitespace")]
    [InlineData("a\tb", "contains whitespace")]
    [InlineData("a\u00a0b", "contains whitespace")]
    [InlineData("a\"b", "contains the quote character")]
    [InlineData("a'b", "contains the quote character")]
    [InlineData("a`b", "contains the quote character")]
    [InlineData("a#b", "contains '#'")]
    [InlineData("a\0b", "contains the control character U+0000")]
    [InlineData("a\u001bb", "contains the control character U+001B")]
    public void RequireSafeToken_RejectsConfigurationSyntax_SayingWhatIsWrong(string value, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafeToken("name", value));

        Assert.Equal(("UnsafeValue", ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Contains($"Property 'name' {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireSafeToken_ShowsControlCharactersEscaped_InTheMessage()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafeToken("name", "a\u0001b"));

        Assert.Contains("'a\\u0001b'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', error.Message);
    }

    [Fact]
    public void RequireSafeName_AcceptsTheDefaultNames()
    {
        ValueSafety.RequireSafeName("name", "powershell-7.4");
        ValueSafety.RequireSafeName("name", "PowerShell.7-preview");
    }

    [Theory]
    [InlineData("a\\b", "contains '\\'")]
    [InlineData("a=b", "contains '='")]
    [InlineData("a b", "contains whitespace")]
    [InlineData("", "is empty")]
    public void RequireSafeName_RejectsWhatSshdReadsAsSyntaxInASubsystemName(string value, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafeName("name", value));

        Assert.Equal(("UnsafeValue", ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Contains($"Property 'name' {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireSafeToken_AcceptsBackslashAndEquals_ForWindowsPathArguments() =>
        ValueSafety.RequireSafeToken("arguments[0]", "-ConfigurationFile=C:\\ops\\x.pssc");

    [Theory]
    [InlineData("/opt/microsoft/powershell/7")]
    [InlineData("C:\\Program Files\\PowerShell\\7")]
    [InlineData("")]
    public void RequireSafePath_AcceptsPathsWithSpaces(string value) =>
        ValueSafety.RequireSafePath("pshome", value);

    [Theory]
    [InlineData("/opt/p\nwsh", "contains the line break")]
    [InlineData("/opt/p\rwsh", "contains the line break")]
    [InlineData("/opt/\"pwsh\"", "contains the quote character")]
    [InlineData("/opt/#pwsh", "contains '#'")]
    [InlineData("/opt/\tpwsh", "contains the control character U+0009")]
    public void RequireSafePath_RejectsConfigurationSyntax(string value, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafePath("pshome", value));

        Assert.Equal(("UnsafeValue", ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Contains($"Property 'pshome' {problem}", error.Message, StringComparison.Ordinal);
    }

    // Words that reach pwsh unchanged through sshd (argv_split, OpenSSH 9.2 misc.c:1988-2058; argv_assemble from 9.5,
    // misc.c:2090 at V_9_5_P1), the login shell (session.c:1709-1713 at V_9_2_P1: execve(shell, {shell, "-c", command}))
    // and cmd.exe on Windows (PowerShell/openssh-portable v9.8.1.0 w32-doexec.c:463).
    [Theory]
    [InlineData("-ConfigurationFile")]
    [InlineData("/etc/pwsh/jea.pssc")]
    [InlineData("-ConfigurationName:jea")]
    [InlineData("key=value")]
    [InlineData("a,b")]
    [InlineData("user@host")]
    [InlineData("+x")]
    [InlineData("/opt/ünïcödé/日本/pwsh")]
    [InlineData("/opt/\U0001D4AB/pwsh")]
    public void RequireSafeCommandWord_AcceptsWhatEveryShellPassesLiterally(string value) =>
        ValueSafety.RequireSafeCommandWord("arguments[0]", value);

    [Theory]
    [InlineData("$(touch${IFS}/tmp/x)", "'$' (U+0024)")]
    [InlineData("`id`", "the quote character '`' (U+0060)")]
    [InlineData("a;b", "';' (U+003B)")]
    [InlineData("a&b", "'&' (U+0026)")]
    [InlineData("a|b", "'|' (U+007C)")]
    [InlineData("a>b", "'>' (U+003E)")]
    [InlineData("a<b", "'<' (U+003C)")]
    [InlineData("(a)", "'(' (U+0028)")]
    [InlineData("*", "'*' (U+002A)")]
    [InlineData("a?", "'?' (U+003F)")]
    [InlineData("[ab]", "'[' (U+005B)")]
    [InlineData("{a,b}", "'{' (U+007B)")]
    [InlineData("~root", "'~' (U+007E)")]
    [InlineData("--%", "'%' (U+0025)")]
    [InlineData("%PATH%", "'%' (U+0025)")]
    [InlineData("a^b", "'^' (U+005E)")]
    [InlineData("a!b", "'!' (U+0021)")]
    [InlineData("x\\\\y", "'\\' (U+005C)")]
    [InlineData("a\\b", "'\\' (U+005C)")]
    [InlineData("it's", "the quote character ''' (U+0027)")]
    [InlineData("a\"b", "the quote character '\"' (U+0022)")]
    [InlineData("a b", "' ' (U+0020)")]
    [InlineData("a\u00a0b", "'\u00a0' (U+00A0)")]
    [InlineData("a\u2018b", "'\u2018' (U+2018)")]
    [InlineData("\uff04x", "'\uff04' (U+FF04)")]
    [InlineData("a\tb", "the control character U+0009")]
    [InlineData("a\u0000b", "the control character U+0000")]
    [InlineData("a\u0085b", "the line break U+0085")]
    [InlineData("a\u2028b", "the line break U+2028")]
    [InlineData("a\u2029b", "the line break U+2029")]
    [InlineData("a\u202eb", "the invisible format character U+202E")]
    [InlineData("a\ufeffb", "the invisible format character U+FEFF")]
    [InlineData("=ls", "starts with '=' (U+003D)")]
    [InlineData("@args", "starts with '@' (U+0040)")]
    [InlineData("-a.b", "starts with '-' and contains '.'")]
    [InlineData("", "is empty")]
    public void RequireSafeCommandWord_RejectsWhatAShellOrSshdWouldInterpret_NamingTheCharacter(string value, string named)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafeCommandWord("arguments[0]", value));

        Assert.Equal(("UnsafeValue", ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Theory]
    [InlineData(0xD800, "U+D800")]
    [InlineData(0xDC00, "U+DC00")]
    public void RequireSafeCommandWord_RejectsALoneSurrogate(int surrogate, string named)
    {
        // Built at run time: a lone surrogate does not survive in attribute metadata.
        string value = "a" + (char)surrogate + "b";

        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafeCommandWord("arguments[0]", value));

        Assert.Equal(ExitCode.UnsafeValue, error.ExitCode);
        Assert.Contains($"the lone surrogate {named}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireSafeCommandWord_ShowsOnlyTheStartOfAHugeValue()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafeCommandWord("arguments[0]", new string('a', 100_000) + "$"));

        Assert.Contains("first 200 of 100001 characters", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1000);
    }
}
