using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Tests.Contract;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.EndToEnd;

/// <summary>
/// sshd runs a Subsystem command through the connecting user's login shell (<c>$SHELL -c</c>: OpenSSH session.c
/// do_child, execve at lines 1709-1713 of V_9_2_P1), after joining its tokens with single spaces (servconf.c
/// 1955-1963). Proven here against the real sshd: a hand-written line with shell syntax runs it; psremotingdsc
/// refuses to write such a word, refuses to carry one over from an existing line, and every word it accepts
/// reaches the remote pwsh exactly as declared.
/// </summary>
public sealed class ShellInjectionEndToEndTests
{
    private const string Injected = "powershell-injected";
    private const string Declared = "powershell-declared";

    [SkippableFact]
    public void ShellSyntaxNeverReachesTheLine_AndDeclaredArgumentsArriveVerbatim()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        Skip.If(Tool.Find("ssh") is null, "The OpenSSH client (ssh) is not installed.");

        using var work = new TempDirectory();
        string clientKey = work.Combine("id_ed25519");
        Tool.RunOrThrow("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey);
        string authorizedKeys = work.WriteFile("authorized_keys", File.ReadAllText(clientKey + ".pub"));
        string marker = work.Combine("pwned");
        string payload = $"$(touch${{IFS}}{marker})";
        using RunningSshd server = RunningSshd.Start(sshd,
        [
            $"AuthorizedKeysFile {authorizedKeys}",
            $"Subsystem {Injected} {RealPowerShell.Executable} -sshs -NoLogo -NoProfile {payload}",
        ]);
        var invoker = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory);

        // The threat is real: the hand-written line runs the payload for anyone who may log in.
        RemotePowerShell.RequestSubsystem(server.Port, clientKey, Injected);
        Assert.True(SshdTestEnvironment.WaitUntil(() => File.Exists(marker), TimeSpan.FromSeconds(10)), "The hand-written line should have run the shell payload.");
        File.Delete(marker);
        byte[] before = File.ReadAllBytes(server.ConfigPath);

        // psremotingdsc will not write that word, and will not carry it over when rewriting the line.
        DscInvocation refused = invoker.Invoke("set", Instance(Declared, server.ConfigPath, [payload]));
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("UnsafeValue", string.Join("\n", refused.StderrLines), StringComparison.Ordinal);
        Assert.Contains("'$' (U+0024)", string.Join("\n", refused.StderrLines), StringComparison.Ordinal);
        DscInvocation notCarried = invoker.Invoke("set", Instance(Injected, server.ConfigPath, arguments: null));
        Assert.Equal(5, notCarried.ExitCode);
        Assert.Contains("KeptArgumentsUnsafe", string.Join("\n", notCarried.StderrLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(server.ConfigPath));

        // Declaring the arguments repairs the line; connecting no longer runs anything.
        ContractAssert.Succeeded(invoker.Invoke("set", Instance(Injected, server.ConfigPath, [])));
        RemotePowerShell.RequestSubsystem(server.Port, clientKey, Injected);
        Thread.Sleep(500);
        Assert.False(File.Exists(marker), "The repaired line still ran the payload.");

        // Every character class an argument may hold arrives verbatim, one argv entry per declared argument.
        // (pwsh -sshs accepts these switches; any other word would be taken for a script file and end the session.)
        string directory = Directory.CreateDirectory(work.Combine("wd_a,b@c=d+e:f-ünï日本")).FullName;
        string settings = work.WriteFile("settings_x=y+z,w@v:u.json", "{}");
        string[] arguments = ["-WorkingDirectory", directory, "-SettingsFile", settings, "-Interactive"];
        ContractAssert.Succeeded(invoker.Invoke("set", Instance(Declared, server.ConfigPath, arguments)));
        string line = File.ReadAllLines(server.ConfigPath).Single(text => text.StartsWith($"Subsystem {Declared} ", StringComparison.Ordinal));
        Assert.Equal($"Subsystem {Declared} {RealPowerShell.Executable} -sshs -NoLogo -NoProfile {string.Join(' ', arguments)}", line);
        string received = RemotePowerShell.Invoke(server.Port, clientKey, Declared,
            "[Environment]::GetCommandLineArgs() | Select-Object -Skip 1 | ConvertTo-Json -Compress");
        Assert.Equal(["-sshs", "-NoLogo", "-NoProfile", .. arguments], JsonNode.Parse(received)!.AsArray().Select(node => node!.GetValue<string>()));
        (JsonObject state, _) = ContractAssert.StateAndDiff("test", invoker.Invoke("test", Instance(Declared, server.ConfigPath, arguments)));
        Assert.True(state["_inDesiredState"]!.GetValue<bool>());
    }

    private static string Instance(string name, string configPath, string[]? arguments)
    {
        var instance = new JsonObject
        {
            ["version"] = RealPowerShell.Version,
            ["name"] = name,
            ["transport"] = "ssh",
            ["sshdConfigPath"] = configPath,
        };
        if (arguments is not null)
        {
            instance["arguments"] = new JsonArray([.. arguments.Select(argument => JsonValue.Create(argument))]);
        }

        return instance.ToJsonString();
    }
}
