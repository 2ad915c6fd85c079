using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>
/// The served instance schema is readable by tools other than this project's: its regexes are ECMA-262 without the
/// <c>u</c> flag and Python <c>re</c>, and Python's <c>jsonschema</c> (the validator behind check-jsonschema and Ansible,
/// independent of the JsonSchema.Net the other tests use) accepts the schema and every example instance.
/// </summary>
public sealed class InstanceSchemaTests
{
    // The name and argument patterns served before issue 8, in .NET syntax: \s and \p{Cc}, which Python's re rejects.
    private const string NameBefore = @"^[^\s""'`#=\\\p{Cc}]{1,128}$";
    private const string ArgumentBefore = @"^[^\s""'`#\p{Cc}]+$";

    private static readonly Lazy<JsonObject> s_served = new(() =>
    {
        DscInvocation run = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory).InvokeSchema();
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Stdout)!.AsObject();
    });

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void EveryPattern_CompilesAsEcmaScript()
    {
        List<string> patterns = Patterns(s_served.Value);

        Assert.NotEmpty(patterns);
        Assert.All(patterns, pattern => _ = new Regex(pattern, RegexOptions.ECMAScript));
    }

    [SkippableFact]
    public void EveryPattern_CompilesInPythonRe()
    {
        const string script = """
            import json, re, sys
            errors = {}
            for pattern in json.load(sys.stdin):
                try:
                    re.compile(pattern)
                except re.error as error:
                    errors[pattern] = str(error)
            print(json.dumps(errors))
            """;

        JsonObject errors = Python(script, new JsonArray([.. Patterns(s_served.Value).Select(p => (JsonNode?)p)]));

        Assert.True(errors.Count == 0, "Python's re rejects: " + errors.ToJsonString());
    }

    [SkippableTheory]
    [InlineData("name", NameBefore)]
    [InlineData("arguments", ArgumentBefore)]
    public void Pattern_AcceptsTheSameCharactersAsBefore_InDotNetEcmaScriptAndPython(string property, string before)
    {
        string served = PatternOf(property);
        var beforeRegex = new Regex(before);
        var servedRegex = new Regex(served);
        var servedEcma = new Regex(served, RegexOptions.ECMAScript);
        var rejectedBefore = new List<int>();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            string word = ((char)c).ToString();
            bool accepted = beforeRegex.IsMatch(word);
            Assert.True(accepted == servedRegex.IsMatch(word), $"U+{c:X4}: .NET before {accepted}, now {!accepted}");
            Assert.True(accepted == servedEcma.IsMatch(word), $"U+{c:X4}: .NET before {accepted}, ECMAScript now {!accepted}");
            if (!accepted)
            {
                rejectedBefore.Add(c);
            }
        }

        Assert.Equal(before.EndsWith("{1,128}$", StringComparison.Ordinal), !servedRegex.IsMatch(new string('a', 129)));

        const string script = """
            import json, re, sys
            pattern = re.compile(json.load(sys.stdin))
            print(json.dumps({"rejected": [c for c in range(0x10000) if pattern.search(chr(c)) is None]}))
            """;
        Skip.If(!PythonAvailable(out string? reason), reason);
        JsonArray rejectedByPython = Python(script, JsonValue.Create(served))["rejected"]!.AsArray();

        Assert.Equal(rejectedBefore, rejectedByPython.Select(c => c!.GetValue<int>()));
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

        var bad = new JsonObject
        {
            ["control character in name"] = new JsonObject { ["version"] = "7", ["name"] = "power\u0007shell" },
            ["space in name"] = new JsonObject { ["version"] = "7", ["name"] = "power shell" },
            ["no-break space in name"] = new JsonObject { ["version"] = "7", ["name"] = "power\u00a0shell" },
            ["quote in an argument"] = new JsonObject { ["version"] = "7", ["arguments"] = new JsonArray("-File", "a\"b") },
            ["unknown property"] = new JsonObject { ["version"] = "7", ["colour"] = "blue" },
            ["version that is no spec"] = new JsonObject { ["version"] = "seven" },
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

    private static string PatternOf(string property)
    {
        JsonObject schema = s_served.Value["properties"]![property]!.AsObject();
        return (schema["items"] ?? schema)["pattern"]!.GetValue<string>();
    }

    private static List<string> Patterns(JsonNode? node)
    {
        var patterns = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach ((string key, JsonNode? value) in obj)
                {
                    if (key == "pattern" && value is JsonValue pattern)
                    {
                        patterns.Add(pattern.GetValue<string>());
                    }
                    else
                    {
                        patterns.AddRange(Patterns(value));
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    patterns.AddRange(Patterns(item));
                }

                break;
        }

        return patterns;
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
