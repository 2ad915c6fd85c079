using PSRemotingDsc.TestSupport;
using PSRemotingDsc.Versions;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests;

/// <summary>The tests that change process-wide environment variables the engine reads run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MachineEnvironmentTests
{
    public const string Name = "Machine environment";
}

/// <summary>
/// A machine for one test: a fixture PowerShell 7.3.99 that the engine discovers (through
/// <see cref="InstallationDiscovery.ExtraRootsVariable"/>), and an sshd_config that the real <c>sshd -t</c> accepts.
/// </summary>
public sealed class MachineFixture : IDisposable
{
    public const string FixtureVersion = "7.3.99";

    private readonly string? _previousRoots;

    public MachineFixture()
    {
        SshdTestEnvironment.RequireSshd();
        Directory = new TempDirectory();
        PSHome = FixtureInstallation.Create(Directory.Combine("installations"), FixtureVersion);
        string hostKey = SshdTestEnvironment.CreateHostKey(Directory);
        SshdConfigPath = Directory.WriteFile("sshd_config", SshdTestEnvironment.Config(Directory, hostKey, SshdTestEnvironment.FreeLoopbackPort()));
        _previousRoots = Environment.GetEnvironmentVariable(InstallationDiscovery.ExtraRootsVariable);
        Environment.SetEnvironmentVariable(InstallationDiscovery.ExtraRootsVariable, Directory.Combine("installations"));
    }

    public TempDirectory Directory { get; }

    public string PSHome { get; }

    public string SshdConfigPath { get; }

    public string SshdConfigText => File.ReadAllText(SshdConfigPath);

    /// <summary>The file's bytes and last write time: what must not change when nothing is to change.</summary>
    public (byte[] Bytes, DateTime WrittenAt) Snapshot() => (File.ReadAllBytes(SshdConfigPath), File.GetLastWriteTimeUtc(SshdConfigPath));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(InstallationDiscovery.ExtraRootsVariable, _previousRoots);
        Directory.Dispose();
    }
}
