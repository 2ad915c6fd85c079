using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Report;

/// <summary>
/// A machine for report tests: fixture installations 7.6.9 and 7.4.6, and an sshd_config with one endpoint in each state
/// SSH can have (ok, missing default, drifted, orphaned, foreign); the real psremotingdsc run as a process.
/// </summary>
internal sealed class ReportRun : IDisposable
{
    public ReportRun(string? config = null)
    {
        Directory = new TempDirectory();
        Roots = Directory.Combine("installations");
        V769 = FixtureInstallation.Create(Roots, "7.6.9", "7");
        V746 = FixtureInstallation.Create(Roots, "7.4.6", "7.4");
        Preview = FixtureInstallation.Create(Roots, "7.6.0-preview.5", "7-preview");
        ConfigPath = Directory.WriteFile("sshd_config", config ?? DefaultConfig(V769, V746));
    }

    public TempDirectory Directory { get; }

    public string Roots { get; }

    public string V769 { get; }

    public string V746 { get; }

    public string Preview { get; }

    public string ConfigPath { get; }

    /// <summary>ok: powershell-7; drifted: ops (lacks -sshs); orphaned: gone; foreign: sftp (with a pipe in its path); the 7-preview default is missing.</summary>
    public static string DefaultConfig(string v769, string v746) =>
        $"Subsystem sftp /usr/lib/openssh/sftp|server<x>\n"
        + $"Subsystem powershell-7 {v769}/pwsh -sshs -NoLogo -NoProfile\n"
        + $"Subsystem ops {v746}/pwsh -NoLogo\n"
        + "Subsystem gone /opt/removed/powershell/7/pwsh -sshs\n";

    public (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments) =>
        ChildProcess.Run(
            ChildProcess.StartInfo(CliUnderTest.ExecutablePath, arguments, environment: new Dictionary<string, string>
            {
                ["PSREMOTINGDSC_PSHOME_ROOTS"] = Roots,
                ["DSC_TRACE_LEVEL"] = "error",
            }),
            TimeSpan.FromSeconds(60));

    public (int ExitCode, string Stdout, string Stderr) Report(string format, params string[] more) =>
        Run(["report", "--sshd-config", ConfigPath, "--format", format, .. more]);

    public JsonObject Json()
    {
        (int exitCode, string stdout, string stderr) = Report("json");
        Assert.True(exitCode == 20, $"exit {exitCode}: {stderr}");
        return JsonNode.Parse(stdout)!.AsObject();
    }

    public static JsonObject Endpoint(JsonObject report, string name) =>
        report["endpoints"]!.AsArray().Single(endpoint => endpoint!["name"]!.GetValue<string>() == name)!.AsObject();

    public void Dispose() => Directory.Dispose();
}
