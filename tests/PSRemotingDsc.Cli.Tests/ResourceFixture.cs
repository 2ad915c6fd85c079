using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests;

/// <summary>
/// A temp sshd_config with foreign lines and the built psremotingdsc, driven through the checked-in manifest
/// exactly as dsc drives it. Discovery sees the machine's PowerShell plus fixture installations.
/// </summary>
public sealed class ResourceFixture : IDisposable
{
    public const string ForeignLines = """
        # sshd_config written by a person; every byte here must survive.
        Port 22
        #PermitRootLogin prohibit-password
        Subsystem	sftp	/usr/lib/openssh/sftp-server

        Match User backup
            ForceCommand internal-sftp
        """;

    public ResourceFixture()
    {
        Directory = new TempDirectory();
        ConfigPath = Directory.WriteFile("sshd_config", ForeignLines.ReplaceLineEndings("\n") + "\n");
        FixtureRoots = Directory.Combine("installations");
        System.IO.Directory.CreateDirectory(FixtureRoots);
        Invoker = new DscCommandInvoker(
            RepositoryPaths.ManifestPath,
            CliUnderTest.Directory,
            new Dictionary<string, string> { ["PSREMOTINGDSC_PSHOME_ROOTS"] = FixtureRoots });
    }

    public TempDirectory Directory { get; }

    public string ConfigPath { get; }

    public string FixtureRoots { get; }

    public DscCommandInvoker Invoker { get; }

    public string Input(JsonObject properties)
    {
        properties["sshdConfigPath"] ??= ConfigPath;
        properties["transport"] ??= "ssh";
        return properties.ToJsonString();
    }

    public void Dispose() => Directory.Dispose();
}
