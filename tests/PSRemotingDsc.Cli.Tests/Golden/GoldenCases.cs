using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// The fixed matrix of the golden run: every verb dsc calls on every example instance (SSH instances against every
/// sshd_config fixture, WSMan instances against an empty and a provisioned machine image), export, report, schema,
/// manifest, help and unknown commands, and bad input rows.
/// </summary>
internal static class GoldenCases
{
    private static readonly (string Name, string Operation, bool WhatIf)[] s_verbs =
    [
        ("get", "get", false), ("test", "test", false), ("set", "set", false), ("set-what-if", "set", true),
        ("delete", "delete", false), ("delete-what-if", "delete", true),
    ];

    private static readonly DscCommandInvoker s_invoker = new(RepositoryPaths.ManifestPath, CliUnderTest.Directory);

    private static readonly DscCommandInvoker s_setInvoker = new(RepositoryPaths.SetManifestPath, CliUnderTest.Directory);

    /// <summary>The verbs of PSRemotingDsc/EndpointSet's manifest (no delete).</summary>
    private static readonly (string Name, string Operation, bool WhatIf)[] s_setVerbs =
    [
        ("get", "get", false), ("test", "test", false), ("set", "set", false), ("set-what-if", "set", true),
    ];

    public static IReadOnlyList<GoldenCase> All()
    {
        var cases = new List<GoldenCase>();
        cases.AddRange(CommandLineCases());
        List<(string Name, JsonObject Properties)> instances = ExampleInstances();
        foreach (string fixture in SshdConfigFixtures())
        {
            string stem = Path.GetFileNameWithoutExtension(fixture);
            var target = GoldenTarget.Ssh(fixture);
            string trace = fixture == GoldenTarget.DefaultFixture ? "trace" : "warn";
            foreach ((string name, JsonObject properties) in instances.Where(i => IsSsh(i.Properties)))
            {
                cases.AddRange(VerbCases($"ssh.{stem}.{name}", target, properties, trace));
            }

            cases.Add(Dsc($"ssh.{stem}.export", target, "export", """{"transport":"ssh","sshdConfigPath":"{config}"}""", trace));
            foreach ((string name, JsonObject properties) in ExampleInstances("PSRemotingDsc/EndpointSet"))
            {
                cases.AddRange(s_setVerbs.Select(verb => new GoldenCase($"ssh.{stem}.{name}.{verb.Name}", target,
                    s_setInvoker.BuildArguments(verb.Operation, properties.ToJsonString(), verb.WhatIf), trace, verb.Operation == "set")));
            }

            cases.Add(new GoldenCase($"ssh.{stem}.endpointset-export", target,
                s_setInvoker.BuildArguments("export", """{"transport":"ssh","sshdConfigPath":"{config}"}""", whatIf: false), trace, false));
            cases.AddRange(ReportCases($"ssh.{stem}", target));
        }

        foreach (GoldenTarget target in new[] { GoldenTarget.EmptyImage, GoldenTarget.ProvisionedImageTarget })
        {
            string prefix = target.ProvisionedImage ? "wsman.provisioned" : "wsman.empty";
            foreach ((string name, JsonObject properties) in instances.Where(i => !IsSsh(i.Properties)))
            {
                cases.AddRange(VerbCases($"{prefix}.{name}", target, properties, target.ProvisionedImage ? "warn" : "trace"));
            }

            cases.Add(Dsc($"{prefix}.export", target, "export", """{"transport":"wsman"}""", "trace"));
            cases.AddRange(ReportCases(prefix, target));
        }

        cases.AddRange(GoldenBadInputRows.All().Select(row => Dsc($"bad.{row.Name}", GoldenTarget.EmptyImage, "set", row.Input, "warn", recordsResult: true)));
        return cases;
    }

    /// <summary>The example instances by "file-stem.index", parameters at their defaults except sshdConfigPath: the case's copy.</summary>
    public static List<(string Name, JsonObject Properties)> ExampleInstances(string type = "PSRemotingDsc/Endpoint")
    {
        var instances = new List<(string, JsonObject)>();
        foreach (string file in Directory.GetFiles(RepositoryPaths.Examples, "*.dsc.yaml").Order(StringComparer.Ordinal))
        {
            string stem = Path.GetFileName(file)[..^".dsc.yaml".Length];
            var resources = ConfigurationDocument.Load(file).Resources(new Dictionary<string, string> { ["sshdConfigPath"] = GoldenWorkspace.ConfigPlaceholder });
            for (int i = 0; i < resources.Count; i++)
            {
                if (resources[i].Type == type)
                {
                    instances.Add(($"{stem}.{i + 1}", resources[i].Properties));
                }
            }
        }

        return instances;
    }

    private static IEnumerable<string> SshdConfigFixtures() =>
        Directory.GetFiles(Path.Join(RepositoryPaths.Fixtures, "sshd_config"), "*.sshd_config").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static bool IsSsh(JsonObject properties) => properties["transport"]?.GetValue<string>() == "ssh";

    private static IEnumerable<GoldenCase> VerbCases(string prefix, GoldenTarget target, JsonObject properties, string trace) =>
        s_verbs.Select(verb => Dsc($"{prefix}.{verb.Name}", target, verb.Operation, properties.ToJsonString(), trace, verb.WhatIf, verb.Operation is "set" or "delete"));

    private static GoldenCase Dsc(string name, GoldenTarget target, string operation, string? input, string trace, bool whatIf = false, bool recordsResult = false) =>
        new(name, target, s_invoker.BuildArguments(operation, input, whatIf), trace, recordsResult);

    private static IEnumerable<GoldenCase> ReportCases(string prefix, GoldenTarget target) =>
        new[] { "table", "json" }.Select(format => new GoldenCase($"{prefix}.report-{format}", target, ["report", "--sshd-config", GoldenWorkspace.ConfigPlaceholder, "--format", format], "warn", false));

    private static IEnumerable<GoldenCase> CommandLineCases()
    {
        GoldenTarget target = GoldenTarget.EmptyImage;
        yield return new GoldenCase("cli.schema", target, [.. s_invoker.Manifest["schema"]!["command"]!["args"]!.AsArray().Select(a => a!.GetValue<string>())], "warn", false);
        yield return new GoldenCase("cli.endpointset-schema", target, [.. s_setInvoker.Manifest["schema"]!["command"]!["args"]!.AsArray().Select(a => a!.GetValue<string>())], "warn", false);
        yield return new GoldenCase("cli.endpointset-manifest", target, ["endpointset", "manifest"], "warn", false);
        (string Name, string[] Argv)[] raw =
        [
            ("no-arguments", []), ("help", ["help"]), ("dash-dash-help", ["--help"]), ("dash-h", ["-h"]), ("manifest", ["manifest"]),
            ("unknown-command", ["frobnicate"]), ("get-without-input", ["get"]), ("get-input-without-value", ["get", "--input"]),
            ("get-unknown-option", ["get", "--input", "{}", "--bogus"]), ("test-what-if", ["test", "--input", "{}", "--what-if"]),
            ("report-help", ["report", "--help"]), ("report-bad-format", ["report", "--format", "xml"]),
            ("report-trace", ["report", "--sshd-config", GoldenWorkspace.ConfigPlaceholder]), ("version", ["--version"]),
        ];
        foreach ((string name, string[] argv) in raw)
        {
            yield return new GoldenCase($"cli.{name}", target, argv, name == "report-trace" ? "trace" : "warn", false);
        }
    }
}
