using PSRemotingDsc.Errors;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public class SshdConfigurationTests
{
    [Fact]
    public void FindSubsystem_ListsIncludedDefinitionsAtThePositionOfTheInclude_InSortedGlobOrder()
    {
        using var directory = new TempDirectory();
        var main = directory.WriteFile("sshd_config", "Subsystem powershell /first/pwsh -sshs\nInclude conf.d/*.conf\nSubsystem powershell /main/pwsh -sshs\n");
        var b = directory.WriteFile("conf.d/20-b.conf", "Subsystem powershell /b/pwsh -sshs\n");
        var a = directory.WriteFile("conf.d/10-a.conf", "Subsystem powershell /a/pwsh -sshs\nSubsystem other /x\n");
        directory.WriteFile("conf.d/.hidden.conf", "Subsystem powershell /hidden/pwsh -sshs\n");
        directory.WriteFile("conf.d/30-c.txt", "Subsystem powershell /txt/pwsh -sshs\n");

        var configuration = SshdConfiguration.Load(main);

        Assert.Equal(
            [("/first/pwsh -sshs", main, 1), ("/a/pwsh -sshs", a, 1), ("/b/pwsh -sshs", b, 1), ("/main/pwsh -sshs", main, 3)],
            configuration.FindSubsystem("powershell").Select(d => (d.Command, d.File, d.LineNumber)));
        Assert.Equal([main, a, b], configuration.Documents.Select(d => d.Path));
        Assert.Same(configuration.Main, configuration.Documents[0]);
    }

    [Fact]
    public void Load_SkipsIncludesThatMatchNothing_AndFollowsAbsolutePatterns()
    {
        using var directory = new TempDirectory();
        var extra = directory.WriteFile("elsewhere/extra.conf", "PidFile /run/extra.pid\n");
        var main = directory.WriteFile("sshd_config", $"Include missing.conf nothing.d/*.conf\nInclude {Path.Combine(directory.Path, "else*", "*.conf")}\nPidFile /run/main.pid\n");

        var configuration = SshdConfiguration.Load(main);

        Assert.Equal([main, extra], configuration.Documents.Select(d => d.Path));
        Assert.Equal("/run/extra.pid", configuration.PidFile);
    }

    [Fact]
    public void PidFile_IsTheFirstGlobalOne_UnquotedAndNullWhenUnset()
    {
        var withPid = SshdConfigDocument.Parse("Match User x\n  PidFile /run/match.pid\n", "/etc/ssh/sshd_config");
        var quoted = SshdConfigDocument.Parse("pidfile = \"/run/my sshd.pid\" # comment\nPidFile /run/second.pid\n", "/etc/ssh/sshd_config");

        Assert.Null(SshdConfiguration.FromDocuments(withPid, []).PidFile);
        Assert.Equal("/run/my sshd.pid", SshdConfiguration.FromDocuments(quoted, []).PidFile);
        Assert.Equal("/run/sshd-test.pid", SshdConfiguration.FromDocuments(SshdConfigDocument.Load(SshdConfigFixtures.PathOf("edge-cases.sshd_config")), []).PidFile);
    }

    [Fact]
    public void IncludedFiles_InsideAMatchBlock_BelongToThatBlock()
    {
        var main = SshdConfigDocument.Parse("Match User admin\n  Include /etc/ssh/admin.conf\n", "/etc/ssh/sshd_config");
        var admin = SshdConfigDocument.Parse("Subsystem powershell /admin/pwsh -sshs\nPidFile /run/admin.pid\n", "/etc/ssh/admin.conf");

        var configuration = SshdConfiguration.FromDocuments(main, [admin]);

        Assert.Empty(configuration.FindSubsystem("powershell"));
        Assert.Null(configuration.PidFile);
        Assert.Equal([main, admin], configuration.Documents);
    }

    [Fact]
    public void AMatchInsideAnIncludedFile_EndsWithThatFile()
    {
        var main = SshdConfigDocument.Parse("Include /etc/ssh/sshd_config.d/*.conf\nSubsystem powershell /main/pwsh -sshs\n", "/etc/ssh/sshd_config");
        var included = SshdConfigDocument.Parse("Match User x\nSubsystem powershell /match/pwsh -sshs\n", "/etc/ssh/sshd_config.d/a.conf");

        var configuration = SshdConfiguration.FromDocuments(main, [included]);

        Assert.Equal(["/main/pwsh -sshs"], configuration.FindSubsystem("powershell").Select(d => d.Command));
    }

    [Fact]
    public void FromDocuments_ResolvesRelativePatternsAgainstTheMainFilesDirectory_AndSortsByPath()
    {
        // Absolute on every OS: the relative pattern is resolved to a full path (with a drive on Windows).
        var main = SshdConfigDocument.Parse("Include sshd_config.d/*.conf\n", TestPaths.Absolute("/etc/ssh/sshd_config"));
        var z = SshdConfigDocument.Parse("Subsystem s /z\n", TestPaths.Absolute("/etc/ssh/sshd_config.d/z.conf"));
        var a = SshdConfigDocument.Parse("Subsystem s /a\n", TestPaths.Absolute("/etc/ssh/sshd_config.d/a.conf"));
        var elsewhere = SshdConfigDocument.Parse("Subsystem s /elsewhere\n", TestPaths.Absolute("/srv/sshd_config.d/b.conf"));

        var configuration = SshdConfiguration.FromDocuments(main, [z, elsewhere, a]);

        Assert.Equal(["/a", "/z"], configuration.FindSubsystem("s").Select(d => d.Command));
    }

    [Fact]
    public void FindSubsystem_ComparesNamesCaseSensitively_LikeSshd()
    {
        var main = SshdConfigDocument.Parse("Subsystem PowerShell /upper\nsubsystem powershell /lower\n", "/etc/ssh/sshd_config");

        var configuration = SshdConfiguration.FromDocuments(main, []);

        Assert.Equal(["/lower"], configuration.FindSubsystem("powershell").Select(d => d.Command));
        Assert.Equal(["/upper"], configuration.FindSubsystem("PowerShell").Select(d => d.Command));
        Assert.Empty(configuration.FindSubsystem("POWERSHELL"));
    }

    [Fact]
    public void FindSubsystem_SeesEditsMadeToTheDocumentsAfterLoading()
    {
        var main = SshdConfigDocument.Parse("Subsystem powershell /old -sshs\nSubsystem powershell /dup -sshs\n", "/etc/ssh/sshd_config");
        var configuration = SshdConfiguration.FromDocuments(main, []);
        Assert.Equal(2, configuration.FindSubsystem("powershell").Count);

        configuration.Main.SetSubsystem("powershell", "/new -sshs");

        Assert.Equal(["/new -sshs"], configuration.FindSubsystem("powershell").Select(d => d.Command));
    }

    [Fact]
    public void Load_ReportsAnIncludeCycle_NamingTheFileAndLineThatClosesIt()
    {
        using var directory = new TempDirectory();
        var main = directory.WriteFile("sshd_config", "Port 22\nInclude loop.d/*.conf\n");
        var loop = directory.WriteFile("loop.d/back.conf", "# goes back\nInclude sshd_config\n");

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfiguration.Load(main));

        Assert.Equal(ExitCode.ConfigUnreadable, error.ExitCode);
        Assert.Equal("SshdIncludeCycle", error.ErrorId);
        Assert.StartsWith($"{loop}:2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{main} -> {loop} -> {main}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsAFileIncludingItself()
    {
        using var directory = new TempDirectory();
        var main = directory.WriteFile("sshd_config", "Include sshd_config\n");

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfiguration.Load(main));

        Assert.StartsWith($"{main}:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AcceptsSixteenNestedIncludes_AndReportsTheSeventeenth()
    {
        using var directory = new TempDirectory();
        var main = WriteChain(directory, "ok", SshdConfiguration.MaxIncludeDepth);
        Assert.Equal("/run/ok.pid", SshdConfiguration.Load(main).PidFile);

        var tooDeep = WriteChain(directory, "deep", SshdConfiguration.MaxIncludeDepth + 1);
        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfiguration.Load(tooDeep));
        Assert.Equal(ExitCode.ConfigUnreadable, error.ExitCode);
        Assert.Equal("SshdIncludeTooDeep", error.ErrorId);
        Assert.StartsWith($"{Path.Combine(directory.Path, $"deep{SshdConfiguration.MaxIncludeDepth}.conf")}:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsTheMainFile_WhenItCannotBeRead()
    {
        using var directory = new TempDirectory();
        var main = Path.Combine(directory.Path, "no_such_config");

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfiguration.Load(main));

        Assert.Equal(ExitCode.ConfigPathInvalid, error.ExitCode);
        Assert.Contains(main, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsTheEdgeCaseFixture_WithItsIncludeMatchingNothing()
    {
        var configuration = SshdConfiguration.Load(SshdConfigFixtures.PathOf("edge-cases.sshd_config"));

        Assert.Single(configuration.Documents);
        Assert.Equal(["/usr/bin/pwsh -sshs -NoLogo", "/opt/microsoft/powershell/7/pwsh -sshs"], configuration.FindSubsystem("powershell").Select(d => d.Command));
        Assert.Equal(["sftp", "powershell", "powershell", "quoted name"], configuration.GlobalSubsystems().Select(d => d.Name));
    }

    [Fact]
    public void Load_ResolvesRelativeIncludesAgainstTheGivenDirectory_WhenTheMainFileIsACopyElsewhere()
    {
        using var sshDirectory = new TempDirectory();
        using var copyDirectory = new TempDirectory();
        var included = sshDirectory.WriteFile("sshd_config.d/pwsh.conf", "Subsystem powershell /etc-ssh/pwsh -sshs\n");
        copyDirectory.WriteFile("sshd_config.d/pwsh.conf", "Subsystem powershell /copy/pwsh -sshs\n");
        var copy = copyDirectory.WriteFile("sshd_config.new", "Include sshd_config.d/*.conf\n");

        var configuration = SshdConfiguration.Load(copy, sshDirectory.Path);

        Assert.Equal([(included, "/etc-ssh/pwsh -sshs")], configuration.FindSubsystem("powershell").Select(d => (d.File, d.Command)));
        Assert.Equal(["/copy/pwsh -sshs"], SshdConfiguration.Load(copy).FindSubsystem("powershell").Select(d => d.Command));
    }

    [Fact]
    public void Load_ReportsTheIncludeLine_WhenAPatternMatchesADirectory()
    {
        using var directory = new TempDirectory();
        directory.WriteFile("conf.d/sub/a.conf", "Port 22\n");
        var main = directory.WriteFile("sshd_config", "Port 22\n\nInclude conf.d/*\n");

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfiguration.Load(main));

        Assert.Equal(ExitCode.ConfigUnreadable, error.ExitCode);
        Assert.StartsWith($"{main}:3: Include conf.d/*: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReportsTheIncludeLine_WhenAnIncludedFileIsNotUtf8()
    {
        using var directory = new TempDirectory();
        var bad = Path.Combine(directory.Path, "bad.conf");
        File.WriteAllBytes(bad, [0xFF, (byte)'\n']);
        var main = directory.WriteFile("sshd_config", "Include bad.conf\n");

        var error = Assert.Throws<PSRemotingDscException>(() => SshdConfiguration.Load(main));

        Assert.Equal(ExitCode.ConfigUnreadable, error.ExitCode);
        Assert.StartsWith($"{main}:1: Include bad.conf: {bad}:1: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes {prefix}0.conf including {prefix}1.conf ... down to {prefix}{depth}.conf, which sets a PidFile.</summary>
    private static string WriteChain(TempDirectory directory, string prefix, int depth)
    {
        for (var level = 0; level < depth; level++)
        {
            directory.WriteFile($"{prefix}{level}.conf", $"Include {prefix}{level + 1}.conf\n");
        }

        directory.WriteFile($"{prefix}{depth}.conf", $"PidFile /run/{prefix}.pid\n");
        return Path.Combine(directory.Path, $"{prefix}0.conf");
    }
}
