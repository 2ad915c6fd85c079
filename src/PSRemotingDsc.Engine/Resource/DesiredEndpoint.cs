using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The endpoint an instance asks for, built once by <see cref="DesiredEndpointBuilder"/>: every value checked, every
/// default applied, <c>version</c> parsed and resolved to an installation.
/// </summary>
/// <param name="Properties">The properties as the user wrote them (what is enforced is what is set).</param>
/// <param name="Spec">The parsed <c>version</c>.</param>
/// <param name="Transport">The transport, defaulted.</param>
/// <param name="Name">The endpoint name, defaulted.</param>
/// <param name="Restart">The restart policy, defaulted.</param>
/// <param name="SshdConfigPath">SSH: the sshd_config file, defaulted; null for WSMan.</param>
/// <param name="Installation">The installation <c>version</c> (and <c>pshome</c>) resolve to; null only when the
/// endpoint should not exist and the version is not installed (it is then found by name), or for get and test.</param>
/// <param name="NotInstalled">For get and test: why no installation matches (the resolver's message), reported as a reason.</param>
internal sealed record DesiredEndpoint(
    EndpointProperties Properties,
    VersionSpec Spec,
    Transport Transport,
    string Name,
    RestartPolicy Restart,
    string? SshdConfigPath,
    PowerShellInstallation? Installation,
    string? NotInstalled = null)
{
    public bool Exist => Properties.ShouldExist;
}
