using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests.Ansible;

/// <summary>
/// The modules psremotingdsc_endpoint and psremotingdsc_endpoint_set run directly by the Python that runs Ansible, the way Ansible runs it on a host
/// (one JSON file of arguments), without SSH: its failure carries the resource's message and exit code, and check
/// mode plans without writing.
/// </summary>
public sealed class AnsibleModuleTests : IDisposable
{
    private const string EndpointModule = "psremotingdsc_endpoint";
    private const string SetModule = "psremotingdsc_endpoint_set";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SkippableFact]
    public void Failure_CarriesTheResourcesMessageAndExitCode()
    {
        // test reports an uninstalled version as state (VersionNotInstalled); set refuses it with exit 4.
        JsonObject result = RunModule(EndpointModule, new JsonObject { ["version"] = "7.9" }, checkMode: false);
        Assert.True(result["failed"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(4, result["rc"]!.GetValue<int>());
        string message = result["msg"]!.GetValue<string>();
        Assert.StartsWith("psremotingdsc set failed with exit code 4: PowerShellVersionNotInstalled: ", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void CheckMode_ReportsTheChangeAndTheDiff_WithoutWriting()
    {
        string config = _directory.WriteFile("sshd_config", AnsibleFleet.ForeignLines);
        string roots = _directory.Combine("installations");
        FixtureInstallation.Create(roots, "7.3.4");
        JsonObject result = RunModule(
            EndpointModule,
            new JsonObject { ["version"] = "7.3", ["sshd_config_path"] = config, ["pshome_roots"] = new JsonArray(roots) },
            checkMode: true);

        Assert.True(result["changed"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(["_exist"], result["changed_properties"]!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.False(result["in_desired_state"]!.GetValue<bool>());
        Assert.EndsWith(":Missing", result["reasons"]![0]!["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("7.3.4", result["endpoint"]!["resolvedVersion"]!.GetValue<string>());
        Assert.False(result["diff"]!["before"]!["_exist"]!.GetValue<bool>());
        Assert.True(result["diff"]!["after"]!["_exist"]!.GetValue<bool>());
        Assert.Equal("powershell-7.3 (set --what-if)", result["diff"]!["after_header"]!.GetValue<string>());
        Assert.Equal(AnsibleFleet.ForeignLines, File.ReadAllText(config));
    }

    [SkippableFact]
    public void TheSetModule_PurgesTheUndesiredEndpoint_InOneRun_AndThenChangesNothing()
    {
        string roots = _directory.Combine("installations");
        string psHome = FixtureInstallation.Create(roots, "7.3.4");
        string stale = "Subsystem powershell-7.1 /opt/microsoft/powershell/7.1/pwsh -sshs -NoLogo -NoProfile\n";
        string config = _directory.WriteFile("sshd_config", AnsibleFleet.ForeignLines + stale);
        JsonObject Arguments() => new() { ["versions"] = new JsonArray("7.3"), ["purge"] = true, ["sshd_config_path"] = config, ["pshome_roots"] = new JsonArray(roots) };

        JsonObject planned = RunModule(SetModule, Arguments(), checkMode: true);
        Assert.True(planned["changed"]!.GetValue<bool>(), planned.ToJsonString());
        Assert.Equal(["7.3"], planned["missing_versions"]!.AsArray().Select(version => version!.GetValue<string>()));
        Assert.Equal(["powershell-7.1"], planned["undesired_endpoints"]!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.Equal(AnsibleFleet.ForeignLines + stale, File.ReadAllText(config));

        JsonObject applied = RunModule(SetModule, Arguments(), checkMode: false);
        Assert.True(applied["changed"]!.GetValue<bool>(), applied.ToJsonString());
        string text = File.ReadAllText(config);
        Assert.Contains($"Subsystem powershell-7.3 {Path.Combine(psHome, "pwsh")} -sshs -NoLogo -NoProfile", text, StringComparison.Ordinal);
        Assert.DoesNotContain("powershell-7.1", text, StringComparison.Ordinal);

        JsonObject again = RunModule(SetModule, Arguments(), checkMode: false);
        Assert.False(again["changed"]!.GetValue<bool>(), again.ToJsonString());
        Assert.True(again["in_desired_state"]!.GetValue<bool>());
        Assert.Equal(text, File.ReadAllText(config));
    }

    private JsonObject RunModule(string module, JsonObject arguments, bool checkMode)
    {
        Skip.If(OperatingSystem.IsWindows(), "Ansible modules run under Python on the managed host; this test runs on Linux.");
        string? playbookTool = Tool.Find("ansible-playbook");
        Skip.If(playbookTool is null, "ansible-playbook is not installed (./build.sh test installs Debian's ansible-core as root); the module's Python runtime is missing.");
        string? python = AnsibleFleet.InterpreterOf(playbookTool!);
        Skip.If(python is null, $"Cannot tell which Python runs {playbookTool}.");

        arguments["binary"] = CliUnderTest.ExecutablePath;
        arguments["sshd_config_path"] ??= _directory.WriteFile("default_sshd_config", AnsibleFleet.ForeignLines);
        arguments["pshome_roots"] ??= new JsonArray(_directory.Combine("no-installations"));
        arguments["_ansible_check_mode"] = checkMode;
        arguments["_ansible_diff"] = true;
        string argumentsFile = _directory.WriteFile("args.json", new JsonObject { ["ANSIBLE_MODULE_ARGS"] = arguments }.ToJsonString());

        // No __pycache__ beside the module in the repository; the collection root on PYTHONPATH stands in for the
        // module_utils Ansible bundles with a module it sends to a host.
        string modulePath = Path.Combine(AnsibleFleet.CollectionRoot, "ansible_collections", "psremotingdsc", "fleet", "plugins", "modules", module + ".py");
        ProcessStartInfo start = ChildProcess.StartInfo(python!, [modulePath, argumentsFile], _directory.Path,
            new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1", ["PYTHONPATH"] = AnsibleFleet.CollectionRoot });
        (int _, string stdout, string stderr) = ChildProcess.Run(start, TimeSpan.FromMinutes(2));
        return JsonNode.Parse(stdout) as JsonObject ?? throw new Xunit.Sdk.XunitException($"The module printed no JSON object.\nstdout: {stdout}\nstderr: {stderr}");
    }
}
