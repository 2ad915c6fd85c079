using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests.Report;

/// <summary>psremotingdsc report merge: counts, worst-first order, formats, and bad input naming the file.</summary>
public sealed class ReportMergeTests : IDisposable
{
    private readonly ReportRun _run = new();

    public void Dispose() => _run.Dispose();

    private static string MachineReport(string machine, params (string Name, string State, string? Version, string[] Codes)[] endpoints)
    {
        var list = new JsonArray();
        foreach ((string name, string state, string? version, string[] codes) in endpoints)
        {
            bool compliant = state is "ok" or "foreign";
            list.Add(new JsonObject
            {
                ["name"] = name, ["transport"] = "ssh", ["state"] = state, ["complianceStatus"] = compliant ? "Compliant" : "NonCompliant",
                ["desired"] = false, ["version"] = version, ["resolvedVersion"] = version, ["pshome"] = null, ["matchingInstallations"] = new JsonArray(),
                ["reasons"] = new JsonArray([.. codes.Select(code => (JsonNode)new JsonObject { ["code"] = "PSRemotingEndpoint:PSRemotingEndpoint:" + code, ["phrase"] = code + " | <b>" })]),
                ["changes"] = new JsonArray(),
            });
        }

        int count(string s) => endpoints.Count(e => e.State == s);
        var report = new JsonObject
        {
            ["schemaVersion"] = "1.0", ["kind"] = "machine", ["machine"] = machine, ["generatedAt"] = "2026-01-02T03:04:05+00:00",
            ["sshdConfigPath"] = "/etc/ssh/sshd_config", ["desired"] = null,
            ["complianceStatus"] = endpoints.All(e => e.State is "ok" or "foreign") ? "Compliant" : "NonCompliant",
            ["summary"] = new JsonObject
            {
                ["endpoints"] = endpoints.Length, ["compliant"] = endpoints.Count(e => e.State is "ok" or "foreign"), ["nonCompliant"] = endpoints.Count(e => e.State is not ("ok" or "foreign")),
                ["states"] = new JsonObject { ["ok"] = count("ok"), ["missing"] = count("missing"), ["drifted"] = count("drifted"), ["orphaned"] = count("orphaned"), ["stale"] = count("stale"), ["foreign"] = count("foreign") },
            },
            ["problems"] = new JsonArray(), ["installations"] = new JsonArray(), ["endpoints"] = list,
        };
        ReportCommandTests.AssertValid(report.ToJsonString());
        return report.ToJsonString();
    }

    private string[] Fleet()
    {
        string good = _run.Directory.WriteFile("good.json", MachineReport("web|01",
            ("powershell-7", "ok", "7.6.9", []), ("sftp", "foreign", null, [])));
        string bad = _run.Directory.WriteFile("bad.json", MachineReport("db01",
            ("powershell-7", "missing", "7.6.9", ["Missing"]), ("old", "orphaned", null, ["InstallationGone", "DuplicateDefinition"]), ("ops", "drifted", "7.4.6", ["NotServerMode"])));
        string middle = _run.Directory.WriteFile("middle.json", MachineReport("app01",
            ("powershell-7", "drifted", "7.6.9", ["ArgumentsDiffer"]), ("PowerShell.7", "stale", "7.6.9", ["StalePlugin"])));
        return [good, bad, middle];
    }

    [Fact]
    public void Json_CountsPerStateVersionAndReason_MachinesWorstFirst_AndValidates()
    {
        (int exitCode, string stdout, string stderr) = _run.Run(["report", "merge", .. Fleet(), "--format", "json"]);

        Assert.True(exitCode == 20, $"exit {exitCode}: {stderr}");
        ReportCommandTests.AssertValid(stdout);
        JsonObject fleet = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("fleet", fleet["kind"]!.GetValue<string>());
        JsonObject summary = fleet["summary"]!.AsObject();
        Assert.Equal(3, summary["machines"]!.GetValue<int>());
        Assert.Equal(2, summary["nonCompliantMachines"]!.GetValue<int>());
        Assert.Equal(7, summary["endpoints"]!.GetValue<int>());
        Assert.Equal("""{"ok":1,"missing":1,"drifted":2,"orphaned":1,"stale":1,"foreign":1}""", summary["states"]!.ToJsonString());
        Assert.Equal("""{"7.6.9":4,"7.4.6":1,"none":1}""", summary["versions"]!.ToJsonString());
        Assert.Equal(1, summary["reasons"]!["PSRemotingEndpoint:PSRemotingEndpoint:StalePlugin"]!.GetValue<int>());
        Assert.Equal(6, summary["reasons"]!.AsObject().Sum(pair => pair.Value!.GetValue<int>()));
        Assert.Equal(["db01:3", "app01:2", "web|01:0"], fleet["machines"]!.AsArray().Select(m => $"{m!["machine"]}:{m["nonCompliant"]}"));
    }

    [Fact]
    public void Order_DoesNotDependOnTheOrderOfTheFiles_AndStdinIsRead()
    {
        string[] files = Fleet();
        (_, string forward, _) = _run.Run(["report", "merge", .. files, "--format", "json"]);
        string[] reversed = [.. files.Reverse()];
        (_, string backward, _) = _run.Run(["report", "merge", .. reversed, "--format", "json"]);

        Assert.Equal(Machines(forward), Machines(backward));
    }

    private static string[] Machines(string json) => [.. JsonNode.Parse(json)!["machines"]!.AsArray().Select(m => m!["machine"]!.GetValue<string>())];

    [Fact]
    public void Markdown_AndHtml_HoldTheCounts_Escaped()
    {
        (int mdExit, string markdown, _) = _run.Run(["report", "merge", .. Fleet(), "--format", "markdown"]);
        (int htmlExit, string html, _) = _run.Run(["report", "merge", .. Fleet(), "--format", "html"]);

        Assert.Equal(20, mdExit);
        Assert.Equal(20, htmlExit);
        Assert.Contains("- **Machines**: 3 (2 NonCompliant)", markdown, StringComparison.Ordinal);
        Assert.Contains(@"| web\|01 | Compliant | 0 | 2 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| PSRemotingEndpoint:PSRemotingEndpoint:InstallationGone | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("<td>web|01</td>", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"sortable\" id=\"machines\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AllCompliant_ExitsZero()
    {
        string good = _run.Directory.WriteFile("good.json", MachineReport("web01", ("powershell-7", "ok", "7.6.9", [])));

        (int exitCode, string stdout, string stderr) = _run.Run("report", "merge", good);

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Contains("fleet report: Compliant", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AMachineReportFromTheRealCommand_Merges()
    {
        (_, string json, _) = _run.Report("json");
        string file = _run.Directory.WriteFile("machine.json", json);

        (int exitCode, string stdout, string stderr) = _run.Run("report", "merge", file, "--format", "json");

        Assert.True(exitCode == 20, $"exit {exitCode}: {stderr}");
        ReportCommandTests.AssertValid(stdout);
        JsonObject machine = JsonNode.Parse(stdout)!["machines"]![0]!.AsObject();
        Assert.Equal(JsonNode.Parse(json)!["summary"]!["states"]!.ToJsonString(), machine["states"]!.ToJsonString());
    }

    [Theory]
    [InlineData("{\"schemaVersion\":\"1.0\",", 2, "ReportNotJson")]
    [InlineData("{\"schemaVersion\":\"2.0\",\"kind\":\"machine\"}", 3, "ReportSchemaVersionUnsupported")]
    [InlineData("{\"schemaVersion\":\"1.0\",\"kind\":\"machine\",\"machine\":\"m\",\"generatedAt\":\"x\",\"endpoints\":[{\"state\":\"ok\",\"reasons\":[]},{\"state\":\"weird\",\"reasons\":[]}]}", 3, "$.endpoints[1].state")]
    [InlineData("[1,2]", 3, "ReportInvalid")]
    public void ABadFile_FailsTheMerge_NamingTheFile_AndWritesNothing(string content, int expectedExit, string expectedText)
    {
        string[] files = Fleet();
        string bad = _run.Directory.WriteFile("broken.json", content);

        (int exitCode, string stdout, string stderr) = _run.Run(["report", "merge", files[0], bad, files[1]]);

        Assert.Equal(expectedExit, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(bad, stderr, StringComparison.Ordinal);
        Assert.Contains(expectedText, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsACommandLineError()
    {
        (int exitCode, string stdout, string stderr) = _run.Run("report", "merge", _run.Directory.Combine("nope.json"));

        Assert.Equal(12, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("ReportFileUnreadable", stderr, StringComparison.Ordinal);
    }
}
