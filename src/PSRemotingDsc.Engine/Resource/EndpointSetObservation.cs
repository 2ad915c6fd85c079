using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Resource;

/// <summary>What a transport sees for an endpoint set: each desired endpoint with its drift, and every registered endpoint.</summary>
/// <param name="Versions">Each desired endpoint with the reasons it is not in the desired state (empty when it is).</param>
/// <param name="Registered">Every PowerShell endpoint registered on the transport.</param>
internal sealed record EndpointSetObservation(
    IReadOnlyList<(DesiredEndpoint Desired, IReadOnlyList<Reason> Reasons)> Versions,
    IReadOnlyList<RegisteredEndpoint> Registered);
