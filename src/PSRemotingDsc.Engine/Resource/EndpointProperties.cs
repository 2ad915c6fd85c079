using PSRemotingDsc.Platform;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The properties of one endpoint instance as the user wrote them. A null member was not set and is
/// therefore not enforced; defaults are applied by <see cref="EndpointResource"/>, not here.
/// </summary>
public sealed record EndpointProperties
{
    public string? Version { get; init; }

    public Transport? Transport { get; init; }

    public string? Name { get; init; }

    public string? PSHome { get; init; }

    public bool? Exist { get; init; }

    public string? SshdConfigPath { get; init; }

    public IReadOnlyList<string>? Arguments { get; init; }

    public RestartPolicy? Restart { get; init; }

    public AccessMode? AccessMode { get; init; }

    public string? SecurityDescriptorSddl { get; init; }

    public string? SessionConfigurationFile { get; init; }

    public bool? RunAsVirtualAccount { get; init; }

    /// <summary>Quotas the user set, keyed by the WinRM attribute name (<c>MaxShellsPerUser</c>).</summary>
    public IReadOnlyDictionary<string, long>? Quotas { get; init; }

    public bool? VerifyConnection { get; init; }

    public bool? Force { get; init; }

    /// <summary>The first property set that only applies to the other transport, or null.</summary>
    public string? PropertyForeignTo(Transport transport) => transport == Resource.Transport.Ssh
        ? (AccessMode is not null ? PropertyNames.AccessMode
            : SecurityDescriptorSddl is not null ? PropertyNames.SecurityDescriptorSddl
            : SessionConfigurationFile is not null ? PropertyNames.SessionConfigurationFile
            : RunAsVirtualAccount is not null ? PropertyNames.RunAsVirtualAccount
            : VerifyConnection is not null ? PropertyNames.VerifyConnection
            : Force is not null ? PropertyNames.Force
            : Quotas is { Count: > 0 } ? PropertyNames.Quotas.First(pair => Quotas.ContainsKey(pair.Value)).Key
            : null)
        : (SshdConfigPath is not null ? PropertyNames.SshdConfigPath
            : Arguments is not null ? PropertyNames.Arguments
            : null);

    public bool ShouldExist => Exist ?? true;
}
