using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>Which endpoints export lists: every value set narrows the list.</summary>
/// <param name="Properties">The filter as written: <c>name</c> and <c>pshome</c> narrow the list.</param>
/// <param name="Spec">The parsed <c>version</c>: only endpoints bound to an installation it matches.</param>
/// <param name="SshdConfigPath">SSH: the sshd_config to read, defaulted.</param>
internal sealed record ExportFilter(EndpointProperties Properties, VersionSpec? Spec, string SshdConfigPath)
{
    public string? Name => Properties.Name;

    public string? PSHome => Properties.PSHome;

    /// <summary>Whether an endpoint bound to <paramref name="installation"/> passes the version and pshome filters.</summary>
    public bool Admits(PowerShellInstallation? installation) =>
        (Spec is null || (installation is not null && Spec.Matches(installation.Version)))
        && (PSHome is null || (installation is not null && PathIdentity.SameDirectory(installation.PSHome, PSHome)));
}
