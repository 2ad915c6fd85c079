using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Resource;

/// <summary>The endpoints of one transport in a <see cref="MachineInventory"/>.</summary>
/// <param name="Transport">The transport.</param>
/// <param name="Location">Where the endpoints are registered: the sshd_config path, or the WinRM plugin store.</param>
/// <param name="Endpoints">
/// First the default endpoint of every installed major version (<c>7</c>, <c>7-preview</c>) as test sees it, then every
/// other PowerShell endpoint registered; each with <see cref="EndpointState.InDesiredState"/> set.
/// </param>
/// <param name="Problem">Why the section is incomplete (<c>ErrorId: message</c>), or null.</param>
public sealed record InventorySection(Transport Transport, string Location, IReadOnlyList<EndpointState> Endpoints, string? Problem)
{
    /// <summary>
    /// How many of the first <see cref="Endpoints"/> were tested against a desired instance (the default endpoints, or
    /// the instances given to <see cref="EndpointResource.Inventory(string?, IReadOnlyList{EndpointProperties})"/>); the
    /// rest are registered endpoints checked only against their own installation.
    /// </summary>
    public int TestedCount { get; init; }

    /// <summary>The registered endpoints that are not PowerShell endpoints (never in <see cref="Endpoints"/>).</summary>
    public IReadOnlyList<ForeignEndpoint> Foreign { get; init; } = [];
}
