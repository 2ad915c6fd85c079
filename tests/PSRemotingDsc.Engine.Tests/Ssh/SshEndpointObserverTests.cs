using System.Text;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Tests.Drift;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class SshEndpointObserverTests : IDisposable
{
    private readonly SshTestMachine _machine = new();

    public void Dispose() => _machine.Dispose();

    [Fact]
    public void ObserveAll_GivesWhatObserveGives_ForEveryName()
    {
        string stable = _machine.Stable.Executable;
        string older = _machine.Older.Executable;
        _machine.Directory.WriteFile("ssh/sshd_config.d/10-extra.conf", $"Subsystem ps-dup {older} -sshs\nSubsystem ps-included {stable} -sshs\n");
        string main = _machine.Directory.WriteFile("ssh/sshd_config", string.Join('\n',
            "Subsystem sftp /usr/lib/openssh/sftp-server",
            $"Subsystem ps-dup {stable} -sshs -NoLogo",
            "Include sshd_config.d/*.conf",
            "Subsystem ps-gone /nowhere/pwsh -sshs",
            $"Subsystem ps-dup {stable} -NoLogo",
            "Match User admin",
            $"\tSubsystem ps-dup {older} -sshs",
            $"\tSubsystem ps-matchonly {stable} -sshs",
            string.Empty));
        SshdConfiguration configuration = SshdConfiguration.Load(main);

        IReadOnlyDictionary<string, SshEndpointObservation> all = _machine.Observer.ObserveAll(configuration);

        Assert.Equal(["ps-dup", "ps-gone", "ps-included", "ps-matchonly", "sftp"], all.Keys.Order(StringComparer.Ordinal));
        foreach (string name in all.Keys)
        {
            Assert.Equal(Describe(_machine.Observer.Observe(configuration, name)), Describe(all[name]));
        }

        Assert.Equal(3, all["ps-dup"].Definitions.Count);
        Assert.Empty(all["ps-matchonly"].Definitions);
        Assert.Single(all["ps-matchonly"].MatchBlockDefinitions);
    }

    [Fact]
    public void ObserveAll_ReadsEachLineABoundedNumberOfTimes_HoweverManyNames()
    {
        const int Names = 2000;
        var text = new StringBuilder("Port 22\n");
        for (int i = 0; i < Names; i++)
        {
            text.Append("# endpoint ").Append(i).Append('\n');
            text.Append("Subsystem powershell-").Append(i).Append(' ').Append(_machine.Stable.Executable).Append(" -sshs -NoLogo -NoProfile\n");
        }

        int lines = 1 + (2 * Names);
        SshdConfiguration configuration = SshdConfiguration.FromDocuments(SshdConfigDocument.Parse(text.ToString(), "/etc/ssh/sshd_config"), []);
        long before = SshdConfigDocument.LinesEnumeratedOnThisThread;

        IReadOnlyDictionary<string, SshEndpointObservation> all = _machine.Observer.ObserveAll(configuration);

        long visited = SshdConfigDocument.LinesEnumeratedOnThisThread - before;
        Assert.Equal(Names, all.Count);
        Assert.True(visited <= 4L * lines, $"observing {Names} names read {visited} lines of a {lines}-line file; one walk per name would read about {2L * Names * lines}.");
    }

    [Fact]
    public void ObserveAll_LooksUpEachDistinctExecutableOnce()
    {
        var looked = new List<string>();
        var observer = new SshEndpointObserver(
            new InstallationResolver(new FixedInstallationSource(_machine.Stable.PSHome, _machine.Older.PSHome)),
            path =>
            {
                looked.Add(path);
                return File.Exists(path);
            });
        var text = new StringBuilder();
        for (int i = 0; i < 50; i++)
        {
            string executable = i % 2 == 0 ? _machine.Stable.Executable : _machine.Older.Executable;
            text.Append("Subsystem powershell-").Append(i).Append(' ').Append(executable).Append(" -sshs\n");
        }

        SshdConfiguration configuration = SshdConfiguration.FromDocuments(SshdConfigDocument.Parse(text.ToString(), "/etc/ssh/sshd_config"), []);

        IReadOnlyDictionary<string, SshEndpointObservation> all = observer.ObserveAll(configuration);

        Assert.Equal(50, all.Count);
        Assert.Equal([_machine.Stable.Executable, _machine.Older.Executable], looked);
        Assert.Equal(_machine.Older.PSHome, all["powershell-49"].Effective!.Installation!.PSHome);
    }

    private static string Describe(SshEndpointObservation observation) => string.Join(
        " | ",
        [
            observation.Name,
            .. observation.Definitions.Select(definition =>
                $"{definition.Location} {definition.Command.Render()} exists={definition.ExecutableExists} pshome={definition.Installation?.PSHome}"),
            .. observation.MatchBlockDefinitions.Select(definition => $"match {definition.File}:{definition.LineNumber} {definition.Command}"),
        ]);
}
