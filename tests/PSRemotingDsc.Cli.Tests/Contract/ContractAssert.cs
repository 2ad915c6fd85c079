using System.Text.Json.Nodes;
using Json.Schema;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>Checks a resource's stdout the way dsc parses it, against the published stdout schemas and the instance schema.</summary>
internal static class ContractAssert
{
    private static readonly Lazy<JsonSchema> s_instanceSchema = new(() =>
    {
        DscInvocation run = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory).InvokeSchema();
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout("schema"), JsonNode.Parse(run.Stdout)));
        return SchemaValidator.FromText(run.Stdout);
    });

    public static JsonSchema InstanceSchema => s_instanceSchema.Value;

    /// <summary>get/export line: one JSON object valid for the operation's stdout schema and the instance schema.</summary>
    public static JsonObject State(string operation, string line)
    {
        JsonNode? node = JsonNode.Parse(line);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout(operation), node));
        Assert.Empty(SchemaValidator.Validate(InstanceSchema, node));
        return node!.AsObject();
    }

    /// <summary>The whole stdout of get: exactly one JSON value (dsc rejects trailing documents).</summary>
    public static JsonObject Get(DscInvocation run)
    {
        Succeeded(run);
        return State("get", Assert.Single(run.StdoutLines));
    }

    /// <summary>stateAndDiff: line 1 the state, line 2 the array of property names.</summary>
    public static (JsonObject State, string[] Diff) StateAndDiff(string operation, DscInvocation run)
    {
        Succeeded(run);
        Assert.Equal(2, run.StdoutLines.Count);
        JsonObject state = State(operation, run.StdoutLines[0]);
        JsonNode? diff = JsonNode.Parse(run.StdoutLines[1]);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Stdout(operation), diff));
        return (state, diff!.AsArray().Select(name => name!.GetValue<string>()).ToArray());
    }

    public static void Succeeded(DscInvocation run) => Assert.True(run.ExitCode == 0, run.ToString());

    /// <summary>Every stderr line is a DSC trace message dsc understands: {"error|warn|info|debug|trace": "..."}.</summary>
    public static IReadOnlyList<(string Level, string Message)> Traces(DscInvocation run)
    {
        var traces = new List<(string, string)>();
        foreach (string line in run.StderrLines)
        {
            JsonObject trace = JsonNode.Parse(line)!.AsObject();
            KeyValuePair<string, JsonNode?> pair = Assert.Single(trace);
            Assert.Contains(pair.Key, new[] { "error", "warn", "info", "debug", "trace" });
            traces.Add((pair.Key, pair.Value!.GetValue<string>()));
        }

        return traces;
    }
}
