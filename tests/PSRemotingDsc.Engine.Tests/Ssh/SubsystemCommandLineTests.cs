using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public class SubsystemCommandLineTests
{
    [Fact]
    public void Parse_SplitsOnWhitespace_AndRemovesQuotesAndEscapesLikeSshd()
    {
        var command = SubsystemCommandLine.Parse("\"C:/Program Files/PowerShell/7/pwsh.exe\"\t-sshs  'a b' c\\ d \"q\\\"x\" e\\f");

        Assert.Equal("C:/Program Files/PowerShell/7/pwsh.exe", command.Executable);
        Assert.Equal(["-sshs", "a b", "c d", "q\"x", "e\\f"], command.Arguments);
    }

    [Fact]
    public void Parse_IsLenient_WithEmptyTextAndUnclosedQuotes()
    {
        Assert.Equal(new SubsystemCommandLine(string.Empty, []), SubsystemCommandLine.Parse("  "));
        Assert.Equal(new SubsystemCommandLine("/opt/my pwsh -sshs", []), SubsystemCommandLine.Parse("\"/opt/my pwsh -sshs"));
    }

    [Fact]
    public void ForPowerShell_PutsTheServerSwitchesFirst_AndRenderJoinsWithSpaces()
    {
        var command = SubsystemCommandLine.ForPowerShell("/opt/microsoft/powershell/7/pwsh", ["-ConfigurationFile", "/etc/ssh/ep.pssc"]);

        Assert.Equal("/opt/microsoft/powershell/7/pwsh -sshs -NoLogo -NoProfile -ConfigurationFile /etc/ssh/ep.pssc", command.Render());
        Assert.True(command.IsServerMode);
        Assert.Equal(["-ConfigurationFile", "/etc/ssh/ep.pssc"], command.ExtraArguments);
        Assert.Equal(command, SubsystemCommandLine.Parse(command.Render()));
        Assert.Equal("/usr/bin/pwsh", SubsystemCommandLine.Parse("/usr/bin/pwsh").Render());
    }

    [Fact]
    public void Equality_ComparesExecutableAndArgumentsOrdinally()
    {
        var a = SubsystemCommandLine.Parse("/usr/bin/pwsh -sshs -NoLogo");

        Assert.Equal(a, new SubsystemCommandLine("/usr/bin/pwsh", ["-sshs", "-NoLogo"]));
        Assert.Equal(a.GetHashCode(), new SubsystemCommandLine("/usr/bin/pwsh", ["-sshs", "-NoLogo"]).GetHashCode());
        Assert.NotEqual(a, SubsystemCommandLine.Parse("/usr/bin/pwsh -sshs -nologo"));
        Assert.NotEqual(a, SubsystemCommandLine.Parse("/usr/bin/pwsh -NoLogo -sshs"));
        Assert.NotEqual(a, SubsystemCommandLine.Parse("/usr/bin/PWSH -sshs -NoLogo"));
    }

    [Theory]
    [InlineData("-sshs", true)]
    [InlineData("-SSHS", true)]
    [InlineData("--sshs", true)]
    [InlineData("-SSHServerMode", true)]
    [InlineData("-sshserv", true)]
    [InlineData("/sshs", true)]
    [InlineData("\u2013sshs", true)]
    [InlineData("-ssh", false)]
    [InlineData("-s", false)]
    [InlineData("sshs", false)]
    [InlineData("-sshservermodes", false)]
    [InlineData("---sshs", false)]
    [InlineData("-NoLogo", false)]
    public void IsServerMode_RecognisesTheSwitchLikePwshDoes(string argument, bool expected)
    {
        Assert.Equal(expected, new SubsystemCommandLine("/usr/bin/pwsh", ["-NoProfile", argument]).IsServerMode);
    }

    [Fact]
    public void ExtraArguments_DropsServerModeNoLogoAndNoProfile_InAnySpelling()
    {
        var command = SubsystemCommandLine.Parse("pwsh -SSHS -nol -NOPROFILE -ConfigurationFile x.pssc --nologo -nop -NoProfileLoadTime -no");

        Assert.Equal(["-ConfigurationFile", "x.pssc", "-NoProfileLoadTime", "-no"], command.ExtraArguments);
    }
}
