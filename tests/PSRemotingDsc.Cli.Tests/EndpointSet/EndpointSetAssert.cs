using System.Text.Json.Nodes;
using Json.Schema;
using PSRemotingDsc.Cli.Tests.Contract;

namespace PSRemotingDsc.Cli.Tests.EndpointSet;

/// <summary>Checks PSRemotingDsc/EndpointSet's stdout the way dsc parses it: the published stdout schemas and the served instance schema.</summary>
internal static class EndpointSetAssert
{
    private static readonly Lazy<JsonObject> s_schema = new(() =>
    {
        DscInvocation run = Invoker().InvokeSchema();
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonNode? schema = JsonNode.Parse(run.Stdout);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout("schema"), schema));
        return schema!.AsObject();
    });

    private static readonly Lazy<JsonSchema> s_instanceSchema = new(() => SchemaValidator.FromText(s_schema.Value.ToJsonString()));

    /// <summary>The instance schema as <c>psremotingdsc endpointset schema</c> serves it.</summary>
    public static JsonObject ServedSchema => s_schema.Value;

    public static JsonSchema InstanceSchema => s_instanceSchema.Value;

    /// <summary>An invoker of the EndpointSet manifest, spawning the CLI as dsc does.</summary>
    public static DscCommandInvoker Invoker(IReadOnlyDictionary<string, string>? environment = null) =>
        new(RepositoryPaths.SetManifestPath, CliUnderTest.Directory, environment);

    public static JsonObject State(string operation, string line)
    {
        JsonNode? node = JsonNode.Parse(line);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout(operation), node));
        Assert.Empty(SchemaValidator.Validate(InstanceSchema, node));
        return node!.AsObject();
    }

    public static JsonObject Get(DscInvocation run)
    {
        ContractAssert.Succeeded(run);
        return State("get", Assert.Single(run.StdoutLines));
    }

    public static (JsonObject State, string[] Diff) StateAndDiff(string operation, DscInvocation run)
    {
        ContractAssert.Succeeded(run);
        Assert.Equal(2, run.StdoutLines.Count);
        JsonObject state = State(operation, run.StdoutLines[0]);
        JsonNode? diff = JsonNode.Parse(run.StdoutLines[1]);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout(operation), diff));
        return (state, [.. diff!.AsArray().Select(name => name!.GetValue<string>())]);
    }

    public static string[] Strings(JsonObject state, string property) => [.. state[property]!.AsArray().Select(item => item!.GetValue<string>())];
}
