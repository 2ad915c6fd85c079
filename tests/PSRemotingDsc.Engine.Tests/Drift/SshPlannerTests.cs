using PSRemotingDsc.Drift;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Drift;

public sealed class SshPlannerTests : IDisposable
{
    private const string Name = "powershell-7";

    private readonly SshTestMachine _machine = new();
    private readonly TempDirectory _dir;
    private readonly PowerShellInstallation _stable;
    private readonly PowerShellInstallation _older;
    private readonly SshEndpointObserver _observer;

    public SshPlannerTests()
    {
        (_dir, _stable, _older, _observer) = (_machine.Directory, _machine.Stable, _machine.Older, _machine.Observer);
    }

    public void Dispose() => _machine.Dispose();

    private string Wanted => $"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile";

    [Fact]
    public void Plan_IsEmpty_WhenThereAreNoReasons_EvenIfTheLineIsWrittenDifferently()
    {
        string path = Config($"Port 22\n\tsubsystem {Name} {_stable.Executable} -NoProfile -SSHServerMode -nol   # ours\n");

        (SshPlan plan, SshdConfiguration configuration) = Plan(path, Desired());

        Assert.Empty(plan.ModifiedDocuments);
        Assert.Empty(plan.Changes);
        Assert.False(plan.ChangesConfiguration);
        Assert.False(configuration.Main.IsModified);
    }

    [Fact]
    public void Plan_AddsAMissingLine_BeforeTheFirstMatchBlock()
    {
        string original = "# Debian-like\nPort 22\nSubsystem sftp /usr/lib/openssh/sftp-server\n\n# admins only\nMatch User admin\n\tX11Forwarding no\n";
        string path = Config(original);

        (SshPlan plan, _) = Plan(path, Desired());

        SshdConfigDocument document = Assert.Single(plan.ModifiedDocuments);
        Assert.Equal(
            $"# Debian-like\nPort 22\nSubsystem sftp /usr/lib/openssh/sftp-server\n{Wanted}\n\n# admins only\nMatch User admin\n\tX11Forwarding no\n",
            document.Render());
        PlannedChange change = Assert.Single(plan.Changes);
        Assert.Equal(path, change.File);
        Assert.Equal($"add '{Wanted}'", change.Description);
        Assert.True(plan.ChangesConfiguration);
    }

    [Fact]
    public void Plan_RewritesTheEffectiveLineInPlace_KeepingItsPositionAndIndentation()
    {
        string original = $"Port 22\n  Subsystem {Name} {_older.Executable} -sshs -NoLogo -NoProfile   # old one\nPermitRootLogin no\n";
        string path = Config(original);

        (SshPlan plan, _) = Plan(path, Desired());

        string rendered = Assert.Single(plan.ModifiedDocuments).Render();
        Assert.Equal($"  {Wanted}", rendered.Split('\n')[1]);
        AssertOnlyLineChanged(original, rendered, changedIndex: 1);
        Assert.Equal($"rewrite '{Wanted}'", Assert.Single(plan.Changes).Description);
    }

    [Fact]
    public void Plan_KeepsUndeclaredExtraArguments_WhenArgumentsWereNotSet()
    {
        string path = Config($"Subsystem {Name} {_older.Executable} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/ops.pssc\n");

        (SshPlan plan, _) = Plan(path, Desired());

        Assert.Equal($"{Wanted} -ConfigurationFile /etc/ops.pssc\n", Assert.Single(plan.ModifiedDocuments).Render());
    }

    [Fact]
    public void Plan_WritesTheDeclaredArguments_InsteadOfTheObservedOnes()
    {
        string path = Config($"Subsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/ops.pssc\n");

        (SshPlan plan, _) = Plan(path, Desired(["-ConfigurationFile", "/etc/new.pssc"]));

        Assert.Equal($"{Wanted} -ConfigurationFile /etc/new.pssc\n", Assert.Single(plan.ModifiedDocuments).Render());
    }

    [Fact]
    public void Plan_RemovesLaterDuplicates_InTheSameFile()
    {
        string path = Config($"Subsystem {Name} {_older.Executable} -sshs\nPort 22\nSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\nPermitRootLogin no\n");

        (SshPlan plan, _) = Plan(path, Desired());

        Assert.Equal($"{Wanted}\nPort 22\nPermitRootLogin no\n", Assert.Single(plan.ModifiedDocuments).Render());
        Assert.Single(plan.Changes);
    }

    [Fact]
    public void Plan_RewritesTheEffectiveLineInTheIncludedFile_AndRemovesTheDuplicateFromTheMainFile()
    {
        string included = _dir.WriteFile("sshd_config.d/10-pwsh.conf", $"# from a package\nSubsystem {Name} {_older.Executable} -sshs\n");
        string path = Config($"Include sshd_config.d/*.conf\nPort 22\nSubsystem {Name} {_stable.Executable} -sshs -NoLogo -NoProfile\n");

        (SshPlan plan, _) = Plan(path, Desired());

        Assert.Equal([included, path], plan.ModifiedDocuments.Select(document => document.Path));
        Assert.Equal($"# from a package\n{Wanted}\n", plan.ModifiedDocuments[0].Render());
        Assert.Equal("Include sshd_config.d/*.conf\nPort 22\n", plan.ModifiedDocuments[1].Render());
        Assert.Equal(
            [new PlannedChange(included, $"rewrite '{Wanted}'"), new PlannedChange(path, $"remove duplicate Subsystem '{Name}'")],
            plan.Changes);
    }

    [Fact]
    public void Plan_RemovesEveryGlobalDefinition_InEveryFile_WhenTheEndpointShouldNotExist()
    {
        string included = _dir.WriteFile("sshd_config.d/10-pwsh.conf", $"Subsystem {Name} {_older.Executable} -sshs\nPort 2222\n");
        string path = Config($"Include sshd_config.d/*.conf\nSubsystem {Name} {_stable.Executable} -sshs\nSubsystem sftp internal-sftp\nSubsystem {Name} {_stable.Executable}\nMatch User admin\n\tSubsystem {Name} {_older.Executable}\n");

        (SshPlan plan, _) = Plan(path, new SshEndpointDesired(Name, false, null, null, null));

        Assert.Equal([path, included], plan.ModifiedDocuments.Select(document => document.Path));
        Assert.Equal($"Include sshd_config.d/*.conf\nSubsystem sftp internal-sftp\nMatch User admin\n\tSubsystem {Name} {_older.Executable}\n", plan.ModifiedDocuments[0].Render());
        Assert.Equal("Port 2222\n", plan.ModifiedDocuments[1].Render());
        Assert.Equal(2, plan.Changes.Count);
        Assert.All(plan.Changes, change => Assert.Equal($"remove Subsystem '{Name}'", change.Description));
    }

    [Fact]
    public void Plan_KeepsCrlfLineEndings_WhenRewritingAndAdding()
    {
        string original = $"Port 22\r\nSubsystem {Name} {_older.Executable} -sshs\r\n# end\r\n";
        string path = Config(original);

        (SshPlan rewrite, _) = Plan(path, Desired());
        string missing = Config("Port 22\r\nMatch User admin\r\n\tX11Forwarding no\r\n");
        (SshPlan add, _) = Plan(missing, Desired());

        string rewritten = Assert.Single(rewrite.ModifiedDocuments).Render();
        Assert.Equal($"Port 22\r\n{Wanted}\r\n# end\r\n", rewritten);
        Assert.Equal($"Port 22\r\n{Wanted}\r\nMatch User admin\r\n\tX11Forwarding no\r\n", Assert.Single(add.ModifiedDocuments).Render());
    }

    private (SshPlan Plan, SshdConfiguration Configuration) Plan(string path, SshEndpointDesired desired)
    {
        SshdConfiguration configuration = SshdConfiguration.Load(path);
        SshEndpointObservation observation = _observer.Observe(configuration, desired.Name);
        IReadOnlyList<Reason> reasons = new SshDriftAnalyzer(isWindows: false).Analyze(desired, observation);
        return (SshPlanner.Plan(desired, configuration, observation, reasons), configuration);
    }

    private SshEndpointDesired Desired(IReadOnlyList<string>? arguments = null) =>
        new(Name, true, _stable, _stable.Executable, arguments);

    private string Config(string text) => _dir.WriteFile("sshd_config", text);

    private static void AssertOnlyLineChanged(string original, string rendered, int changedIndex)
    {
        var before = original.Split('\n').ToList();
        var after = rendered.Split('\n').ToList();
        Assert.Equal(before.Count, after.Count);
        before.RemoveAt(changedIndex);
        after.RemoveAt(changedIndex);
        Assert.Equal(before, after);
    }
}
