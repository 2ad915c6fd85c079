using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>Each operation, spawned as dsc spawns it, against a real temp sshd_config and the real pinned pwsh.</summary>
public sealed class OperationContractTests : IDisposable
{
    private readonly ResourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private string Endpoint(string? name = null, JsonArray? arguments = null)
    {
        var properties = new JsonObject { ["version"] = RealPowerShell.Version };
        if (name is not null)
        {
            properties["name"] = name;
        }

        if (arguments is not null)
        {
            properties["arguments"] = arguments;
        }

        return _fixture.Input(properties);
    }

    [SkippableFact]
    public void Get_OfAMissingEndpoint_ReturnsExistFalse()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);

        JsonObject state = ContractAssert.Get(_fixture.Invoker.Invoke("get", Endpoint()));

        Assert.False(state["_exist"]!.GetValue<bool>());
        Assert.Equal("powershell-7.6.9", state["name"]!.GetValue<string>());
        Assert.Equal(RealPowerShell.Version, state["resolvedVersion"]!.GetValue<string>());
    }

    [SkippableFact]
    public void Test_OfAMissingEndpoint_ReportsTheMissingReason()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);

        (JsonObject state, string[] diff) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", Endpoint()));

        Assert.False(state["_inDesiredState"]!.GetValue<bool>());
        Assert.Equal(["_exist"], diff);
        Assert.Equal("PSRemotingEndpoint:PSRemotingEndpoint:Missing", state["reasons"]![0]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public void Set_AddsTheLine_ThenTestIsInDesiredState_AndASecondSetTouchesNothing()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);

        (JsonObject state, string[] changed) = ContractAssert.StateAndDiff("set", _fixture.Invoker.Invoke("set", Endpoint()));

        Assert.True(state["_exist"]!.GetValue<bool>());
        Assert.Empty(state["reasons"]!.AsArray());
        Assert.Equal(["_exist"], changed);
        Assert.StartsWith("no sshd is running for " + _fixture.ConfigPath, state["_metadata"]!["reload"]!.GetValue<string>(), StringComparison.Ordinal);
        string text = File.ReadAllText(_fixture.ConfigPath);
        string line = $"Subsystem powershell-7.6.9 {RealPowerShell.Executable} -sshs -NoLogo -NoProfile";
        Assert.Contains(line + "\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(line, StringComparison.Ordinal) < text.IndexOf("Match User backup", StringComparison.Ordinal));
        Assert.Equal(ResourceFixture.ForeignLines.ReplaceLineEndings("\n") + "\n", text.Replace(line + "\n", string.Empty, StringComparison.Ordinal));

        (JsonObject tested, string[] differing) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", Endpoint()));
        Assert.True(tested["_inDesiredState"]!.GetValue<bool>());
        Assert.Empty(differing);

        DateTime written = File.GetLastWriteTimeUtc(_fixture.ConfigPath);
        (_, string[] secondChange) = ContractAssert.StateAndDiff("set", _fixture.Invoker.Invoke("set", Endpoint()));
        Assert.Empty(secondChange);
        Assert.Equal(written, File.GetLastWriteTimeUtc(_fixture.ConfigPath));
        Assert.Equal(text, File.ReadAllText(_fixture.ConfigPath));
    }

    [SkippableFact]
    public void SetWhatIf_ChangesNothing_AndPredictsTheState()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        byte[] before = File.ReadAllBytes(_fixture.ConfigPath);

        (JsonObject state, string[] changed) = ContractAssert.StateAndDiff("whatIf", _fixture.Invoker.Invoke("set", Endpoint(), whatIf: true));

        Assert.True(state["_exist"]!.GetValue<bool>());
        Assert.Equal(["_exist"], changed);
        Assert.Equal(before, File.ReadAllBytes(_fixture.ConfigPath));
        Assert.Single(Directory.GetFiles(_fixture.Directory.Path));
    }

    [SkippableFact]
    public void Delete_RemovesTheLine_PrintsNothing_AndWhatIfReportsWithoutChanging()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", Endpoint()));
        byte[] withEndpoint = File.ReadAllBytes(_fixture.ConfigPath);

        DscInvocation whatIf = _fixture.Invoker.Invoke("delete", Endpoint(), whatIf: true);
        ContractAssert.Succeeded(whatIf);
        JsonObject metadata = JsonNode.Parse(Assert.Single(whatIf.StdoutLines))!.AsObject();
        Assert.Contains("remove Subsystem 'powershell-7.6.9'", metadata["_metadata"]!["whatIf"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(withEndpoint, File.ReadAllBytes(_fixture.ConfigPath));

        DscInvocation deleted = _fixture.Invoker.Invoke("delete", Endpoint());
        ContractAssert.Succeeded(deleted);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout("delete"), null));
        Assert.Empty(deleted.Stdout);
        Assert.Equal(ResourceFixture.ForeignLines.ReplaceLineEndings("\n") + "\n", File.ReadAllText(_fixture.ConfigPath));
    }

    [SkippableFact]
    public void Export_PrintsOneJsonLinePerPowerShellEndpoint_AndSkipsForeignSubsystems()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", Endpoint()));
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", Endpoint("pwsh-jea", ["-ConfigurationFile", "/etc/pwsh/jea.pssc"])));

        DscInvocation run = _fixture.Invoker.Invoke("export", _fixture.Input([]));

        ContractAssert.Succeeded(run);
        var states = run.StdoutLines.Select(line => ContractAssert.State("export", line)).ToList();
        Assert.Equal(["powershell-7.6.9", "pwsh-jea"], states.Select(state => state["_name"]!.GetValue<string>()));
        Assert.All(states, state => Assert.Equal(RealPowerShell.Version, state["version"]!.GetValue<string>()));
        Assert.Equal(["-ConfigurationFile", "/etc/pwsh/jea.pssc"], states[1]["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [SkippableFact]
    public void Export_WithoutInput_IsCalledWithoutTheInputArgument()
    {
        Assert.Equal(["export"], _fixture.Invoker.BuildArguments("export", null));
        Assert.Equal(["get", "--input", string.Empty], _fixture.Invoker.BuildArguments("get", null));
        Assert.Equal(["set", "--input", "{}", "--what-if"], _fixture.Invoker.BuildArguments("set", "{}", whatIf: true));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void GetOutput_FedBackIntoTest_IsInDesiredState(bool present)
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        if (present)
        {
            ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", Endpoint(arguments: ["-ConfigurationFile", "/etc/x.pssc"])));
        }

        JsonObject state = ContractAssert.Get(_fixture.Invoker.Invoke("get", Endpoint()));
        (JsonObject tested, string[] diff) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", state.ToJsonString()));

        Assert.True(tested["_inDesiredState"]!.GetValue<bool>(), tested.ToJsonString());
        Assert.Empty(diff);
    }

    [SkippableFact]
    public void Traces_AreJsonLinesOnStderr_FilteredByDscTraceLevel()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);

        var atInfo = ContractAssert.Traces(_fixture.Invoker.Invoke("test", Endpoint(), traceLevel: "info"));
        var atWarn = ContractAssert.Traces(_fixture.Invoker.Invoke("test", Endpoint(), traceLevel: "warn"));
        var atDebug = ContractAssert.Traces(_fixture.Invoker.Invoke("test", Endpoint(), traceLevel: "debug"));

        Assert.Contains(atInfo, trace => trace.Level == "info" && trace.Message.Contains("is not defined", StringComparison.Ordinal));
        Assert.DoesNotContain(atWarn, trace => trace.Level is "info" or "debug");
        Assert.Contains(atDebug, trace => trace.Level == "debug" && trace.Message.Contains("resolves to PowerShell 7.6.9", StringComparison.Ordinal));
    }
}
