using System.Diagnostics;
using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Tests.Contract;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.EndToEnd;

/// <summary>
/// verifyConnection on SSH end to end: the built psremotingdsc spawned as dsc spawns it, the real sshd's effective
/// configuration (<c>sshd -T -C</c>), and the Subsystem started through root's login shell. The pinned pwsh opens a
/// runspace pool; a "pwsh" that hangs is stopped after PSREMOTINGDSC_SSH_VERIFY_TIMEOUT seconds and reported, without
/// failing set.
/// </summary>
public sealed class SshVerifyConnectionEndToEndTests
{
    private const string Working = "powershell-verified";
    private const string Hanging = "powershell-hanging";

    [SkippableFact]
    public void Set_ProvesThePinnedPwshAnswers_AndReportsAHangingOneAsConnectionFailed()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);

        using var installations = new TempDirectory();
        string hanging = FixtureInstallation.Create(installations.Path, "7.4.6");
        string pids = installations.Combine("pids");
        File.WriteAllText(Path.Join(hanging, "pwsh"), $"#!/bin/sh\nsleep 600 &\necho $! > {pids}\nwait\n");
        using RunningSshd server = RunningSshd.Start(sshd);
        // The working pwsh gets a generous bound (it starts slowly on a loaded machine); the hanging one a short one.
        var invoker = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory, new Dictionary<string, string>
        {
            ["PSREMOTINGDSC_PSHOME_ROOTS"] = installations.Path,
            ["PSREMOTINGDSC_SSH_VERIFY_TIMEOUT"] = "120",
        });
        var impatient = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory, new Dictionary<string, string>
        {
            ["PSREMOTINGDSC_PSHOME_ROOTS"] = installations.Path,
            ["PSREMOTINGDSC_SSH_VERIFY_TIMEOUT"] = "3",
        });

        // The pinned pwsh: set writes the line, reloads sshd and proves a runspace pool opens; test agrees.
        string working = Instance(RealPowerShell.Version, Working, server.ConfigPath);
        (JsonObject set, string[] changed) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", working));
        Assert.Equal(["_exist"], changed);
        Assert.True((set["reasons"]?.AsArray().Count ?? 0) == 0, set.ToJsonString());
        (JsonObject tested, _) = ContractAssert.StateAndDiff("test", invoker.Invoke("test", working));
        Assert.True(tested["_inDesiredState"]!.GetValue<bool>(), tested.ToJsonString());

        // A pwsh that never answers: set succeeds (the line is as asked) and says why the endpoint does not work.
        var clock = Stopwatch.StartNew();
        DscInvocation run = impatient.Invoke("set", Instance("7.4.6", Hanging, server.ConfigPath));
        ContractAssert.Succeeded(run);
        (JsonObject broken, _) = ContractAssert.StateAndDiff("set", run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"set took {clock.Elapsed} with a 3 s probe timeout.");
        JsonNode reason = Assert.Single(broken["reasons"]!.AsArray())!;
        Assert.EndsWith(":ConnectionFailed", reason["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("no runspace pool opened within 3 s", reason["phrase"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"Subsystem {Hanging} {Path.Join(hanging, "pwsh")} -sshs -NoLogo -NoProfile", File.ReadAllText(server.ConfigPath), StringComparison.Ordinal);
        int child = int.Parse(File.ReadAllText(pids).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(SshdTestEnvironment.WaitUntil(() => !IsAlive(child), TimeSpan.FromSeconds(5)), $"The hanging endpoint's child {child} was not killed.");
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Instance(string version, string name, string configPath) => new JsonObject
    {
        ["version"] = version,
        ["name"] = name,
        ["transport"] = "ssh",
        ["sshdConfigPath"] = configPath,
        ["verifyConnection"] = true,
    }.ToJsonString();
}
