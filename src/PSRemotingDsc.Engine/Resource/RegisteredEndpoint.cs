using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Resource;

/// <summary>A registered endpoint as an endpoint set sees it: its exported state and whether purge may remove it.</summary>
/// <param name="State">The endpoint as <c>PSRemotingDsc/Endpoint</c> exports it, with its drift.</param>
/// <param name="Purgeable">Whether it is a PowerShell 6+ endpoint that purge may remove when no desired version asks for it.</param>
/// <param name="KeptBecause">Why purge never removes it; null when <paramref name="Purgeable"/>.</param>
internal sealed record RegisteredEndpoint(EndpointState State, bool Purgeable, string? KeptBecause);
