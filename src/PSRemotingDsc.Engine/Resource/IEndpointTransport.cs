using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>What a transport tells <see cref="DesiredEndpointBuilder"/> and <see cref="EndpointResource"/>, whatever its observation and plan types.</summary>
internal interface IEndpointTransport
{
    /// <summary>The endpoint name when the instance sets none.</summary>
    string DefaultName(VersionSpec spec);

    /// <summary>The transport's own value checks, before anything is read (names it refuses, protected endpoints, SDDL, quotas).</summary>
    void Check(DesiredEndpoint desired);

    /// <summary>Appended to the trace line that says what the version resolved to.</summary>
    string ResolutionContext { get; }

    OperationResult Get(DesiredEndpoint desired);

    OperationResult Test(DesiredEndpoint desired);

    OperationResult Set(DesiredEndpoint desired, bool whatIf);

    /// <summary>Every PowerShell endpoint of the transport that matches <paramref name="filter"/>, with its drift.</summary>
    IReadOnlyList<EndpointState> Export(ExportFilter filter);

    /// <summary>For the inventory: <see cref="Export"/>, and the registered endpoints that are not PowerShell endpoints.</summary>
    (IReadOnlyList<EndpointState> PowerShell, IReadOnlyList<ForeignEndpoint> Foreign) ExportWithForeign(ExportFilter filter);
}
