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
    [InlineData("a\"b", "contains a quote character")]
    [InlineData("a'b", "contains a quote character")]
    [InlineData("a`b", "contains a quote character")]
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
    [InlineData("/opt/p\nwsh", "contains a line break")]
    [InlineData("/opt/p\rwsh", "contains a line break")]
    [InlineData("/opt/\"pwsh\"", "contains a quote character")]
    [InlineData("/opt/#pwsh", "contains '#'")]
    [InlineData("/opt/\tpwsh", "contains the control character U+0009")]
    public void RequireSafePath_RejectsConfigurationSyntax(string value, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => ValueSafety.RequireSafePath("pshome", value));

        Assert.Equal(("UnsafeValue", ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Contains($"Property 'pshome' {problem}", error.Message, StringComparison.Ordinal);
    }
}
