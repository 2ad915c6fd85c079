using System.Diagnostics;
using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Tests.Contract;
using PSRemotingDsc.TestSupport;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Cli.Tests.EndToEnd;

/// <summary>
/// Real parts end to end on Windows: the built psremotingdsc spawned as dsc spawns it registers a real WinRM plugin for
/// the MSI-installed PowerShell 7, and a real <c>New-PSSession -ComputerName localhost -ConfigurationName</c> from that
/// pwsh opens through it. Runs in the Windows CI job (.github/workflows/windows.yml: MSI install, Set-WSManQuickConfig,
/// elevated runner); skipped everywhere else with the reason.
/// </summary>
public sealed class WSManEndpointEndToEndTests
{
    private const string EndpointName = "PowerShell.PSRemotingDscE2E";
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public void Set_RegistersAWorkingEndpoint_TestSeesHandMadeDrift_SetRepairs_ASecondSetChangesNothing_DeleteRemoves()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), "Registers a real WinRM plugin and opens a real WSMan session; runs in the Windows CI job (.github/workflows/windows.yml).");
        Skip.IfNot(new ProcessElevation().IsElevated, "Registering a WinRM plugin needs an elevated (Administrator) test process; the Windows CI runner is elevated.");
        string psHome = Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "PowerShell", "7");
        string pwsh = Path.Join(psHome, "pwsh.exe");
        Skip.IfNot(File.Exists(pwsh) && File.Exists(Path.Join(psHome, "pwrshplugin.dll")),
            $"No MSI-installed PowerShell 7 with pwrshplugin.dll in '{psHome}'; the Windows CI job installs one (a Store or dotnet-tool pwsh cannot host a WSMan endpoint).");

        // This machine's WinRM, not an image; pshome pins the MSI install (the pinned dotnet tool pwsh has no plugin).
        var invoker = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory,
            new Dictionary<string, string> { ["PSREMOTINGDSC_WSMAN_IMAGE"] = string.Empty });
        string Endpoint(bool force = false) => new JsonObject
        {
            ["version"] = "7",
            ["transport"] = "wsman",
            ["name"] = EndpointName,
            ["pshome"] = psHome,
            ["accessMode"] = "Remote",
            ["force"] = force ? true : null,
        }.ToJsonString();

        try
        {
            // set: registered, provisioned, and a real session answers with the installed version.
            (JsonObject created, string[] changed) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", Endpoint(), traceLevel: "info"));
            Assert.True(created["_exist"]!.GetValue<bool>());
            Assert.Empty(created["reasons"]!.AsArray());
            Assert.Equal(["_exist"], changed);
            Assert.Null(created["_restartRequired"]);
            string version = created["resolvedVersion"]!.GetValue<string>();
            Assert.Equal(RunPwsh(pwsh, "$PSVersionTable.PSVersion.ToString()"), version);
            Assert.Equal(version, RemoteVersion(pwsh));
            Assert.True(ContractAssert.StateAndDiff("test", invoker.Invoke("test", Endpoint())).State["_inDesiredState"]!.GetValue<bool>());

            // Drift by hand with PowerShell's own cmdlet: AccessMode Local adds the network-deny ACE.
            RunPwsh(pwsh, $"Set-PSSessionConfiguration -Name '{EndpointName}' -AccessMode Local -Force -NoServiceRestart -WarningAction SilentlyContinue; 'ok'");
            (JsonObject local, string[] localDiff) = ContractAssert.StateAndDiff("test", invoker.Invoke("test", Endpoint()));
            Assert.False(local["_inDesiredState"]!.GetValue<bool>());
            Assert.Equal("Local", local["accessMode"]!.GetValue<string>());
            Assert.Equal(["accessMode"], localDiff);
            Assert.Contains(local["reasons"]!.AsArray(), reason => reason!["code"]!.GetValue<string>().EndsWith(":AccessModeDiffers", StringComparison.Ordinal));

            (JsonObject repaired, string[] repairedDiff) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", Endpoint()));
            Assert.Empty(repaired["reasons"]!.AsArray());
            Assert.Equal(["accessMode"], repairedDiff);
            Assert.Equal(version, RemoteVersion(pwsh));

            // Drift through the WSMan: drive: the plugin disabled.
            RunPwsh(pwsh, $"Set-Item -Path 'WSMan:\\localhost\\Plugin\\{EndpointName}\\Enabled' -Value $false -Force -WarningAction SilentlyContinue; 'ok'");
            (JsonObject disabled, string[] disabledDiff) = ContractAssert.StateAndDiff("test", invoker.Invoke("test", Endpoint()));
            Assert.False(disabled["_inDesiredState"]!.GetValue<bool>());
            Assert.Equal("Disabled", disabled["accessMode"]!.GetValue<string>());
            Assert.Equal(["accessMode"], disabledDiff);
            ContractAssert.Succeeded(invoker.Invoke("set", Endpoint()));
            Assert.Equal(version, RemoteVersion(pwsh));

            // A second set changes nothing.
            (JsonObject again, string[] secondDiff) = ContractAssert.StateAndDiff("set", invoker.Invoke("set", Endpoint()));
            Assert.Empty(secondDiff);
            Assert.Null(again["_restartRequired"]);
            Assert.True(ContractAssert.StateAndDiff("test", invoker.Invoke("test", Endpoint())).State["_inDesiredState"]!.GetValue<bool>());

            // delete: unregistered; PowerShell no longer knows the configuration.
            DscInvocation deleted = invoker.Invoke("delete", Endpoint());
            ContractAssert.Succeeded(deleted);
            Assert.Empty(deleted.Stdout);
            Assert.False(ContractAssert.Get(invoker.Invoke("get", Endpoint()))["_exist"]!.GetValue<bool>());
            Assert.Equal("absent", RunPwsh(pwsh, $"if (Get-PSSessionConfiguration -Name '{EndpointName}' -ErrorAction SilentlyContinue) {{ 'present' }} else {{ 'absent' }}"));
        }
        finally
        {
            // Never leave the plugin behind on the runner, whatever failed above.
            invoker.Invoke("delete", Endpoint(force: true));
        }
    }

    /// <summary>The remote $PSVersionTable.PSVersion of a loopback session to the endpoint.</summary>
    private static string RemoteVersion(string pwsh) => RunPwsh(pwsh,
        $"$s = New-PSSession -ComputerName localhost -ConfigurationName '{EndpointName}' -ErrorAction Stop; " +
        "try { Invoke-Command -Session $s -ScriptBlock { $PSVersionTable.PSVersion.ToString() } } finally { Remove-PSSession $s }");

    /// <summary>Runs <paramref name="script"/> in <paramref name="pwsh"/>; returns the last line of stdout, failing with everything it printed otherwise.</summary>
    private static string RunPwsh(string pwsh, string script)
    {
        var start = new ProcessStartInfo(pwsh)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", "$ErrorActionPreference = 'Stop'; " + script })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh did not finish within {s_timeout.TotalMinutes} minutes: {script}");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pwsh exited {process.ExitCode}: {script}{Environment.NewLine}{stdout.Result}{Environment.NewLine}{stderr.Result}");
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
    }
}
