using PSRemotingDsc.Ssh;

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

    public bool ShouldExist => Exist ?? true;
}
