using System.Reflection;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.Endpoints;

/// <summary>Each property is declared once, and its declaration is bound to the member that holds it.</summary>
public sealed class EndpointContractTests
{
    public static TheoryData<string> SettableNames() => [.. EndpointContract.Settable.Select(property => property.Name)];

    public static TheoryData<string> ReportedNames() => [.. EndpointContract.All.Where(property => !property.IsSettable).Select(property => property.Name)];

    [Fact]
    public void Names_AreUnique()
    {
        Assert.Equal(EndpointContract.All.Count, EndpointContract.All.Select(property => property.Name).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Setting one property sets exactly that property: no two declarations share a member, none reads the wrong one.</summary>
    [Theory]
    [MemberData(nameof(SettableNames))]
    public void WithValue_SetsOnlyItsOwnProperty_AndValueOfReadsItBack(string name)
    {
        PropertyDeclaration property = EndpointContract.Find(name)!;
        object value = SampleValue(property);

        EndpointProperties properties = property.WithValue(new EndpointProperties(), value);

        Assert.Equal(value, property.ValueOf(properties));
        Assert.All(EndpointContract.Settable.Where(other => other != property), other => Assert.Null(other.ValueOf(properties)));
    }

    /// <summary>Every member of <see cref="EndpointSettings"/> is declared; the quotas dictionary by one declaration per WinRM quota.</summary>
    [Fact]
    public void EverySettingsMember_IsDeclared()
    {
        var members = typeof(EndpointSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(member => member.DeclaringType == typeof(EndpointSettings))
            .Select(member => member.Name)
            .ToHashSet(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (PropertyDeclaration property in EndpointContract.Settable)
        {
            EndpointProperties properties = property.WithValue(new EndpointProperties(), SampleValue(property));
            declared.UnionWith(typeof(EndpointSettings).GetProperties().Where(member => member.DeclaringType == typeof(EndpointSettings) && member.GetValue(properties) is not null).Select(member => member.Name));
        }

        Assert.Equal(members.Order(), declared.Order());
    }

    /// <summary>Every member <see cref="EndpointState"/> adds is reported by a read-only declaration.</summary>
    [Fact]
    public void EveryStateMember_IsDeclared()
    {
        var state = new EndpointState
        {
            PluginPath = "p",
            ResolvedVersion = "7.6.9",
            ResolvedPSHome = "/opt/microsoft/powershell/7",
            Reasons = [Reason.Create(ReasonId.Missing, "missing", "_exist")],
            InDesiredState = false,
            RestartRequired = ["sshd"],
            ReloadOutcome = "reloaded",
            ExportName = "e",
        };
        int members = typeof(EndpointState).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length;

        Assert.Equal(members, EndpointContract.All.Count(property => !property.IsSettable && property.ValueOf(state) is not null));
    }

    [Theory]
    [MemberData(nameof(ReportedNames))]
    public void ReadOnlyProperties_CannotBeSet(string name) =>
        Assert.Throws<InvalidOperationException>(() => EndpointContract.Find(name)!.WithValue(new EndpointProperties(), "x"));

    [Fact]
    public void Enumerations_CoverEveryValueOfTheirType()
    {
        Assert.Equal(Enum.GetValues<Transport>().Cast<object>().Order(), EndpointContract.Transport.Values.Select(pair => pair.Value).Order());
        Assert.Equal(Enum.GetValues<RestartPolicy>().Cast<object>().Order(), EndpointContract.Restart.Values.Select(pair => pair.Value).Order());
        Assert.Equal(Enum.GetValues<AccessMode>().Cast<object>().Order(), EndpointContract.AccessMode.Values.Select(pair => pair.Value).Order());
        Assert.All(EndpointContract.All.Where(property => property.Kind == PropertyKind.Enumeration), property => Assert.NotNull(property.InvalidValueError));
    }

    /// <summary>
    /// The quota declarations are WinRM's quotas, with the lower bounds of New-PSTransportOption's [ValidateRange]
    /// (NewPSSessionConfigurationOptionCommand.cs: timeouts 60 s = 60000 ms, memory 5 MB, counts 1) and int.MaxValue above.
    /// </summary>
    [Fact]
    public void Quotas_AreWinRMsQuotas_WithTheRangesPowerShellValidates()
    {
        Assert.Equal(PluginQuotas.Names.Order(), EndpointContract.Quotas.Select(property => property.WinRMQuota!).Order());
        Assert.Equal(
            ["IdleTimeoutms=60000", "MaxConcurrentCommandsPerShell=1", "MaxConcurrentUsers=1", "MaxIdleTimeoutms=60000", "MaxMemoryPerShellMB=5", "MaxProcessesPerShell=1", "MaxShells=1", "MaxShellsPerUser=1"],
            EndpointContract.Quotas.Select(property => $"{property.WinRMQuota}={property.Minimum}").Order());
        Assert.All(EndpointContract.Quotas, property => Assert.Equal(int.MaxValue, property.Maximum));
    }

    [Fact]
    public void PropertyForeignTo_NamesTheFirstPropertyOfTheOtherTransport()
    {
        var properties = new EndpointProperties { Version = "7", Arguments = ["-x"], Force = true };

        Assert.Equal(EndpointContract.Arguments, properties.PropertyForeignTo(Transport.Wsman));
        Assert.Equal(EndpointContract.Force, properties.PropertyForeignTo(Transport.Ssh));
        Assert.Null(new EndpointProperties { Version = "7" }.PropertyForeignTo(Transport.Ssh));
    }

    internal static object SampleValue(PropertyDeclaration property) => property.Kind switch
    {
        PropertyKind.Text => property.Name == "version" ? "7.4" : "/opt/x.pssc",
        PropertyKind.Boolean => true,
        PropertyKind.Number => property.Minimum!.Value + 1,
        PropertyKind.Enumeration => property.Values[^1].Value,
        PropertyKind.StringList => new[] { "-a", "b" },
        _ => throw new ArgumentOutOfRangeException(nameof(property), property.Kind, "not settable"),
    };
}
