using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Tests.EndpointSet;

namespace PSRemotingDsc.Cli.Tests.EndToEnd;

/// <summary>
/// PSRemotingDsc/EndpointSet end to end: a real sshd on 127.0.0.1, the built psremotingdsc spawned from the EndpointSet
/// manifest as dsc spawns it, one write and one reload for the whole set, and a real PowerShell session through the
/// endpoint it created.
/// </summary>
public sealed class EndpointSetEndToEndTests
{
    private const string Foreign = "# operator's own lines: must stay byte-identical\nSubsystem sftp /usr/lib/openssh/sftp-server\n";

    [SkippableFact]
    public void Set_WithPurge_ReplacesAStaleEndpointWithAWorkingOne_InOneWrite_AndSshdReloads()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        Skip.If(Tool.Find("ssh") is null, "The OpenSSH client (ssh) is not installed; PowerShell needs it to open an SSH session.");

        using var clientKeys = new TempDirectory();
        string clientKey = clientKeys.Combine("id_ed25519");
        Tool.RunOrThrow("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey);
        string authorizedKeys = clientKeys.WriteFile("authorized_keys", File.ReadAllText(clientKey + ".pub"));
        string stale = $"Subsystem powershell-stale {clientKeys.Combine("gone", "pwsh")} -sshs -NoLogo -NoProfile";
        using RunningSshd server = RunningSshd.Start(sshd, [$"AuthorizedKeysFile {authorizedKeys}", Foreign.TrimEnd('\n'), stale]);
        string original = File.ReadAllText(server.ConfigPath);
        int pid = server.ProcessId;
        DscCommandInvoker invoker = EndpointSetAssert.Invoker();
        string instance = new JsonObject
        {
            ["versions"] = new JsonArray(RealPowerShell.Version),
            ["transport"] = "ssh",
            ["sshdConfigPath"] = server.ConfigPath,
            ["_purge"] = true,
        }.ToJsonString();
        string endpoint = $"powershell-{RealPowerShell.Version}";

        (JsonObject before, _) = EndpointSetAssert.StateAndDiff("test", invoker.Invoke("test", instance));
        Assert.Equal([RealPowerShell.Version], EndpointSetAssert.Strings(before, "missingVersions"));
        Assert.Equal(["powershell-stale"], EndpointSetAssert.Strings(before, "undesiredEndpoints"));

        (JsonObject after, string[] changed) = EndpointSetAssert.StateAndDiff("set", invoker.Invoke("set", instance));
        Assert.Equal(["versions"], changed);
        Assert.Contains("reloaded", after["_metadata"]!["reload"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            original.Replace(stale + "\n", string.Empty, StringComparison.Ordinal) + $"Subsystem {endpoint} {RealPowerShell.Executable} -sshs -NoLogo -NoProfile\n",
            File.ReadAllText(server.ConfigPath));
        Assert.Equal(RealPowerShell.Version, RemotePowerShell.Invoke(server.Port, clientKey, endpoint, "$PSVersionTable.PSVersion.ToString()"));

        // A second set is a no-op: the file keeps its inode and mtime, and sshd is not reloaded again.
        (string inode, DateTime written) = (Tool.RunOrThrow("stat", "-c", "%i", server.ConfigPath).Trim(), File.GetLastWriteTimeUtc(server.ConfigPath));
        (JsonObject again, string[] nothing) = EndpointSetAssert.StateAndDiff("set", invoker.Invoke("set", instance));
        Assert.Empty(nothing);
        Assert.Null(again["_metadata"]);
        Assert.Equal((inode, written), (Tool.RunOrThrow("stat", "-c", "%i", server.ConfigPath).Trim(), File.GetLastWriteTimeUtc(server.ConfigPath)));
        Assert.Equal(pid, server.ProcessId);
        Assert.False(server.HasExited, "sshd must survive the reload.");
    }
}
