using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>
/// dsc 3.2.3 validates what the resource prints for get, set, test and export against the instance schema
/// (lib/dsc-lib/src/dscresources/command_resource.rs ~73, 214, 292, 411, 698) and fails the operation when it does not
/// validate — one such endpoint fails a whole export. So every state the resource can observe must validate.
/// </summary>
public sealed class ObservedStateSchemaTests : IDisposable
{
    private readonly ResourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    /// <summary>A hand-written line whose argument holds a space (quoted for sshd) is reported as it is, and validates.</summary>
    [SkippableFact]
    public void GetTestAndExport_OfALineWithAQuotedArgument_Validate()
    {
        Skip.If(RealPowerShell.Executable is null, RealPowerShell.MissingReason);
        string text = File.ReadAllText(_fixture.ConfigPath);
        File.WriteAllText(_fixture.ConfigPath, $"Subsystem ops {RealPowerShell.Executable} -sshs -NoLogo -NoProfile -ConfigurationFile \"/etc/my jea.pssc\"\n" + text);
        string input = _fixture.Input(new JsonObject { ["version"] = RealPowerShell.Version, ["name"] = "ops" });

        JsonObject got = ContractAssert.Get(_fixture.Invoker.Invoke("get", input));
        (JsonObject tested, _) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", input));
        DscInvocation export = _fixture.Invoker.Invoke("export", _fixture.Input(new JsonObject()));

        Assert.Equal("/etc/my jea.pssc", got["arguments"]![1]!.GetValue<string>());
        // sshd joins the words for the user's shell, which splits the space again: drift, reported as state that validates.
        Assert.Contains(tested["reasons"]!.AsArray(), reason => reason!["code"]!.GetValue<string>().EndsWith(":ShellSyntaxInArguments", StringComparison.Ordinal));
        ContractAssert.Succeeded(export);
        Assert.Contains(export.StdoutLines.Select(line => ContractAssert.State("export", line)), state => state["_name"]!.GetValue<string>() == "ops");
    }

    /// <summary>
    /// dsc stops `config test` and `config set` at the first instance whose operation fails (dsc 3.2.3
    /// lib/dsc-lib/src/configure/mod.rs ~658–664, 825–831), so get and test of an uninstalled version answer with state:
    /// exit 0, valid output, not in the desired state. Only set fails (exit 4).
    /// </summary>
    [Fact]
    public void GetAndTest_OfAnUninstalledVersion_AnswerWithState_SetFails()
    {
        string input = _fixture.Input(new JsonObject { ["version"] = "6.0" });

        JsonObject got = ContractAssert.Get(_fixture.Invoker.Invoke("get", input));
        (JsonObject tested, string[] diff) = ContractAssert.StateAndDiff("test", _fixture.Invoker.Invoke("test", input));
        DscInvocation set = _fixture.Invoker.Invoke("set", input);

        Assert.Equal("PSRemotingEndpoint:PSRemotingEndpoint:VersionNotInstalled", got["reasons"]![0]!["code"]!.GetValue<string>());
        Assert.False(tested["_inDesiredState"]!.GetValue<bool>());
        Assert.Equal(["version"], diff);
        Assert.Equal(4, set.ExitCode);
    }

    /// <summary>A plugin written by someone else with IdleTimeoutms="1000" (WinRM accepts it) is reported as it is, and validates.</summary>
    [Fact]
    public void AQuotaBelowTheRangePSRemotingDscWrites_Validates()
    {
        var state = new EndpointState
        {
            Version = "7",
            Transport = Transport.Wsman,
            Name = "PowerShell.7",
            Exist = true,
            Quotas = new Dictionary<string, long> { ["IdleTimeoutms"] = 1000 },
        };

        Assert.Empty(SchemaValidator.Validate(ContractAssert.InstanceSchema, JsonNode.Parse(StateJson.Serialize(state))));
    }

    /// <summary>Every state the golden run recorded — every verb on every fixture — validates against the served schema.</summary>
    [Fact]
    public void EveryRecordedState_ValidatesAgainstTheServedSchema()
    {
        int states = 0;
        foreach (string path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "PSRemotingDsc.Cli.Tests", "Golden", "expected"), "*.txt"))
        {
            // Each state against the schema of the resource that printed it: PSRemotingDsc/EndpointSet's commands start with 'endpointset'.
            string[] lines = File.ReadAllLines(path);
            Json.Schema.JsonSchema schema = Section(lines, "--- argv").FirstOrDefault() == "endpointset" ? EndpointSet.EndpointSetAssert.InstanceSchema : ContractAssert.InstanceSchema;
            foreach (string line in Section(lines, "--- stdout"))
            {
                if (Instance(line) is { } state)
                {
                    states++;
                    IReadOnlyList<string> errors = SchemaValidator.Validate(schema, state);
                    Assert.True(errors.Count == 0, $"{Path.GetFileName(path)}: {line}\n{string.Join("\n", errors)}");
                }
            }
        }

        Assert.True(states > 100, $"only {states} recorded states were found");
    }

    /// <summary>The line as an instance (a one-line JSON object with a transport), or null (traces, diffs, indented reports).</summary>
    private static JsonObject? Instance(string line)
    {
        if (!line.StartsWith('{') || !line.EndsWith('}'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(line) is JsonObject state && state["transport"] is not null ? state : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Section(string[] lines, string header) =>
        lines.SkipWhile(line => line != header).Skip(1).TakeWhile(line => !line.StartsWith("--- ", StringComparison.Ordinal));
}
