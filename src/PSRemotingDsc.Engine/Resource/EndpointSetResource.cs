using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// <c>PSRemotingDsc/EndpointSet</c>: "on this transport, the default endpoint of each of these PowerShell versions is
/// present (and, with purge, no other PowerShell 6+ endpoint is)". Each version's endpoint is the one
/// <c>PSRemotingDsc/Endpoint</c> with only that <c>version</c> describes (default name, bound to the highest matching
/// installation). Set brings the whole set to the desired state in one process: over SSH in one locked
/// read-modify-write of sshd_config with one write per file and one reload. Purge never touches
/// <c>Microsoft.PowerShell*</c>, Windows PowerShell, or anything that does not start pwsh (<see cref="EndpointSetRules"/>).
/// </summary>
public sealed class EndpointSetResource
{
    private readonly DesiredEndpointBuilder _builder;
    private readonly SshTransport _ssh;
    private readonly WSManTransport? _wsman;

    /// <param name="environment">The operating-system ports to work through; <see cref="ResourceEnvironment.CreateDefault"/> for this machine.</param>
    public EndpointSetResource(ResourceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _builder = new DesiredEndpointBuilder(environment);
        _ssh = new SshTransport(environment);
        _wsman = environment.WSMan is { } wsman ? new WSManTransport(environment, wsman) : null;
    }

    /// <summary>The registered endpoints and what differs from <paramref name="properties"/>. Changes nothing; an uninstalled version is a reason, not an error.</summary>
    /// <exception cref="PSRemotingDscException">A value is missing or invalid, or the configuration cannot be read.</exception>
    public EndpointSetResult Get(EndpointSetProperties properties)
    {
        Scope scope = Build(properties, readOnly: true);
        return new EndpointSetResult(State(scope, Observe(scope)), [], [], 0);
    }

    /// <summary>Like <see cref="Get"/>, with <see cref="EndpointSetState.InDesiredState"/> set and <c>versions</c> listed as differing when anything does.</summary>
    /// <exception cref="PSRemotingDscException">A value is missing or invalid, or the configuration cannot be read.</exception>
    public EndpointSetResult Test(EndpointSetProperties properties)
    {
        Scope scope = Build(properties, readOnly: true);
        EndpointSetState state = State(scope, Observe(scope));
        return new EndpointSetResult(state with { InDesiredState = state.Reasons.Count == 0 }, state.Reasons.Count == 0 ? [] : ["versions"], [], 0);
    }

    /// <summary>Creates or repairs every desired endpoint and, with <c>_purge</c>, removes the PowerShell 6+ endpoints not desired; under <paramref name="whatIf"/> only plans it.</summary>
    /// <returns>The state after the change (predicted under what-if), <c>versions</c> when anything changed, the changes, and how many files were written.</returns>
    /// <exception cref="PSRemotingDscException">A version is not installed, or a change was refused or failed; over SSH nothing was written then.</exception>
    public EndpointSetResult Set(EndpointSetProperties properties, bool whatIf)
    {
        Scope scope = Build(properties, readOnly: false);
        EndpointSetApplied applied = scope.Transport == Transport.Ssh
            ? _ssh.ApplySet(scope.SshdConfigPath!, properties.SshdConfigPath is not null, scope.Desired, properties.ShouldPurge, whatIf)
            : _wsman!.ApplySet(scope.Desired, properties.ShouldPurge, whatIf);
        EndpointSetState state = applied.After is { } after
            ? State(scope, after)
            : new EndpointSetState { Versions = scope.Versions, Transport = scope.Transport, Purge = properties.ShouldPurge };
        state = state with
        {
            RestartRequired = whatIf ? [] : applied.RestartRequired,
            ReloadOutcome = applied.ReloadOutcome,
        };
        return new EndpointSetResult(state, applied.Changes.Count == 0 ? [] : ["versions"], applied.Changes, applied.Writes);
    }

    /// <summary>
    /// Every PowerShell endpoint of one transport (<paramref name="filter"/>'s <c>transport</c> and <c>sshdConfigPath</c>,
    /// or the defaults) as one set instance whose <c>versions</c> are the specs of the endpoints that carry a default name.
    /// </summary>
    /// <exception cref="PSRemotingDscException">A filter value is invalid, or the configuration cannot be read.</exception>
    public IReadOnlyList<EndpointSetState> Export(EndpointSetProperties? filter)
    {
        filter ??= new EndpointSetProperties();
        Scope scope = Build(filter with { Versions = filter.Versions ?? [] }, readOnly: true);
        EndpointSetObservation observation = Observe(scope);
        IEndpointTransport transport = For(scope.Transport);
        var versions = new List<string>();
        var undesired = new List<string>();
        foreach (RegisteredEndpoint registered in observation.Registered)
        {
            string? spec = SpecNamed(registered.State.Name!, transport);
            if (spec is not null && !versions.Contains(spec, StringComparer.Ordinal))
            {
                versions.Add(spec);
            }
            else if (spec is null && registered.Purgeable)
            {
                undesired.Add(registered.State.Name!);
            }
        }

        return [State(scope, observation) with
        {
            Versions = versions,
            MissingVersions = [],
            UndesiredEndpoints = undesired,
            Reasons = [],
            ExportName = EndpointContract.Transport.WireValue(scope.Transport),
        }];
    }

    private static string? SpecNamed(string name, IEndpointTransport transport)
    {
        int separator = name.IndexOfAny(['-', '.']);
        return separator > 0 && VersionSpec.TryParse(name[(separator + 1)..], out VersionSpec? spec, out _)
            && string.Equals(transport.DefaultName(spec), name, StringComparison.OrdinalIgnoreCase)
            ? spec.ToString()
            : null;
    }

    private Scope Build(EndpointSetProperties properties, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (properties.Versions is null)
        {
            throw new PSRemotingDscException(ErrorIds.VersionsRequired,
                "Property 'versions' is required: the PowerShell version specs whose endpoints should be present, e.g. [\"7\", \"7-preview\"].");
        }

        var scopeProperties = new EndpointProperties { Transport = properties.Transport, SshdConfigPath = properties.SshdConfigPath };
        EndpointContract.CheckValues(scopeProperties);
        Transport transport = _builder.TransportOf(scopeProperties);
        var desired = new List<DesiredEndpoint>();
        foreach (string version in properties.Versions.Distinct(StringComparer.Ordinal))
        {
            DesiredEndpoint endpoint = _builder.Build(scopeProperties with { Version = version }, For, readOnly);
            if (!desired.Any(other => string.Equals(other.Name, endpoint.Name, StringComparison.OrdinalIgnoreCase)))
            {
                desired.Add(endpoint);
            }
        }

        return new Scope(properties, transport, transport == Transport.Ssh ? _builder.SshdConfigPathOf(scopeProperties) : null, desired);
    }

    private EndpointSetObservation Observe(Scope scope) => scope.Transport == Transport.Ssh
        ? _ssh.ObserveSet(scope.SshdConfigPath!, scope.Properties.SshdConfigPath is not null, scope.Desired)
        : _wsman!.ObserveSet(scope.Desired);

    /// <summary>The state: a desired version is missing when its endpoint has drift; an endpoint is undesired when purge may remove it and no version asks for it.</summary>
    private static EndpointSetState State(Scope scope, EndpointSetObservation observation)
    {
        var reasons = new List<Reason>();
        var missing = new List<string>();
        foreach ((DesiredEndpoint desired, IReadOnlyList<Reason> endpointReasons) in observation.Versions.Where(version => version.Reasons.Count > 0))
        {
            missing.Add(desired.Properties.Version!);
            reasons.AddRange(endpointReasons.Select(reason => EndpointSetRules.Create(
                IdOf(reason), $"Version '{desired.Properties.Version}', endpoint '{desired.Name}': {reason.Phrase}")));
        }

        var wanted = scope.Desired.Select(desired => desired.Name).ToHashSet(scope.Transport == Transport.Ssh ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        string[] undesired = [.. observation.Registered.Where(registered => registered.Purgeable && !wanted.Contains(registered.State.Name!)).Select(registered => registered.State.Name!)];
        if (scope.Properties.ShouldPurge)
        {
            reasons.AddRange(undesired.Select(name => EndpointSetRules.Create(ReasonId.Unexpected,
                $"Endpoint '{name}' is a PowerShell 6+ endpoint that no desired version asks for; set removes it (_purge is true).")));
        }

        return new EndpointSetState
        {
            Versions = scope.Versions,
            Transport = scope.Transport,
            SshdConfigPath = scope.SshdConfigPath,
            Purge = scope.Properties.ShouldPurge,
            Endpoints = [.. observation.Registered.Select(registered => registered.State)],
            MissingVersions = missing,
            UndesiredEndpoints = undesired,
            Reasons = reasons,
        };
    }

    private static ReasonId IdOf(Reason reason) =>
        Enum.TryParse(reason.Code.AsSpan(Reason.CodePrefix.Length), out ReasonId id) && reason.Code.StartsWith(Reason.CodePrefix, StringComparison.Ordinal) ? id : ReasonId.Missing;

    private IEndpointTransport For(Transport transport) => transport == Transport.Ssh ? _ssh : _wsman!;

    /// <summary>One instance, checked and defaulted: the transport, its sshd_config, and the desired endpoints (one per distinct name).</summary>
    private sealed record Scope(EndpointSetProperties Properties, Transport Transport, string? SshdConfigPath, IReadOnlyList<DesiredEndpoint> Desired)
    {
        public IReadOnlyList<string> Versions => Properties.Versions ?? [];
    }
}
