using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Cli.Tests.Contract;

namespace PSRemotingDsc.Cli.Tests.EndpointSet;

/// <summary>
/// PSRemotingDsc/EndpointSet as dsc sees it: its own generated manifest (a second <c>*.dsc.resource.json</c> beside the
/// endpoint's; dsc 3.2.3 discovers every file ending in <c>.dsc.resource.json</c> in a resource folder,
/// lib/dsc-lib/src/discovery/command_discovery.rs:35 and 271-273, and keeps every copy of a type it finds, 621-634, so a
/// <c>.dsc.manifests.json</c> list, 34 and 808-858, beside the existing manifest would load PSRemotingDsc/Endpoint twice),
/// valid against the published manifest schema, its served instance schema, and every operation spawned from that manifest
/// exactly as dsc spawns it.
/// </summary>
public sealed class EndpointSetContractTests
{
    private static readonly JsonObject s_manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SetManifestPath))!.AsObject();

    [Fact]
    public void CheckedInManifest_EqualsTheGeneratedOne()
    {
        DscInvocation run = EndpointSetAssert.Invoker().RunExecutable("endpointset", "manifest");

        Assert.Equal(0, run.ExitCode);
        Assert.True(
            run.Stdout.ReplaceLineEndings("\n") == File.ReadAllText(RepositoryPaths.SetManifestPath).ReplaceLineEndings("\n"),
            $"dsc/{EndpointSetManifest.FileName} differs from 'psremotingdsc endpointset manifest'; regenerate it: dotnet run --project src/PSRemotingDsc.Cli -- endpointset manifest > dsc/{EndpointSetManifest.FileName}");
    }

    [Fact]
    public void Manifest_IsValidAgainstThePublishedSchema_WithTheWhatIfArgumentSetAside()
    {
        JsonObject manifest = s_manifest.DeepClone().AsObject();
        JsonArray args = manifest["set"]!["args"]!.AsArray();
        args.Remove(Assert.Single(args, arg => arg is JsonObject o && o.ContainsKey("whatIfArg")));

        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Manifest, manifest));
    }

    [Fact]
    public void Manifest_DeclaresGetSetTestExport_WithoutDelete_OnTheSameExecutableAndVersion()
    {
        JsonObject endpoint = JsonNode.Parse(File.ReadAllText(RepositoryPaths.ManifestPath))!.AsObject();

        Assert.Equal("PSRemotingDsc/EndpointSet", s_manifest["type"]!.GetValue<string>());
        Assert.Equal(endpoint["version"]!.GetValue<string>(), s_manifest["version"]!.GetValue<string>());
        Assert.Null(s_manifest["delete"]);
        Assert.Equal(["endpointset", "schema"], s_manifest["schema"]!["command"]!["args"]!.AsArray().Select(arg => arg!.GetValue<string>()));
        foreach (string operation in new[] { "get", "set", "test", "export" })
        {
            Assert.Equal("psremotingdsc", s_manifest[operation]!["executable"]!.GetValue<string>());
            Assert.Equal(["endpointset", operation], s_manifest[operation]!["args"]!.AsArray().OfType<JsonValue>().Select(arg => arg.GetValue<string>()));
        }

        Assert.Equal("stateAndDiff", s_manifest["set"]!["return"]!.GetValue<string>());
        Assert.Equal("stateAndDiff", s_manifest["test"]!["return"]!.GetValue<string>());
        Assert.False(s_manifest["set"]!["implementsPretest"]!.GetValue<bool>());
        Assert.Null(s_manifest["set"]!["handlesExist"]);
        Assert.Equal(endpoint["exitCodes"]!.ToJsonString(), s_manifest["exitCodes"]!.ToJsonString());
    }

    [Theory]
    [InlineData("get", false)]
    [InlineData("test", false)]
    [InlineData("set", false)]
    [InlineData("set", true)]
    public void Invoker_BuildsTheCommandLineDscSends(string operation, bool whatIf)
    {
        IReadOnlyList<string> argv = EndpointSetAssert.Invoker().BuildArguments(operation, "{\"versions\":[\"7\"]}", whatIf);

        Assert.Equal(whatIf ? ["endpointset", operation, "--input", "{\"versions\":[\"7\"]}", "--what-if"] : ["endpointset", operation, "--input", "{\"versions\":[\"7\"]}"], argv);
        Assert.NotNull(ContractCommandLine.TryRead([.. argv]));
    }

    [Fact]
    public void ServedSchema_HasNoPatternOrRange_AndAcceptsTheExampleInstances_AndRejectsBadOnes()
    {
        string schema = EndpointSetAssert.ServedSchema.ToJsonString();
        Assert.DoesNotContain("\"pattern\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"minimum\"", schema, StringComparison.Ordinal);

        var instances = Directory.GetFiles(RepositoryPaths.Examples, "*.dsc.yaml")
            .SelectMany(path => ConfigurationDocument.Load(path).Resources())
            .Where(resource => resource.Type == EndpointSetManifest.ResourceType)
            .ToList();
        Assert.NotEmpty(instances);
        Assert.All(instances, instance => Assert.Empty(SchemaValidator.Validate(EndpointSetAssert.InstanceSchema, instance.Properties)));
        Assert.NotEmpty(SchemaValidator.Validate(EndpointSetAssert.InstanceSchema, new JsonObject { ["versions"] = "7" }));
        Assert.NotEmpty(SchemaValidator.Validate(EndpointSetAssert.InstanceSchema, new JsonObject { ["versions"] = new JsonArray("7"), ["name"] = "x" }));
        Assert.NotEmpty(SchemaValidator.Validate(EndpointSetAssert.InstanceSchema, new JsonObject { ["versions"] = new JsonArray("7"), ["_purge"] = "yes" }));
    }

    [Fact]
    public void TestSetTest_ThroughTheManifest_Converges_PurgesOnlyPowerShellEndpoints_AndASecondSetTouchesNothing()
    {
        using var fixture = new ResourceFixture();
        FixtureInstallation.Create(fixture.FixtureRoots, "7.4.6", "7.4");
        string preview = FixtureInstallation.Create(fixture.FixtureRoots, "7.7.0-preview.1", "7-preview");
        string stale = $"Subsystem powershell-old {Path.Join(preview, "pwsh")} -sshs -NoLogo -NoProfile\n";
        string foreign = File.ReadAllText(fixture.ConfigPath);
        File.WriteAllText(fixture.ConfigPath, stale + foreign); // before the Match block: a global definition
        DscCommandInvoker invoker = EndpointSetAssert.Invoker(new Dictionary<string, string> { ["PSREMOTINGDSC_PSHOME_ROOTS"] = fixture.FixtureRoots });
        string input = new JsonObject
        {
            ["versions"] = new JsonArray("7.4", "7-preview"),
            ["transport"] = "ssh",
            ["sshdConfigPath"] = fixture.ConfigPath,
            ["_purge"] = true,
        }.ToJsonString();

        (JsonObject before, string[] differing) = EndpointSetAssert.StateAndDiff("test", invoker.Invoke("test", input));
        Assert.False(before["_inDesiredState"]!.GetValue<bool>());
        Assert.Equal(["versions"], differing);
        Assert.Equal(["7.4", "7-preview"], EndpointSetAssert.Strings(before, "missingVersions"));
        Assert.Equal(["powershell-old"], EndpointSetAssert.Strings(before, "undesiredEndpoints"));

        string original = File.ReadAllText(fixture.ConfigPath);
        (JsonObject planned, _) = EndpointSetAssert.StateAndDiff("set", invoker.Invoke("set", input, whatIf: true));
        Assert.Equal(original, File.ReadAllText(fixture.ConfigPath));
        Assert.Equal(3, planned["_metadata"]!["whatIf"]!.AsArray().Count);
        Assert.Empty(planned["_restartRequired"]!.AsArray());

        (JsonObject after, string[] changed) = EndpointSetAssert.StateAndDiff("set", invoker.Invoke("set", input));
        Assert.Equal(["versions"], changed);
        Assert.Empty(after["reasons"]!.AsArray());
        string written = File.ReadAllText(fixture.ConfigPath);
        Assert.Equal(foreign, string.Concat(written.Split('\n').Where(line => !line.StartsWith("Subsystem powershell-", StringComparison.Ordinal)).Select(line => line + "\n"))[..^1]);
        Assert.DoesNotContain("powershell-old", written, StringComparison.Ordinal);
        Assert.Contains("Subsystem powershell-7.4 ", written, StringComparison.Ordinal);
        Assert.Contains("Subsystem powershell-7-preview ", written, StringComparison.Ordinal);

        File.SetLastWriteTimeUtc(fixture.ConfigPath, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        DateTime stamp = File.GetLastWriteTimeUtc(fixture.ConfigPath);
        (_, string[] nothing) = EndpointSetAssert.StateAndDiff("set", invoker.Invoke("set", input));
        Assert.Empty(nothing);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(fixture.ConfigPath));

        // get output fed back into test is in the desired state; export validates as dsc validates it.
        JsonObject got = EndpointSetAssert.Get(invoker.Invoke("get", input));
        (JsonObject retested, _) = EndpointSetAssert.StateAndDiff("test", invoker.Invoke("test", got.ToJsonString()));
        Assert.True(retested["_inDesiredState"]!.GetValue<bool>());
        DscInvocation export = invoker.Invoke("export", new JsonObject { ["transport"] = "ssh", ["sshdConfigPath"] = fixture.ConfigPath }.ToJsonString());
        ContractAssert.Succeeded(export);
        JsonObject exported = EndpointSetAssert.State("export", Assert.Single(export.StdoutLines));
        Assert.Contains("7.4", EndpointSetAssert.Strings(exported, "versions"));
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData("[]", 2)]
    [InlineData("{}", 3)]
    [InlineData("{\"versions\":\"7\"}", 3)]
    [InlineData("{\"versions\":[\"7\"],\"name\":\"x\"}", 3)]
    [InlineData("{\"versions\":[\"7\"],\"transport\":\"telnet\"}", 3)]
    [InlineData("{\"versions\":[\"seven\"],\"transport\":\"ssh\"}", 3)]
    [InlineData("{\"versions\":[\"7\"],\"_purge\":\"yes\"}", 3)]
    [InlineData("{\"versions\":[\"7\"],\"transport\":\"ssh\",\"sshdConfigPath\":\"relative/sshd_config\"}", 6)]
    public void BadInput_FailsWithItsExitCode_AndChangesNothing(string input, int exitCode)
    {
        DscInvocation run = EndpointSetAssert.Invoker().Invoke("set", input);

        Assert.True(exitCode == run.ExitCode, run.ToString());
        Assert.Empty(run.Stdout);
        Assert.NotEmpty(ContractAssert.Traces(run));
    }

    [SkippableFact]
    public void WSMan_OnLinux_IsUnsupportedPlatform()
    {
        Skip.If(OperatingSystem.IsWindows(), "WSMan exists on Windows.");

        Assert.Equal(7, EndpointSetAssert.Invoker().Invoke("get", "{\"versions\":[\"7\"],\"transport\":\"wsman\"}").ExitCode);
    }
}
