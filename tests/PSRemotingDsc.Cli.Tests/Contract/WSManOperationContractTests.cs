using System.Text.Json.Nodes;
using System.Xml.Linq;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>
/// Each operation on a WSMan endpoint, spawned as dsc spawns it, against a Windows machine image under a temp root:
/// every output validates against the published stdout schemas and the instance schema.
/// </summary>
public sealed class WSManOperationContractTests : IDisposable
{
    private const string Prefix = "PSRemotingEndpoint:PSRemotingEndpoint:";
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly WSManImageFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Get_OfAMissingEndpoint_ReturnsExistFalse_WithTheResolvedInstallation()
    {
        JsonObject state = ContractAssert.Get(_fixture.Invoker.Invoke("get", _fixture.Endpoint()));

        Assert.False(state["_exist"]!.GetValue<bool>());
        Assert.Equal("PowerShell.7.4", state["name"]!.GetValue<string>());
        Assert.Equal("wsman", state["transport"]!.GetValue<string>());
        Assert.Equal("7.4.6", state["resolvedVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Test_OfAMissingEndpoint_ReportsMissing()
    {
        (JsonObject state, string[] diff) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", _fixture.Endpoint()));

        Assert.False(state["_inDesiredState"]!.GetValue<bool>());
        Assert.Equal(["_exist"], diff);
        Assert.Equal(Prefix + "Missing", state["reasons"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void Set_RegistersAndProvisions_ThenTestIsInDesiredState_AndASecondSetTouchesNothing()
    {
        (JsonObject state, string[] changed) = ContractAssert.StateAndDiff("set", _fixture.Invoker.Invoke("set", _fixture.Endpoint()));

        Assert.True(state["_exist"]!.GetValue<bool>());
        Assert.Empty(state["reasons"]!.AsArray());
        Assert.Equal(["_exist"], changed);
        Assert.Equal("WinRM", state["_restartRequired"]![0]!["service"]!.GetValue<string>());
        Assert.Contains("not restarted", state["_metadata"]!["reload"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Remote", state["accessMode"]!.GetValue<string>());
        Assert.Equal(25, state["maxShellsPerUser"]!.GetValue<long>());
        Assert.Contains(@"Filename='%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll'", _fixture.Image.ReadConfigXml("PowerShell.7.4"), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Join(_fixture.V746, "pwrshplugin.dll")), File.ReadAllBytes(Path.Join(_fixture.Image.PluginFolder("7.4.6"), "pwrshplugin.dll")));
        Assert.Equal($"PSHOMEDIR={_fixture.V746}\r\nCORECLRDIR={_fixture.V746}\r\n", File.ReadAllText(Path.Join(_fixture.Image.PluginFolder("7.4.6"), "RemotePowerShellConfig.txt")));

        (JsonObject tested, string[] differing) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", _fixture.Endpoint()));
        Assert.True(tested["_inDesiredState"]!.GetValue<bool>());
        Assert.Empty(differing);

        _fixture.Image.AgeAllFiles(LongAgo);
        IReadOnlyList<string> before = _fixture.Image.Listing();
        (JsonObject again, string[] secondChange) = ContractAssert.StateAndDiff("set", _fixture.Invoker.Invoke("set", _fixture.Endpoint()));
        Assert.Empty(secondChange);
        Assert.Null(again["_restartRequired"]);
        Assert.Equal(before, _fixture.Image.Listing());
    }

    [Fact]
    public void Set_WithWSManSettings_ReportsThemInSchemaValidOutput_AndGetFedBackToTestIsInDesiredState()
    {
        string endpoint = _fixture.Endpoint(new JsonObject
        {
            ["accessMode"] = "Local",
            ["securityDescriptorSddl"] = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)S:P(AU;FA;GA;;;WD)",
            ["maxShellsPerUser"] = 5,
            ["idleTimeoutMs"] = 600000,
            ["restart"] = "never",
        });

        (JsonObject set, _) = ContractAssert.StateAndDiff("set", _fixture.Invoker.Invoke("set", endpoint));
        JsonObject got = ContractAssert.Get(_fixture.Invoker.Invoke("get", _fixture.Endpoint()));
        (JsonObject tested, string[] differing) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", got.ToJsonString()));

        Assert.Equal("WinRM", set["_restartRequired"]![0]!["service"]!.GetValue<string>());
        Assert.Null(set["_metadata"]);
        Assert.Equal("Local", got["accessMode"]!.GetValue<string>());
        Assert.Equal(5, got["maxShellsPerUser"]!.GetValue<long>());
        Assert.Equal(600000, got["idleTimeoutMs"]!.GetValue<long>());
        Assert.Contains("(D;;GA;;;NU)", got["securityDescriptorSddl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("pwrshplugin.dll", got["pluginPath"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(tested["_inDesiredState"]!.GetValue<bool>(), string.Join("; ", tested["reasons"]!.AsArray().Select(r => r!["phrase"]!.GetValue<string>())));
        Assert.Empty(differing);
    }

    [Fact]
    public void Test_OfADriftedEndpoint_ReportsEachReason_AndSetRepairsIt()
    {
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", _fixture.Endpoint()));
        File.WriteAllBytes(Path.Join(_fixture.Image.PluginFolder("7.4.6"), "pwrshplugin.dll"), FixtureInstallation.PluginBytes("7.4.1"));
        File.WriteAllText(Path.Join(_fixture.Image.PluginFolder("7.4.6"), "RemotePowerShellConfig.txt"), $"PSHOMEDIR={_fixture.V7219}\r\nCORECLRDIR={_fixture.V7219}\r\n");

        (JsonObject drifted, string[] differing) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", _fixture.Endpoint()));
        (JsonObject repaired, string[] changed) = ContractAssert.StateAndDiff("set", _fixture.Invoker.Invoke("set", _fixture.Endpoint()));

        Assert.False(drifted["_inDesiredState"]!.GetValue<bool>());
        Assert.Equal([Prefix + "StalePlugin", Prefix + "BoundToOtherInstallation"], drifted["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
        Assert.Equal(["pshome"], differing);
        Assert.Empty(repaired["reasons"]!.AsArray());
        Assert.Equal(["pshome"], changed);
        Assert.True(ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", _fixture.Endpoint())).State["_inDesiredState"]!.GetValue<bool>());
    }

    [Fact]
    public void SetWhatIf_WritesNothing_AndPredictsTheState()
    {
        IReadOnlyList<string> before = _fixture.Image.Listing();

        (JsonObject state, string[] changed) = ContractAssert.StateAndDiff("whatIf", _fixture.Invoker.Invoke("set", _fixture.Endpoint(), whatIf: true));

        Assert.True(state["_exist"]!.GetValue<bool>());
        Assert.Equal(["_exist"], changed);
        Assert.Equal(before, _fixture.Image.Listing());
    }

    [Fact]
    public void Delete_Unregisters_PrintsNothing_KeepsThePluginFolder_AndWhatIfWritesNothing()
    {
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", _fixture.Endpoint()));
        IReadOnlyList<string> registered = _fixture.Image.Listing();

        DscInvocation whatIf = _fixture.Invoker.Invoke("delete", _fixture.Endpoint(), whatIf: true);
        ContractAssert.Succeeded(whatIf);
        JsonObject metadata = JsonNode.Parse(Assert.Single(whatIf.StdoutLines))!.AsObject();
        Assert.Contains("unregister plugin 'PowerShell.7.4'", metadata["_metadata"]!["whatIf"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(registered, _fixture.Image.Listing());

        DscInvocation deleted = _fixture.Invoker.Invoke("delete", _fixture.Endpoint());
        ContractAssert.Succeeded(deleted);
        Assert.Empty(deleted.Stdout);
        Assert.Null(_fixture.Image.ReadConfigXml("PowerShell.7.4"));
        Assert.True(File.Exists(Path.Join(_fixture.Image.PluginFolder("7.4.6"), "pwrshplugin.dll")));
        Assert.False(ContractAssert.Get(_fixture.Invoker.Invoke("get", _fixture.Endpoint()))["_exist"]!.GetValue<bool>());
    }

    [Fact]
    public void Export_PrintsOneSchemaValidLinePerPowerShell7Plugin_AndSkipsWindowsPlugins()
    {
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", _fixture.Endpoint()));
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", new JsonObject { ["version"] = "7.2", ["transport"] = "wsman", ["pshome"] = _fixture.V7219 }.ToJsonString()));
        _fixture.Image.Register("microsoft.powershell", PluginXml("microsoft.powershell", @"%windir%\system32\pwrshplugin.dll"));
        _fixture.Image.Register("WMI Provider", PluginXml("WMI Provider", @"C:\Windows\system32\WsmWmiPl.dll"));

        DscInvocation run = _fixture.Invoker.Invoke("export", new JsonObject { ["transport"] = "wsman" }.ToJsonString());

        ContractAssert.Succeeded(run);
        var states = run.StdoutLines.Select(line => ContractAssert.State("export", line)).ToList();
        Assert.Equal(["PowerShell.7.2", "PowerShell.7.4"], states.Select(state => state["_name"]!.GetValue<string>()));
        Assert.Equal(["7.2.19", "7.4.6"], states.Select(state => state["version"]!.GetValue<string>()));
        Assert.All(states, state => Assert.Empty(state["reasons"]!.AsArray()));
    }

    /// <summary>A minimal ConfigXML of a plugin that is not PowerShell 7's.</summary>
    private static string PluginXml(string name, string filename) =>
        new XElement(XName.Get("PlugInConfiguration", "http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration"),
            new XAttribute("Name", name), new XAttribute("Filename", filename), new XAttribute("SDKVersion", "2"), new XAttribute("XmlRenderingType", "text")).ToString();
}
