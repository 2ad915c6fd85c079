using System.ComponentModel;
using System.Text.Json.Nodes;
using Json.Schema;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Report;

/// <summary>psremotingdsc report: states, formats, the JSON schema and the exit code, through the real executable.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly string s_schemaPath = Path.Combine(RepositoryPaths.Root, "schemas", "report.schema.json");
    private static readonly Lazy<JsonSchema> s_schema = new(() => SchemaValidator.FromText(File.ReadAllText(s_schemaPath)));
    private readonly ReportRun _run = new();

    public void Dispose() => _run.Dispose();

    internal static void AssertValid(string json)
    {
        IReadOnlyList<string> errors = SchemaValidator.Validate(s_schema.Value, JsonNode.Parse(json));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors) + Environment.NewLine + json);
    }

    [Fact]
    public void Json_ClassifiesEveryEndpoint_AndExitsNonCompliant()
    {
        JsonObject report = _run.Json();

        Assert.Equal("1.0", report["schemaVersion"]!.GetValue<string>());
        Assert.Equal("machine", report["kind"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(report["machine"]!.GetValue<string>()));
        Assert.Equal("NonCompliant", report["complianceStatus"]!.GetValue<string>());
        Assert.Equal("ok", State(report, "powershell-7"));
        Assert.Equal("missing", State(report, "powershell-7-preview"));
        Assert.Equal("drifted", State(report, "ops"));
        Assert.Equal("orphaned", State(report, "gone"));
        Assert.Equal("foreign", State(report, "sftp"));
        JsonObject sftp = ReportRun.Endpoint(report, "sftp");
        Assert.Equal("Compliant", sftp["complianceStatus"]!.GetValue<string>());
        Assert.Equal("/usr/lib/openssh/sftp|server<x>", sftp["command"]!.GetValue<string>());
        JsonObject gone = ReportRun.Endpoint(report, "gone");
        Assert.Equal("NonCompliant", gone["complianceStatus"]!.GetValue<string>());
        Assert.Contains(gone["reasons"]!.AsArray(), reason => reason!["code"]!.GetValue<string>() == "PSRemotingEndpoint:PSRemotingEndpoint:InstallationGone"
            && reason["phrase"]!.GetValue<string>().Contains("/opt/removed/powershell/7/pwsh", StringComparison.Ordinal));
        int states = report["summary"]!["states"]!.AsObject().Sum(pair => pair.Value!.GetValue<int>());
        Assert.Equal(report["endpoints"]!.AsArray().Count, states);
        AssertValid(report.ToJsonString());
    }

    private static string? State(JsonObject report, string name) =>
        report["endpoints"]!.AsArray().FirstOrDefault(endpoint => endpoint!["name"]!.GetValue<string>() == name)?["state"]?.GetValue<string>();

    [Fact]
    public void DefaultEndpointMissing_SaysWhatSetWouldAdd()
    {
        using var run = new ReportRun($"Subsystem powershell-7 {Path.GetTempPath()}none/pwsh -sshs\n");
        JsonObject report = run.Json();

        JsonObject missing = report["endpoints"]!.AsArray().Select(e => e!.AsObject()).First(e => e["state"]!.GetValue<string>() == "missing");
        Assert.True(missing["desired"]!.GetValue<bool>());
        Assert.Contains(missing["changes"]!.AsArray(), change => change!.GetValue<string>().Contains("add 'Subsystem", StringComparison.Ordinal));
        AssertValid(report.ToJsonString());
    }

    [Fact]
    public void AllCompliant_ExitsZero_AndTheReportValidates()
    {
        using var run = new ReportRun();
        File.WriteAllText(run.ConfigPath,
            $"Subsystem sftp internal-sftp\nSubsystem powershell-7 {run.V769}/pwsh -sshs -NoLogo -NoProfile\n");
        string desired = run.Directory.WriteFile("desired.dsc.yaml", $$"""
            $schema: https://aka.ms/dsc/schemas/v3/bundled/config/document.json
            parameters:
              sshdConfigPath:
                type: string
                defaultValue: {{run.ConfigPath}}
            resources:
              - name: PowerShell 7 over SSH
                type: PSRemotingDsc/Endpoint
                properties:
                  version: '7'
                  transport: ssh
                  sshdConfigPath: "[parameters('sshdConfigPath')]"
            """);

        (int exitCode, string stdout, string stderr) = run.Report("json", "--desired", desired);

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}\n{stdout}");
        JsonObject report = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("Compliant", report["complianceStatus"]!.GetValue<string>());
        Assert.Equal(desired, report["desired"]!.GetValue<string>());
        Assert.Equal(["powershell-7=ok", "sftp=foreign"], report["endpoints"]!.AsArray().Select(e => $"{e!["name"]}={e["state"]}").Order(StringComparer.Ordinal));
        AssertValid(stdout);
    }

    [Fact]
    public void Desired_JsonDocument_ReportsWhatSetWouldChange_InsteadOfTheDefaults()
    {
        string desired = _run.Directory.WriteFile("desired.dsc.json", $$$"""
            {"resources":[{"name":"jea","type":"PSRemotingDsc/Endpoint","properties":{"version":"7.4","name":"powershell-jea","transport":"ssh","sshdConfigPath":"{{{_run.ConfigPath}}}"}}]}
            """);

        (int exitCode, string stdout, string stderr) = _run.Report("json", "--desired", desired);

        Assert.True(exitCode == 20, $"exit {exitCode}: {stderr}");
        JsonObject report = JsonNode.Parse(stdout)!.AsObject();
        JsonObject jea = ReportRun.Endpoint(report, "powershell-jea");
        Assert.Equal("missing", jea["state"]!.GetValue<string>());
        Assert.Contains(_run.V746, jea["changes"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(report["endpoints"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "powershell-7.4");
        Assert.False(ReportRun.Endpoint(report, "powershell-7")["desired"]!.GetValue<bool>());
        AssertValid(stdout);
    }

    [Fact]
    public void Desired_WithAnUnresolvableExpression_IsBadInput()
    {
        string desired = _run.Directory.WriteFile("bad.dsc.yaml", "resources:\n  - name: x\n    type: PSRemotingDsc/Endpoint\n    properties:\n      version: \"[concat('7')]\"\n");

        (int exitCode, string stdout, string stderr) = _run.Report("json", "--desired", desired);

        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("DesiredDocumentInvalid", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HasTheSummaryAndEveryEndpoint_WithPipesEscaped()
    {
        (int exitCode, string stdout, _) = _run.Report("markdown");

        Assert.Equal(20, exitCode);
        Assert.StartsWith("# PSRemotingDsc report of ", stdout, StringComparison.Ordinal);
        Assert.Contains("- **Compliance**: NonCompliant", stdout, StringComparison.Ordinal);
        Assert.Contains("| Transport | Endpoint | State |", stdout, StringComparison.Ordinal);
        Assert.Contains(@"/usr/lib/openssh/sftp\|server&lt;x&gt;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sftp|server", stdout, StringComparison.Ordinal);
        string row = stdout.Split('\n').Single(line => line.StartsWith("| ssh | gone |", StringComparison.Ordinal));
        Assert.Contains("| orphaned | NonCompliant |", row, StringComparison.Ordinal);
        // Every table row has as many unescaped pipes as the header.
        int columns = CountPipes(stdout.Split('\n').First(line => line.StartsWith("| Transport", StringComparison.Ordinal)));
        Assert.All(stdout.Split('\n').Where(line => line.StartsWith("| ssh", StringComparison.Ordinal)), line => Assert.Equal(columns, CountPipes(line)));
    }

    private static int CountPipes(string line) => line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();

    [Fact]
    public void Html_IsOneSelfContainedFile_WithEveryValueEscaped()
    {
        (int exitCode, string stdout, _) = _run.Report("html");

        Assert.Equal(20, exitCode);
        Assert.StartsWith("<!DOCTYPE html>", stdout, StringComparison.Ordinal);
        Assert.Contains("<table class=\"sortable\" id=\"endpoints\">", stdout, StringComparison.Ordinal);
        Assert.Contains("/usr/lib/openssh/sftp|server&lt;x&gt;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("server<x>", stdout, StringComparison.Ordinal);
        Assert.Contains("<td class=\"state-orphaned\">orphaned</td>", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" href=", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_HasNoColour_WhenStdoutIsNotATerminal()
    {
        (int exitCode, string stdout, _) = _run.Report("table");

        Assert.Equal(20, exitCode);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.Contains("orphaned", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_OnlyWhenStdoutIsATerminal_AndNoColorIsUnset()
    {
        string? saved = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            string[] args = ["report", "--sshd-config", _run.ConfigPath];
            Environment.SetEnvironmentVariable("NO_COLOR", null);
            var coloured = new StringWriter();
            CommandLine.Run(args, () => null, coloured, new StringWriter(), stdoutIsTerminal: true);
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            var plain = new StringWriter();
            CommandLine.Run(args, () => null, plain, new StringWriter(), stdoutIsTerminal: true);

            Assert.Contains("\u001b[", coloured.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', plain.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", saved);
        }
    }

    [SkippableFact]
    public void Json_ValidatesWithPythonJsonschema_Too()
    {
        (_, string stdout, _) = _run.Report("json");
        string reportPath = _run.Directory.WriteFile("report.json", stdout);
        Skip.IfNot(Python("import jsonschema", out _), "python3 with the jsonschema module is not installed (apt-get install python3-jsonschema)");

        bool valid = Python(
            "import json,sys,jsonschema\n"
            + $"schema=json.load(open({PythonString(s_schemaPath)}))\n"
            + "jsonschema.Draft202012Validator.check_schema(schema)\n"
            + $"jsonschema.Draft202012Validator(schema).validate(json.load(open({PythonString(reportPath)})))\n",
            out string output);

        Assert.True(valid, output);
    }

    internal static string PythonString(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    internal static bool Python(string script, out string output)
    {
        try
        {
            var start = ChildProcess.StartInfo("python3", ["-c", script]);
            (int exitCode, string stdout, string stderr) = ChildProcess.Run(start, TimeSpan.FromSeconds(60));
            output = stdout + stderr;
            return exitCode == 0;
        }
        catch (Win32Exception ex)
        {
            output = ex.Message;
            return false;
        }
    }
}
