using PSRemotingDsc.Drift;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Drift;

public sealed class SshDriftAnalyzerTests : IDisposable
{
    // Written out, not taken from Reason.CodePrefix: the codes are a public contract.
    private const string Prefix = "PSRemotingEndpoint:PSRemotingEndpoint:";
    private const string Name = "powershell-7";

    private readonly SshTestMachine _machine = new();
    private readonly TempDirectory _dir;
    private readonly PowerShellInstallation _stable;
    private readonly PowerShellInstallation _older;
    private readonly SshEndpointObserver _observer;

    public SshDriftAnalyzerTests()
    {
        (_dir, _stable, _older, _observer) = (_machine.Directory, _machine.Stable, _machine.Older, _machine.Observer);
    }

    public void Dispose() => _machine.Dispose();

    [Fact]
    public void Analyze_ReportsNothing_WhenTheLineStartsTheDesiredInstallationInServerMode()
    {
        var reasons = Analyze($"Port 22\nSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\n", Desired(_stable));

        Assert.Empty(reasons);
    }

    [Fact]
    public void Analyze_ReportsNothing_WhenTheEndpointShouldNotExistAndDoesNot()
    {
        var reasons = Analyze("Port 22\n", Absent());

        Assert.Empty(reasons);
    }

    [SkippableFact]
    public void Analyze_ReportsNothing_WhenTheLineStartsTheDesiredInstallationThroughASymlink()
    {
        Skip.If(OperatingSystem.IsWindows(), "Creating symbolic links needs a privilege on Windows.");
        string link = _dir.Combine("bin", "pwsh");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, _stable.Executable);

        var reasons = Analyze($"Subsystem {Name} {link} -sshs -NoLogo -NoProfile\n", Desired(_stable));

        Assert.Empty(reasons);
    }

    [Fact]
    public void Analyze_ReportsMissing_OnTheExistProperty_WhenNoLineDefinesTheName()
    {
        var reasons = Analyze("Port 22\nSubsystem sftp /usr/lib/openssh/sftp-server\n", Desired(_stable));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "Missing", reason.Code);
        Assert.Equal("_exist", reason.Property);
        Assert.Contains($"'{Name}' is not defined", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains($"-Subsystem {Name}", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsUnexpected_NamingEveryFileAndLine_WhenTheEndpointShouldNotExist()
    {
        string path = Config($"Port 22\nSubsystem {Name} {_stable.Executable} -sshs\n\nSubsystem {Name} {_older.Executable} -sshs\n");

        var reasons = Analyze(path, Absent());

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "Unexpected", reason.Code);
        Assert.Equal("_exist", reason.Property);
        Assert.Contains($"{path}:2, {path}:4", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsBoundToOtherInstallation_OnPSHome_NamingBothVersionsAndTheLine()
    {
        string path = Config($"Port 22\nSubsystem {Name} {_older.Executable} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "BoundToOtherInstallation", reason.Code);
        Assert.Equal("pshome", reason.Property);
        Assert.Contains($"{path}:2", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains($"PowerShell 7.4.6 in '{_older.PSHome}'", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains($"PowerShell 7.6.9 in '{_stable.PSHome}'", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsInstallationGone_WhenTheExecutableDoesNotExist()
    {
        string gone = _dir.Combine("uninstalled", "7.2", "pwsh");
        string path = Config($"Subsystem {Name} {gone} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "InstallationGone", reason.Code);
        Assert.Equal("pshome", reason.Property);
        Assert.Contains($"{path}:1", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains($"'{gone}'", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsNotPowerShell_WhenTheExecutableExistsButIsNoInstallation()
    {
        string other = _dir.Combine("tools", "pwsh");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        FixtureInstallation.WriteExecutable(other);
        string path = Config($"Subsystem {Name} {other} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "NotPowerShell", reason.Code);
        Assert.Equal("pshome", reason.Property);
        Assert.Contains($"{path}:1", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsNotServerMode_OnArguments_WhenSshsIsMissing()
    {
        string path = Config($"Subsystem {Name} {_stable.Executable} -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "NotServerMode", reason.Code);
        Assert.Equal("arguments", reason.Property);
        Assert.Contains($"{path}:1", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains("-sshs", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsArgumentsDiffer_WhenDeclaredArgumentsAreNotTheExtraArguments()
    {
        string path = Config($"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/a.pssc\n");

        var reasons = Analyze(path, Desired(_stable, ["-ConfigurationFile", "/etc/b.pssc"]));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "ArgumentsDiffer", reason.Code);
        Assert.Equal("arguments", reason.Property);
        Assert.Contains($"{path}:1", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains("[-ConfigurationFile /etc/a.pssc], not [-ConfigurationFile /etc/b.pssc]", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsArgumentsDiffer_WhenEmptyArgumentsAreDeclaredAndTheLineHasExtraOnes()
    {
        var reasons = Analyze($"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/a.pssc\n", Desired(_stable, []));

        Assert.Equal([Prefix + "ArgumentsDiffer"], Codes(reasons));
    }

    [Fact]
    public void Analyze_DoesNotEnforceArguments_WhenArgumentsWereNotSet()
    {
        var reasons = Analyze($"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/a.pssc\n", Desired(_stable));

        Assert.Empty(reasons);
    }

    [Fact]
    public void Analyze_ReportsNothing_WhenDeclaredArgumentsMatchInOrder()
    {
        var reasons = Analyze($"Subsystem {Name} {_stable.Executable} -NoProfile -sshs -ConfigurationFile /etc/a.pssc -NoLogo\n", Desired(_stable, ["-ConfigurationFile", "/etc/a.pssc"]));

        Assert.Empty(reasons);
    }

    [Fact]
    public void Analyze_ReportsShadowedByDuplicate_WhenTheFirstDefinitionIsWrongAndALaterOneIsRight()
    {
        string path = Config($"Subsystem {Name} {_older.Executable} -sshs -NoLogo -NoProfile\nPort 22\nSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Assert.Equal([Prefix + "BoundToOtherInstallation", Prefix + "ShadowedByDuplicate"], Codes(reasons));
        Reason shadowed = reasons[1];
        Assert.Equal("name", shadowed.Property);
        Assert.Contains($"line at {path}:3 is ignored", shadowed.Phrase, StringComparison.Ordinal);
        Assert.Contains($"first definition, at {path}:1", shadowed.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsShadowedByDuplicate_WhenAnIncludedFileDefinesTheNameFirst()
    {
        string included = _dir.WriteFile("sshd_config.d/10-pwsh.conf", $"# from a package\nSubsystem {Name} {_older.Executable} -sshs\n");
        string path = Config($"Include sshd_config.d/*.conf\nSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Assert.Equal([Prefix + "BoundToOtherInstallation", Prefix + "ShadowedByDuplicate"], Codes(reasons));
        Assert.Contains($"{included}:2", reasons[0].Phrase, StringComparison.Ordinal);
        Assert.Contains($"line at {path}:2 is ignored", reasons[1].Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsDuplicateDefinition_WhenTheNameIsDefinedTwiceCorrectly()
    {
        string path = Config($"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\nSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Reason reason = Assert.Single(reasons);
        Assert.Equal(Prefix + "DuplicateDefinition", reason.Code);
        Assert.Equal("name", reason.Property);
        Assert.Contains($"defined 2 times ({path}:1, {path}:2)", reason.Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsDuplicateDefinitionNotShadowing_WhenNoDefinitionIsRight()
    {
        var reasons = Analyze($"Subsystem {Name} {_older.Executable} -sshs\nSubsystem {Name} {_older.Executable} -sshs\n", Desired(_stable));

        Assert.Equal([Prefix + "BoundToOtherInstallation", Prefix + "DuplicateDefinition"], Codes(reasons));
    }

    [Fact]
    public void Analyze_ReportsPathHasSpaces_OnlyForWindows()
    {
        var spaced = new FixedInstallationSource(FixtureInstallation.Create(_dir.Combine("Program Files", "PowerShell"), "7.6.9", "7"));
        PowerShellInstallation installation = spaced.FindInstallations()[0];
        var observer = new SshEndpointObserver(new InstallationResolver(spaced));
        string path = Config($"Subsystem {Name} \"{installation.Executable}\" -sshs -NoLogo -NoProfile\n");
        SshEndpointObservation observation = observer.Observe(SshdConfiguration.Load(path), Name);

        var onWindows = new SshDriftAnalyzer(isWindows: true).Analyze(Desired(installation), observation);
        var elsewhere = new SshDriftAnalyzer(isWindows: false).Analyze(Desired(installation), observation);

        Reason reason = Assert.Single(onWindows);
        Assert.Equal(Prefix + "PathHasSpaces", reason.Code);
        Assert.Equal("pshome", reason.Property);
        Assert.Contains($"{path}:1", reason.Phrase, StringComparison.Ordinal);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public void Analyze_ReportsOnlyInMatchBlock_BesideMissing_WhenTheOnlyDefinitionIsInsideMatch()
    {
        string path = Config($"Port 22\n\nMatch User admin\n\tSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\n");

        var reasons = Analyze(path, Desired(_stable));

        Assert.Equal([Prefix + "Missing", Prefix + "OnlyInMatchBlock"], Codes(reasons));
        Assert.Equal("_exist", reasons[1].Property);
        Assert.Contains($"({path}:4)", reasons[1].Phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_IgnoresAMatchBlockDefinition_WhenAGlobalOneIsRight()
    {
        var reasons = Analyze($"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\nMatch User admin\n\tSubsystem {Name} {_older.Executable}\n", Desired(_stable));

        Assert.Empty(reasons);
    }

    [Fact]
    public void Analyze_ReportsEveryProblemOfTheEffectiveLine_InOrder()
    {
        var reasons = Analyze($"Subsystem {Name} {_older.Executable} -NoLogo -Foo\n", Desired(_stable, []));

        Assert.Equal([Prefix + "BoundToOtherInstallation", Prefix + "NotServerMode", Prefix + "ArgumentsDiffer"], Codes(reasons));
        Assert.Equal(["pshome", "arguments", "arguments"], reasons.Select(reason => reason.Property));
    }

    private IReadOnlyList<Reason> Analyze(string configTextOrPath, SshEndpointDesired desired)
    {
        string path = File.Exists(configTextOrPath) ? configTextOrPath : Config(configTextOrPath);
        SshEndpointObservation observation = _observer.Observe(SshdConfiguration.Load(path), desired.Name);
        return new SshDriftAnalyzer(isWindows: false).Analyze(desired, observation);
    }

    private string Config(string text) => _dir.WriteFile("sshd_config", text);

    private static SshEndpointDesired Desired(PowerShellInstallation installation, IReadOnlyList<string>? arguments = null) =>
        new(Name, true, installation, installation.Executable, arguments);

    private static SshEndpointDesired Absent() => new(Name, false, null, null, null);

    private static string[] Codes(IEnumerable<Reason> reasons) => [.. reasons.Select(reason => reason.Code)];
}
