using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Resource;

/// <summary>
/// A <c>PSRemotingDsc/EndpointSet</c> instance as the user wrote it: the PowerShell versions whose default endpoints
/// should be present on one transport and whether every other PowerShell 6+ endpoint there should be removed. A null
/// member was not set.
/// </summary>
public sealed record EndpointSetProperties
{
    /// <summary>The version specs (each like <c>PSRemotingDsc/Endpoint</c>'s <c>version</c>) whose default endpoint should be present.</summary>
    public IReadOnlyList<string>? Versions { get; init; }

    /// <summary>The transport; null means the platform's default.</summary>
    public Transport? Transport { get; init; }

    /// <summary>SSH: the sshd_config file; null means the platform's default.</summary>
    public string? SshdConfigPath { get; init; }

    /// <summary>Whether PowerShell 6+ endpoints not desired are removed (<c>_purge</c>); null means false.</summary>
    public bool? Purge { get; init; }

    /// <summary><see cref="Purge"/>, false when unset.</summary>
    public bool ShouldPurge => Purge ?? false;
}
