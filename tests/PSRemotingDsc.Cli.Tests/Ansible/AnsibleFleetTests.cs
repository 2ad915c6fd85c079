using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PSRemotingDsc.Cli.Tests.Ansible;

/// <summary>
/// The collection in ansible/ (module psremotingdsc_endpoint, role psremotingdsc, playbook fleet.yml) converging three
/// loopback hosts over real SSH with the real ansible-playbook; see <see cref="AnsibleFleet"/>.
/// </summary>
public sealed class AnsibleFleetTests(AnsibleFleet fleet, ITestOutputHelper output) : IClassFixture<AnsibleFleet>
{
    [SkippableFact]
    public void FirstRun_InstallsTheBinary_AndConvergesEveryHost()
    {
        Skip.If(fleet.SkipReason is not null, fleet.SkipReason);
        PlaybookRun run = fleet.First;
        output.WriteLine($"ansible-playbook over {AnsibleFleet.HostCount} hosts: converge {fleet.First.Elapsed.TotalSeconds:F1} s, again {fleet.Second.Elapsed.TotalSeconds:F1} s, --check --diff {fleet.CheckAfterDrift.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (FleetHost host in fleet.Hosts)
        {
            Assert.True(run.Changed(host.Name) > 0, $"{host.Name} reported no change on the first run.\n{run}");
            Assert.True(run.Counter(host.Name, "failed") == 0 && run.Counter(host.Name, "unreachable") == 0, run.ToString());

            // The managed file: foreign lines first and untouched, the stale endpoint gone, one line per desired version
            // bound to this host's own installation.
            string expected = AnsibleFleet.ForeignLines + string.Concat(AnsibleFleet.Versions.Select(host.SubsystemLine));
            Assert.Equal(expected, host.AfterFirstRun);

            // The role: binary (0755) and manifest in the install dir, the link resolving to the binary.
            string binary = Path.Join(host.InstallDirectory, "psremotingdsc");
            Assert.Equal("755", Tool.RunOrThrow("stat", "-c", "%a", binary));
            Assert.True(File.Exists(Path.Join(host.InstallDirectory, "psremotingdsc.dsc.resource.json")));
            Assert.Equal(binary, new FileInfo(host.LinkPath).LinkTarget);
        }
    }

    [SkippableFact]
    public void SecondRun_ChangesNothing_OnAnyHost()
    {
        Skip.If(fleet.SkipReason is not null, fleet.SkipReason);
        PlaybookRun run = fleet.Second;
        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (FleetHost host in fleet.Hosts)
        {
            Assert.True(run.Changed(host.Name) == 0, $"{host.Name} changed on the second run.\n{run}");
            Assert.Equal(host.AfterFirstRun, host.AfterSecondRun);
        }
    }

    [SkippableFact]
    public void CheckMode_OnADriftedHost_ReportsTheChange_AndWritesNothing()
    {
        Skip.If(fleet.SkipReason is not null, fleet.SkipReason);
        PlaybookRun run = fleet.CheckAfterDrift;
        Assert.True(run.ExitCode == 0, run.ToString());
        FleetHost drifted = fleet.DriftedHost;
        Assert.True(run.Changed(drifted.Name) == 1, $"the drifted host should report exactly its 7.3 endpoint as changed.\n{run}");
        Assert.Equal(fleet.DriftedBytes, File.ReadAllText(drifted.SshdConfigPath));
        foreach (FleetHost host in fleet.Hosts.Where(host => host != drifted))
        {
            Assert.True(run.Changed(host.Name) == 0, $"{host.Name} did not drift but reported a change.\n{run}");
            Assert.Equal(host.AfterSecondRun, File.ReadAllText(host.SshdConfigPath));
        }

        // --diff shows the resource's before (test) and after (set --what-if) of the drifted endpoint.
        Assert.Contains("powershell-7.3 (set --what-if)", run.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void EveryHostsReport_IsGatheredOnTheController()
    {
        Skip.If(fleet.SkipReason is not null, fleet.SkipReason);
        foreach (FleetHost host in fleet.Hosts)
        {
            JsonObject report = JsonNode.Parse(File.ReadAllText(Path.Join(fleet.ReportDirectory, "hosts", host.Name + ".json")))!.AsObject();
            Assert.Equal(host.Name, report["machine"]!.GetValue<string>());
            Assert.Equal(host.SshdConfigPath, report["sshdConfigPath"]!.GetValue<string>());
            JsonObject raw = JsonNode.Parse(File.ReadAllText(Path.Join(fleet.ReportDirectory, "hosts", host.Name + ".raw.json")))!.AsObject();
            Assert.Equal(Environment.MachineName, raw["machine"]!.GetValue<string>());
            // The check run is the last: every host's report is that of the state after it, so the drifted host's
            // 7.3 endpoint is drift and every other endpoint is as desired.
            foreach (string version in AnsibleFleet.Versions)
            {
                JsonNode endpoint = report["endpoints"]!.AsArray().Single(endpoint => endpoint!["name"]!.GetValue<string>() == $"powershell-{version}")!;
                bool expected = host != fleet.DriftedHost || version != "7.3";
                Assert.Equal(expected ? "Compliant" : "NonCompliant", endpoint["complianceStatus"]!.GetValue<string>());
            }
        }
    }

    [SkippableFact]
    public void FleetReport_ListsEveryHost()
    {
        Skip.If(fleet.SkipReason is not null, fleet.SkipReason);
        Skip.IfNot(fleet.MergeAvailable, "report merge lands with the report work");
        string json = File.ReadAllText(Path.Join(fleet.ReportDirectory, "fleet.json"));
        JsonNode.Parse(json);
        string html = File.ReadAllText(Path.Join(fleet.ReportDirectory, "fleet.html"));
        foreach (FleetHost host in fleet.Hosts)
        {
            Assert.Contains($"\"{host.Name}\"", json, StringComparison.Ordinal);
            Assert.Contains(host.Name, html, StringComparison.Ordinal);
        }
    }
}
