using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Tests.Contract;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.EndToEnd;

/// <summary>
/// Real parts end to end: a real sshd on 127.0.0.1, the built psremotingdsc spawned as dsc spawns it, and
/// a real PowerShell remoting session from the pinned pwsh through the endpoint psremotingdsc created.
/// </summary>
public sealed class SshEndpointEndToEndTests
{
    private const string EndpointName = "powershell-e2e";
    private const string Foreign = "# operator's own lines: must stay byte-identical\nSubsystem sftp /usr/lib/openssh/sftp-server\n";

    [SkippableFact]
    public void Set_CreatesAWorkingEndpoint_TestSeesDrift_SetRepairs_DeleteRemoves_ForeignLinesUntouched()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        Skip.If(Tool.Find("ssh") is null, "The OpenSSH client (ssh) is not installed; PowerShell needs it to open an SSH session.");

        using var clientKeys = new TempDirectory();
        string clientKey = clientKeys.Combine("id_ed25519");
        Tool.RunOrThrow("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey);
        string authorizedKeys = clientKeys.WriteFile("authorized_keys", File.ReadAllText(clientKey + ".pub"));
        using RunningSshd server = RunningSshd.Start(sshd, [$"AuthorizedKeysFile {authorizedKeys}", Foreign.TrimEnd('\n')]);
        string original = File.ReadAllText(server.ConfigPath);
        var invoker = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory);
        string endpoint = new JsonObject
        {
            ["version"] = RealPowerShell.Version,
            ["name"] = EndpointName,
            ["transport"] = "ssh",
            ["sshdConfigPath"] = server.ConfigPath,
        }.ToJsonString();

        // set: the line is added and the running sshd is reloaded, so a real session opens through it.
        (JsonObject created, string[] changed) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", endpoint));
        Assert.True(created["_exist"]!.GetValue<bool>());
        Assert.Equal(["_exist"], changed);
        Assert.Contains("reloaded", created["_metadata"]!["reload"]!.GetValue<string>(), StringComparison.Ordinal);
        string line = $"Subsystem {EndpointName} {RealPowerShell.Executable} -sshs -NoLogo -NoProfile\n";
        Assert.Equal(original + line, File.ReadAllText(server.ConfigPath));
        Assert.Equal(RealPowerShell.Version, RemoteVersion(server.Port, clientKey));

        // Break it by hand: the endpoint no longer starts pwsh in server mode.
        File.WriteAllText(server.ConfigPath, original + $"Subsystem {EndpointName} {RealPowerShell.Executable} -NoLogo\n");
        (JsonObject drifted, string[] differing) = ContractAssert.StateAndDiff("test", invoker.Invoke("test", endpoint));
        Assert.False(drifted["_inDesiredState"]!.GetValue<bool>());
        Assert.Contains("arguments", differing);
        Assert.Contains(drifted["reasons"]!.AsArray(), reason => reason!["code"]!.GetValue<string>().EndsWith(":NotServerMode", StringComparison.Ordinal));

        // set repairs it in place; a second set changes nothing and does not touch the file.
        (_, string[] repaired) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", endpoint));
        Assert.Equal(["arguments"], repaired);
        Assert.Equal(original + line, File.ReadAllText(server.ConfigPath));
        DateTime written = File.GetLastWriteTimeUtc(server.ConfigPath);
        Thread.Sleep(20);
        (_, string[] nothing) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", endpoint));
        Assert.Empty(nothing);
        Assert.Equal(written, File.GetLastWriteTimeUtc(server.ConfigPath));
        Assert.Equal(RealPowerShell.Version, RemoteVersion(server.Port, clientKey));

        // delete removes exactly our line.
        ContractAssert.Succeeded(invoker.Invoke("delete", endpoint));
        Assert.Equal(original, File.ReadAllText(server.ConfigPath));
        Assert.False(server.HasExited, "sshd must survive every reload.");
    }

    private static string RemoteVersion(int port, string keyFile) =>
        RemotePowerShell.Invoke(port, keyFile, EndpointName, "$PSVersionTable.PSVersion.ToString()");
}
