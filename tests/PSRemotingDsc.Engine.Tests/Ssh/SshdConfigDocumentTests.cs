using System.Text;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public class SshdConfigDocumentTests
{
    private const string PwshCommand = "/usr/bin/pwsh -sshs -NoLogo -NoProfile";

    public static TheoryData<string> Fixtures => SshdConfigFixtures.Names;

    [Fact]
    public void TheFixtureDirectory_HoldsTheRealWorldAndEdgeCaseFiles()
    {
        var names = SshdConfigFixtures.FileNames;
        Assert.Contains("debian12-default.sshd_config", names);
        Assert.Contains("windows-default.sshd_config", names);
        Assert.Contains("edge-cases.sshd_config", names);
        Assert.Contains("mixed-endings-bom.sshd_config", names);
        Assert.All(names, name => Assert.Contains("Fixture:", SshdConfigFixtures.Text(name).Split('\n')[0], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_ReturnsTheExactBytes_WhenNothingWasChanged(string fixture)
    {
        var document = SshdConfigDocument.Load(SshdConfigFixtures.PathOf(fixture));

        Assert.Equal(SshdConfigFixtures.Bytes(fixture), document.RenderBytes());
        Assert.Equal(SshdConfigFixtures.Text(fixture), document.Render());
        Assert.False(document.IsModified);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SetThenRemoveOfANewSubsystem_GivesBackTheOriginalBytes(string fixture)
    {
        var document = SshdConfigDocument.Load(SshdConfigFixtures.PathOf(fixture));

        Assert.True(document.SetSubsystem("psremotingdsc-probe", PwshCommand));
        Assert.True(document.IsModified);
        Assert.Contains($"Subsystem psremotingdsc-probe {PwshCommand}", document.Render(), StringComparison.Ordinal);
        Assert.True(document.RemoveSubsystem("psremotingdsc-probe"));

        Assert.Equal(SshdConfigFixtures.Bytes(fixture), document.RenderBytes());
        Assert.False(document.IsModified);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SetSubsystem_ChangesOnlyTheInsertedLine_AndIsANoOpTheSecondTime(string fixture)
    {
        var original = SshdConfigFixtures.Text(fixture);
        var document = SshdConfigDocument.Parse(original, fixture);
        Assert.True(document.SetSubsystem("psremotingdsc-probe", PwshCommand));
        var once = document.Render();

        Assert.False(document.SetSubsystem("psremotingdsc-probe", PwshCommand));
        Assert.Equal(once, document.Render());
        var inserted = document.Subsystems.Single(definition => definition.Name == "psremotingdsc-probe");
        var lines = SplitKeepingEndings(once).ToList();
        lines.RemoveAt(inserted.LineNumber - 1);
        var withoutInserted = string.Concat(lines);
        Assert.True(
            withoutInserted == original || withoutInserted == original + document.NewLine,
            "only the inserted line (and at most a final newline) may differ");
    }

    [Fact]
    public void SetSubsystem_InsertsAboveTheCommentBlockBeforeTheFirstMatch_WithCrlf_InTheWindowsDefault()
    {
        var original = SshdConfigFixtures.Text("windows-default.sshd_config");
        var document = SshdConfigDocument.Parse(original, "sshd_config");

        Assert.True(document.SetSubsystem("powershell", "C:/progra~1/powershell/7/pwsh.exe -sshs -NoLogo -NoProfile"));

        var expected = original.Replace(
            "Subsystem\tsftp\tsftp-server.exe\r\n",
            "Subsystem\tsftp\tsftp-server.exe\r\nSubsystem powershell C:/progra~1/powershell/7/pwsh.exe -sshs -NoLogo -NoProfile\r\n",
            StringComparison.Ordinal);
        Assert.NotEqual(original, expected);
        Assert.Equal(expected, document.Render());
        Assert.Equal("\r\n", document.NewLine);
    }

    [Fact]
    public void SetSubsystem_AppendsAtTheEnd_WhenThereIsNoMatchBlock_InTheDebianDefault()
    {
        var original = SshdConfigFixtures.Text("debian12-default.sshd_config");
        var document = SshdConfigDocument.Parse(original, "/etc/ssh/sshd_config");

        Assert.True(document.SetSubsystem("powershell-7.6", PwshCommand));

        Assert.Equal(original + $"Subsystem powershell-7.6 {PwshCommand}\n", document.Render());
        Assert.Equal("\n", document.NewLine);
    }

    [Fact]
    public void SetSubsystem_ReplacesTheFirstGlobalDefinition_RemovesLaterGlobalOnes_AndKeepsTheMatchBlockOne()
    {
        var original = SshdConfigFixtures.Text("edge-cases.sshd_config");
        var document = SshdConfigDocument.Parse(original, "edge-cases");

        Assert.True(document.SetSubsystem("powershell", PwshCommand));

        var expected = original
            .Replace("SubSystem=powershell /usr/bin/pwsh -sshs -NoLogo\r\n", $"Subsystem powershell {PwshCommand}\r\n", StringComparison.Ordinal)
            .Replace("Subsystem powershell /opt/microsoft/powershell/7/pwsh -sshs\r\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal(expected, document.Render());
        Assert.Equal(
            [("powershell", PwshCommand, 8, false), ("powershell", "/opt/admin/pwsh -sshs", 14, true)],
            document.Subsystems.Where(d => d.Name == "powershell").Select(d => (d.Name, d.Command, d.LineNumber, d.InMatchBlock)));
    }

    [Fact]
    public void SetSubsystem_KeepsTheIndentationAndLineEnding_OfTheLineItRewrites()
    {
        var document = SshdConfigDocument.Parse("Port 22\n\t  Subsystem  x  /old/pwsh\r\nPort 23", "f");

        Assert.True(document.SetSubsystem("x", "/new/pwsh -sshs"));

        Assert.Equal("Port 22\n\t  Subsystem x /new/pwsh -sshs\r\nPort 23", document.Render());
    }

    [Fact]
    public void SetSubsystem_ReturnsFalseAndChangesNothing_WhenExactlyThatLineExists()
    {
        const string text = "Port 22\r\nSubsystem powershell /usr/bin/pwsh -sshs -NoLogo -NoProfile\r\nMatch User x\r\n\tSubsystem powershell /other -sshs";
        var document = SshdConfigDocument.Parse(text, "f");

        Assert.False(document.SetSubsystem("powershell", PwshCommand));

        Assert.Equal(text, document.Render());
        Assert.False(document.IsModified);
    }

    [Theory]
    [InlineData("subsystem powershell /usr/bin/pwsh -sshs -NoLogo -NoProfile\n")]
    [InlineData("Subsystem=powershell /usr/bin/pwsh -sshs -NoLogo -NoProfile\n")]
    [InlineData("Subsystem powershell /usr/bin/pwsh -sshs -NoLogo -NoProfile\nSubsystem powershell /usr/bin/pwsh -sshs -NoLogo -NoProfile\n")]
    [InlineData("Subsystem powershell /usr/bin/pwsh -sshs -NoLogo -NoProfile # ours\n")]
    public void SetSubsystem_RewritesToTheCanonicalSingleLine_WhenTheTextDiffers(string text)
    {
        var document = SshdConfigDocument.Parse(text, "f");

        Assert.True(document.SetSubsystem("powershell", PwshCommand));

        Assert.Equal($"Subsystem powershell {PwshCommand}\n", document.Render());
    }

    [Fact]
    public void SetSubsystem_AddsANewlineToTheLastLine_WhenTheFileEndedWithoutOne()
    {
        var document = SshdConfigDocument.Parse("Port 22\r\nPidFile /run/x.pid", "f");

        Assert.True(document.SetSubsystem("a", "/bin/a"));

        Assert.Equal("Port 22\r\nPidFile /run/x.pid\r\nSubsystem a /bin/a", document.Render());
    }

    [Fact]
    public void SetSubsystem_InAnEmptyFile_WritesOneTerminatedLine()
    {
        var document = SshdConfigDocument.Parse(string.Empty, "f");

        Assert.True(document.SetSubsystem("a", "/bin/a"));
        Assert.Equal("Subsystem a /bin/a\n", document.Render());
        Assert.True(document.RemoveSubsystem("a"));
        Assert.Equal(string.Empty, document.Render());
    }

    [Fact]
    public void SetSubsystem_InsertsAboveTheCommentsAttachedToTheFirstMatch()
    {
        var document = SshdConfigDocument.Parse("Port 22\n\n# admins\n#  only\nMatch Group admins\n\tX11Forwarding no\nMatch all\n", "f");

        Assert.True(document.SetSubsystem("a", "/bin/a"));

        Assert.Equal("Port 22\nSubsystem a /bin/a\n\n# admins\n#  only\nMatch Group admins\n\tX11Forwarding no\nMatch all\n", document.Render());
    }

    [Fact]
    public void SetSubsystem_KeepsTheByteOrderMark()
    {
        var document = SshdConfigDocument.Parse("\uFEFFMatch all\n", "f");

        Assert.True(document.SetSubsystem("a", "/bin/a"));

        Assert.Equal("\uFEFFSubsystem a /bin/a\nMatch all\n", document.Render());
        Assert.Equal([0xEF, 0xBB, 0xBF], document.RenderBytes()[..3]);
    }

    [Theory]
    [InlineData("power shell", "/bin/a")]
    [InlineData("a\nPort", "/bin/a")]
    [InlineData("\"a\"", "/bin/a")]
    [InlineData("a", "/bin/a\nPermitRootLogin yes")]
    [InlineData("a", "/bin/a\r")]
    [InlineData("a", " ")]
    [InlineData("", "/bin/a")]
    public void SetSubsystem_RejectsNamesAndCommandsThatWouldBecomeConfigurationSyntax(string name, string command)
    {
        var document = SshdConfigDocument.Parse("Port 22\n", "f");

        Assert.ThrowsAny<ArgumentException>(() => document.SetSubsystem(name, command));

        Assert.False(document.IsModified);
    }

    [Fact]
    public void RemoveSubsystem_RemovesEveryGlobalDefinition_AndLeavesMatchBlocksAlone()
    {
        var document = SshdConfigDocument.Parse("Subsystem a /1\nPort 22\nsubsystem=a /2\nMatch User x\nSubsystem a /3\n", "f");

        Assert.True(document.RemoveSubsystem("a"));
        Assert.Equal("Port 22\nMatch User x\nSubsystem a /3\n", document.Render());
        Assert.False(document.RemoveSubsystem("a"));
        Assert.False(document.RemoveSubsystem("A"));
    }

    [Fact]
    public void RemoveSubsystem_OfTheLastLineWithoutNewline_LeavesTheFileWithoutFinalNewline()
    {
        var document = SshdConfigDocument.Parse("Port 22\nSubsystem a /1", "f");

        Assert.True(document.RemoveSubsystem("a"));

        Assert.Equal("Port 22", document.Render());
    }

    [Fact]
    public void Subsystems_ListsEveryDefinition_WithUnquotedNameRawCommandLineAndMatchState()
    {
        var document = SshdConfigDocument.Load(SshdConfigFixtures.PathOf("edge-cases.sshd_config"));

        var expected = new[]
        {
            new SubsystemDefinition("sftp", "internal-sftp", document.Path, 7, false),
            new SubsystemDefinition("powershell", "/usr/bin/pwsh -sshs -NoLogo", document.Path, 8, false),
            new SubsystemDefinition("powershell", "/opt/microsoft/powershell/7/pwsh -sshs", document.Path, 9, false),
            new SubsystemDefinition("quoted name", "\"/opt/my tools/pwsh\" -sshs", document.Path, 10, false),
            new SubsystemDefinition("powershell", "/opt/admin/pwsh -sshs", document.Path, 15, true),
        };
        Assert.Equal(expected, document.Subsystems);
    }

    [Fact]
    public void Includes_ListsEachPattern_WithLineNumberAndMatchState()
    {
        var document = SshdConfigDocument.Parse("Include a.conf \"b c/*.conf\"\nMatch User x\n  Include=/etc/ssh/x.d/*\n", "main");

        Assert.Equal(
            [
                new IncludeDirective("a.conf", "main", 1, false),
                new IncludeDirective("b c/*.conf", "main", 1, false),
                new IncludeDirective("/etc/ssh/x.d/*", "main", 3, true),
            ],
            document.Includes);
    }

    [Theory]
    [InlineData("PidFile", "/run/sshd-test.pid")]
    [InlineData("pidfile", "/run/sshd-test.pid")]
    [InlineData("LogLevel", "VERBOSE")]
    [InlineData("Port", "2222")]
    [InlineData("Subsystem", "sftp\tinternal-sftp")]
    [InlineData("AuthorizedKeysFile", null)]
    [InlineData("ForceCommand", null)]
    [InlineData("Banner", null)]
    public void GetKeywordValue_ReturnsTheFirstGlobalValue_CaseInsensitively(string keyword, string? expected)
    {
        var document = SshdConfigDocument.Load(SshdConfigFixtures.PathOf("edge-cases.sshd_config"));

        Assert.Equal(expected, document.GetKeywordValue(keyword));
    }

    [Fact]
    public void Parse_KeepsLinesSshdWouldRejectVerbatim_AndReadsTheRest()
    {
        var document = SshdConfigDocument.Load(SshdConfigFixtures.PathOf("mixed-endings-bom.sshd_config"));

        Assert.Equal(
            [("sftp", "/usr/lib/openssh/sftp-server", 3), ("lonely", string.Empty, 5)],
            document.Subsystems.Select(d => (d.Name, d.Command, d.LineNumber)));
        Assert.Equal("22", document.GetKeywordValue("Port"));
        Assert.Equal(string.Empty, document.GetKeywordValue("Banner"));
        Assert.Null(document.GetKeywordValue("X11Forwarding"));
        Assert.Equal("\n", document.NewLine);
    }

    [Theory]
    [InlineData("a\r\nb\r\nc\n", "\r\n")]
    [InlineData("a\nb\r\nc\n", "\n")]
    [InlineData("a\r\nb\n", "\r\n")]
    [InlineData("a\nb\r\n", "\n")]
    [InlineData("a", "\n")]
    [InlineData("", "\n")]
    public void NewLine_IsTheMajorityEnding_AndTheFirstOneOnATie(string text, string expected)
    {
        Assert.Equal(expected, SshdConfigDocument.Parse(text, "f").NewLine);
    }

    [Fact]
    public void Load_ReportsFileAndLine_WhenTheFileIsNotUtf8()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "sshd_config");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("Port 22\n# caf"), 0xE9, (byte)'\n']);

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfigDocument.Load(path));

        Assert.Equal(ExitCode.ConfigUnreadable, error.ExitCode);
        Assert.StartsWith($"{path}:2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsTheFile_WhenItDoesNotExist()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "missing");

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfigDocument.Load(path));

        Assert.Equal(("SshdConfigNotFound", ExitCode.ConfigPathInvalid), (error.ErrorId, error.ExitCode));
        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> SplitKeepingEndings(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            yield return text[start..end];
            start = end;
        }
    }
}
