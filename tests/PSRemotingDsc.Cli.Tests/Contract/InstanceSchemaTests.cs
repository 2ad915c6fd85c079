using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>
/// The served instance schema is readable by tools other than this project's: Python's <c>jsonschema</c> (the validator
/// behind check-jsonschema and Ansible, independent of the JsonSchema.Net the other tests use) accepts the schema, every
/// example instance and the observed states dsc validates, and rejects instances of the wrong shape.
/// </summary>
public sealed class InstanceSchemaTests
{
    private static readonly Lazy<JsonObject> s_served = new(() =>
    {
        DscInvocation run = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory).InvokeSchema();
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Stdout)!.AsObject();
    });

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// dsc validates what get, test, set and export print against the instance schema (dsc 3.2.3
    /// lib/dsc-lib/src/dscresources/command_resource.rs ~73, 214, 292, 411, 698), so the schema holds no rule that an
    /// observed state can break: no pattern, no range. Value rules are checked by the engine (exit 3, 5, 17).
    /// </summary>
    [Fact]
    public void Schema_HasNoPatternOrRange_ThatObservedStateCouldBreak()
    {
        string schema = s_served.Value.ToJsonString();

        Assert.DoesNotContain("\"pattern\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"minimum\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"maximum\"", schema, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void PythonJsonSchema_AcceptsTheServedSchema_AndEveryExampleInstance_AndRejectsBadOnes()
    {
        var instances = new JsonObject();
        foreach (string path in Directory.GetFiles(RepositoryPaths.Examples, "*.dsc.yaml").Order(StringComparer.Ordinal))
        {
            foreach ((string name, string type, JsonObject properties) in ConfigurationDocument.Load(path).Resources())
            {
                if (type == "PSRemotingDsc/Endpoint")
                {
                    instances[$"{Path.GetFileName(path)}: {name}"] = properties.DeepClone();
                }
            }
        }

        // States the resource observes and prints, which dsc validates: they must pass.
        instances["observed: argument with a space"] = new JsonObject { ["version"] = "7", ["arguments"] = new JsonArray("-ConfigurationFile", "/etc/my jea.pssc") };
        instances["observed: quota below the range psremotingdsc writes"] = new JsonObject { ["version"] = "7", ["transport"] = "wsman", ["idleTimeoutMs"] = 1000 };
        instances["dsc config validate: an expression"] = new JsonObject { ["version"] = "[parameters('version')]" };
        var bad = new JsonObject
        {
            ["unknown property"] = new JsonObject { ["version"] = "7", ["colour"] = "blue" },
            ["number for a string"] = new JsonObject { ["version"] = 7 },
            ["unknown transport"] = new JsonObject { ["version"] = "7", ["transport"] = "winrm" },
            ["string for a boolean"] = new JsonObject { ["version"] = "7", ["_exist"] = "yes" },
            ["empty name"] = new JsonObject { ["version"] = "7", ["name"] = "" },
        };
        const string script = """
            import importlib.metadata, json, sys
            try:
                import jsonschema
            except ImportError:
                print(json.dumps({"missing": "python3 has no jsonschema module (apt-get install python3-jsonschema)"}))
                sys.exit(0)
            request = json.load(sys.stdin)
            Validator = jsonschema.Draft202012Validator
            meta = Validator(Validator.META_SCHEMA, format_checker=Validator.FORMAT_CHECKER)
            schema_errors = [error.message for error in meta.iter_errors(request["schema"])]
            result = {"version": importlib.metadata.version("jsonschema"), "schema": schema_errors, "instances": {}}
            if not schema_errors:
                validator = Validator(request["schema"], format_checker=Validator.FORMAT_CHECKER)
                for name, instance in request["instances"].items():
                    result["instances"][name] = [error.message for error in validator.iter_errors(instance)]
            print(json.dumps(result))
            """;
        var all = new JsonObject();
        foreach ((string name, JsonNode? instance) in instances.Concat(bad))
        {
            all[name] = instance?.DeepClone();
        }

        JsonObject result = Python(script, new JsonObject { ["schema"] = s_served.Value.DeepClone(), ["instances"] = all });
        Skip.If(result["missing"] is not null, result["missing"]?.GetValue<string>());

        Assert.True(result["schema"]!.AsArray().Count == 0, "jsonschema rejects the served schema: " + result["schema"]!.ToJsonString());
        JsonObject verdicts = result["instances"]!.AsObject();
        Assert.True(instances.Count >= 4, "fewer example instances than expected: " + string.Join(", ", instances.Select(i => i.Key)));
        Assert.All(instances, instance => Assert.True(
            verdicts[instance.Key]!.AsArray().Count == 0,
            $"jsonschema {result["version"]} rejects {instance.Key}: {verdicts[instance.Key]!.ToJsonString()}"));
        Assert.All(bad, instance => Assert.True(
            verdicts[instance.Key]!.AsArray().Count > 0,
            $"jsonschema {result["version"]} accepts the bad instance '{instance.Key}': {instance.Value!.ToJsonString()}"));
    }

    private static bool PythonAvailable(out string? reason)
    {
        try
        {
            using Process process = Process.Start(new ProcessStartInfo("python3", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit(s_timeout);
            reason = process.ExitCode == 0 ? null : "python3 --version failed";
        }
        catch (Win32Exception)
        {
            reason = "python3 is not installed; it checks the schema the way Python tools (check-jsonschema, Ansible) read it";
        }

        return reason is null;
    }

    /// <summary>Runs a Python script with <paramref name="input"/> as JSON on stdin; its stdout is one JSON object.</summary>
    private static JsonObject Python(string script, JsonNode? input)
    {
        Skip.If(!PythonAvailable(out string? reason), reason);
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input?.ToJsonString() ?? "null");
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(s_timeout), "python3 did not exit within " + s_timeout);
        Assert.True(process.ExitCode == 0, $"python3 failed ({process.ExitCode}): {stderr.Result}");
        return JsonNode.Parse(stdout.Result)!.AsObject();
    }
}
