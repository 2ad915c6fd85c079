using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>The reader, the schema and the state writer are derived from one declaration per property (EndpointContract).</summary>
public sealed class ContractRoundTripTests
{
    public static TheoryData<string> ReportedSettableNames() =>
        [.. EndpointContract.Settable.Where(property => property.Access == PropertyAccess.ReadWrite).Select(property => property.Name)];

    /// <summary>What the state writer prints for a property, the reader reads back as the same typed value: get output fed to test is the same instance.</summary>
    [Theory]
    [MemberData(nameof(ReportedSettableNames))]
    public void StateWriterAndReader_RoundTripEveryReportedProperty(string name)
    {
        PropertyDeclaration property = EndpointContract.Find(name)!;
        object value = Sample(property);
        var state = new EndpointState { Transport = Transport.Wsman, Name = "PowerShell.7", Exist = true };
        state = (EndpointState)property.WithValue(state, value);

        EndpointProperties read = EndpointPropertiesReader.Read(StateJson.Serialize(state));

        Assert.Equal(value, property.ValueOf(read));
    }

    [Fact]
    public void Schema_ListsEveryDeclaredProperty_InDeclarationOrder()
    {
        var schemaProperties = InstanceSchema.Build()["properties"]!.AsObject().Select(pair => pair.Key);

        Assert.Equal(EndpointContract.All.Select(property => property.Name), schemaProperties);
    }

    [Fact]
    public void WriteOnlyProperties_AreNeverWritten()
    {
        var state = new EndpointState { Transport = Transport.Ssh, Name = "powershell-7", Exist = true, Restart = Platform.RestartPolicy.Always, Force = true };

        string json = StateJson.Serialize(state);

        Assert.DoesNotContain("\"restart\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"force\"", json, StringComparison.Ordinal);
    }

    private static object Sample(PropertyDeclaration property) => property.Kind switch
    {
        PropertyKind.Text => property.Name == "version" ? "7.4" : "/opt/x.pssc",
        PropertyKind.Boolean => false,
        PropertyKind.Number => property.Maximum!.Value,
        PropertyKind.Enumeration => property.Values[0].Value,
        PropertyKind.StringList => new[] { "-ConfigurationFile", "/etc/jea.pssc" },
        _ => throw new ArgumentOutOfRangeException(nameof(property), property.Kind, "not settable"),
    };
}
