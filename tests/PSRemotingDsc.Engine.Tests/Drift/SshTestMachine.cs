using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Drift;

/// <summary>
/// A temp folder with two real fixture installations, 7.6.9 ("stable") and 7.4.6 ("older"), and an observer that
/// identifies subsystem executables against them: the machine the SSH drift and planner tests work on.
/// </summary>
public sealed class SshTestMachine : IDisposable
{
    public SshTestMachine()
    {
        string root = Directory.Combine("powershell");
        string stable = FixtureInstallation.Create(root, "7.6.9", "7");
        string older = FixtureInstallation.Create(root, "7.4.6", "7.4");
        var source = new FixedInstallationSource(stable, older);
        Stable = source.Get(stable);
        Older = source.Get(older);
        Observer = new SshEndpointObserver(new InstallationResolver(source));
    }

    public TempDirectory Directory { get; } = new();

    public PowerShellInstallation Stable { get; }

    public PowerShellInstallation Older { get; }

    public SshEndpointObserver Observer { get; }

    public void Dispose() => Directory.Dispose();
}
