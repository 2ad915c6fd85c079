using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests;

/// <summary>The example documents are valid DSC v3 configurations and converge, driven as dsc drives them.</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string> Documents() =>
        [.. Directory.GetFiles(RepositoryPaths.Examples, "*.dsc.yaml").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Example_IsAValidConfigurationDocument_WhoseEndpointsMatchTheInstanceSchema(string file)
    {
        var document = ConfigurationDocument.Load(Path.Combine(RepositoryPaths.Examples, file));

        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Published("document"), document.Root));
        var endpoints = document.Resources().Where(resource => resource.Type == "PSRemotingDsc/Endpoint").ToList();
        var sets = document.Resources().Where(resource => resource.Type == "PSRemotingDsc/EndpointSet").ToList();
        Assert.NotEmpty(endpoints.Concat(sets));
        Assert.All(endpoints, endpoint => Assert.Empty(SchemaValidator.Validate(Contract.ContractAssert.InstanceSchema, endpoint.Properties)));
        Assert.All(sets, set => Assert.Empty(SchemaValidator.Validate(EndpointSet.EndpointSetAssert.InstanceSchema, set.Properties)));
    }

    [Fact]
    public void EndpointSetExample_Converges_WithConfigTestThenSetThenTest()
    {
        using var fixture = new ResourceFixture();
        FixtureInstallation.Create(fixture.FixtureRoots, "7.6.9", "7");
        FixtureInstallation.Create(fixture.FixtureRoots, "7.7.0-preview.1", "7-preview");
        var document = ConfigurationDocument.Load(Path.Combine(RepositoryPaths.Examples, "endpoint-set.dsc.yaml"));
        (_, string type, JsonObject properties) = Assert.Single(document.Resources(new Dictionary<string, string> { ["sshdConfigPath"] = fixture.ConfigPath }));
        Assert.Equal("PSRemotingDsc/EndpointSet", type);
        DscCommandInvoker invoker = EndpointSet.EndpointSetAssert.Invoker(new Dictionary<string, string> { ["PSREMOTINGDSC_PSHOME_ROOTS"] = fixture.FixtureRoots });

        (JsonObject before, _) = EndpointSet.EndpointSetAssert.StateAndDiff("test", invoker.Invoke("test", properties.ToJsonString()));
        Assert.False(before["_inDesiredState"]!.GetValue<bool>());
        (_, string[] changed) = EndpointSet.EndpointSetAssert.StateAndDiff("set", invoker.Invoke("set", properties.ToJsonString()));
        Assert.Equal(["versions"], changed);
        (JsonObject after, _) = EndpointSet.EndpointSetAssert.StateAndDiff("test", invoker.Invoke("test", properties.ToJsonString()));
        Assert.True(after["_inDesiredState"]!.GetValue<bool>());
        Assert.Contains("Subsystem powershell-7-preview ", File.ReadAllText(fixture.ConfigPath), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SshEndpointExample_Converges_WithConfigTestThenSetThenTest()
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        using var fixture = new ResourceFixture();
        var document = ConfigurationDocument.Load(Path.Combine(RepositoryPaths.Examples, "ssh-endpoint.dsc.yaml"));
        (_, _, JsonObject properties) = Assert.Single(document.Resources(new Dictionary<string, string> { ["sshdConfigPath"] = fixture.ConfigPath }));

        // dsc config set: test first (implementsPretest is false), then set only when out of desired state.
        (JsonObject before, _) = Contract.ContractAssert.StateAndDiff("test", fixture.Invoker.Invoke("test", properties.ToJsonString()));
        Assert.False(before["_inDesiredState"]!.GetValue<bool>());
        (_, string[] changed) = Contract.ContractAssert.StateAndDiff("set", fixture.Invoker.Invoke("set", properties.ToJsonString()));
        Assert.Equal(["_exist"], changed);
        (JsonObject after, _) = Contract.ContractAssert.StateAndDiff("test", fixture.Invoker.Invoke("test", properties.ToJsonString()));
        Assert.True(after["_inDesiredState"]!.GetValue<bool>());
        Assert.Contains("Subsystem powershell-7 ", File.ReadAllText(fixture.ConfigPath), StringComparison.Ordinal);
    }
}
