using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// <c>PSRemotingDsc/Endpoint</c>: get, test, set, delete and export of "the remoting endpoint for PowerShell
/// version X is present", over the transport the instance names (default: WSMan on Windows, SSH elsewhere).
/// Every shell (the command resource, the PowerShell module) calls this with typed values; nothing here reads JSON.
/// </summary>
public sealed class EndpointResource
{
    private readonly ResourceEnvironment _environment;
    private readonly DesiredEndpointBuilder _builder;
    private readonly SshTransport _ssh;
    private readonly WSManTransport? _wsman;

    /// <param name="environment">The operating-system ports to work through; <see cref="ResourceEnvironment.CreateDefault"/> for this machine.</param>
    public EndpointResource(ResourceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _builder = new DesiredEndpointBuilder(environment);
        _ssh = new SshTransport(environment);
        _wsman = environment.WSMan is { } wsman ? new WSManTransport(environment, wsman) : null;
    }

    /// <summary>
    /// The endpoint's current state, with the reasons it differs from <paramref name="properties"/>. Changes nothing. A
    /// version that is not installed is state (reason <see cref="Drift.ReasonId.VersionNotInstalled"/>), not an error.
    /// </summary>
    /// <exception cref="PSRemotingDscException">A value is missing or invalid, or the configuration cannot be read.</exception>
    public OperationResult Get(EndpointProperties properties) => Run(properties, readOnly: true, (transport, desired) => transport.Get(desired));

    /// <summary>Like <see cref="Get"/>, with <see cref="EndpointState.InDesiredState"/> set and the differing properties listed.</summary>
    /// <exception cref="PSRemotingDscException">A value is missing or invalid, or the configuration cannot be read.</exception>
    public OperationResult Test(EndpointProperties properties) => Run(properties, readOnly: true, (transport, desired) => transport.Test(desired));

    /// <summary>Brings the endpoint to <paramref name="properties"/>; under <paramref name="whatIf"/> only plans it.</summary>
    /// <returns>The state after the change (predicted under what-if), the properties that changed and the changes.</returns>
    /// <exception cref="PSRemotingDscException">The change was refused or failed; the message says what was left as it was.</exception>
    public OperationResult Set(EndpointProperties properties, bool whatIf) => Run(properties, readOnly: false, (transport, desired) => transport.Set(desired, whatIf));

    /// <summary>Removes the endpoint: <see cref="Set"/> with <c>_exist</c> false.</summary>
    /// <exception cref="PSRemotingDscException">The removal was refused or failed.</exception>
    public OperationResult Delete(EndpointProperties properties, bool whatIf)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return Set(properties with { Exist = false }, whatIf);
    }

    /// <summary>Every PowerShell endpoint of one transport (<paramref name="filter"/>'s, or the default) with its drift; every value set in the filter narrows the list.</summary>
    /// <exception cref="PSRemotingDscException">A filter value is invalid, or the configuration cannot be read.</exception>
    public IReadOnlyList<EndpointState> Export(EndpointProperties? filter)
    {
        filter ??= new EndpointProperties();
        ExportFilter checkedFilter = _builder.BuildFilter(filter);
        return For(_builder.TransportOf(filter)).Export(checkedFilter);
    }

    /// <summary>
    /// The machine's inventory, read-only: every installation, and per transport the default endpoint of every
    /// installed major version (as <see cref="Test"/> sees it) followed by every other PowerShell endpoint registered.
    /// A transport whose configuration cannot be read gets a <see cref="InventorySection.Problem"/> instead of failing the whole inventory.
    /// </summary>
    /// <param name="sshdConfigPath">The sshd_config to read; null for the platform's default.</param>
    public MachineInventory Inventory(string? sshdConfigPath) => Inventory(sshdConfigPath, null);

    /// <summary>
    /// Like <see cref="Inventory(string?)"/>, but each transport's endpoints are first tested against
    /// <paramref name="desired"/> (when given) instead of the default endpoint of every installed major version; every
    /// section also lists the registered endpoints that are not PowerShell's (<see cref="InventorySection.Foreign"/>).
    /// </summary>
    /// <param name="sshdConfigPath">The sshd_config to read; null for the platform's default.</param>
    /// <param name="desired">The desired instances (a configuration document's), or null for the default endpoints.</param>
    /// <exception cref="PSRemotingDscException">A desired instance names a transport this machine does not have, or a property of the other transport.</exception>
    public MachineInventory Inventory(string? sshdConfigPath, IReadOnlyList<EndpointProperties>? desired)
    {
        IReadOnlyList<PowerShellInstallation> installations = _environment.Installations.FindInstallations();
        string configPath = _builder.SshdConfigPathOf(new EndpointProperties { SshdConfigPath = sshdConfigPath });
        var ssh = new EndpointProperties { Transport = Transport.Ssh, SshdConfigPath = configPath };
        var wsmanScope = new EndpointProperties { Transport = Transport.Wsman };
        IReadOnlyList<EndpointProperties>? sshDesired = null;
        IReadOnlyList<EndpointProperties>? wsmanDesired = null;
        if (desired is not null)
        {
            var byTransport = desired.ToLookup(_builder.TransportOf);
            sshDesired = [.. byTransport[Transport.Ssh].Select(properties => properties.SshdConfigPath is null ? properties with { SshdConfigPath = configPath } : properties)];
            wsmanDesired = [.. byTransport[Transport.Wsman]];
        }

        var sections = new List<InventorySection> { Section(installations, configPath, ssh, sshDesired) };
        if (_environment.WSMan is { } wsman)
        {
            sections.Add(Section(installations, wsman.Store.Kind, wsmanScope, wsmanDesired));
        }

        return new MachineInventory(installations, configPath, sections);
    }

    private InventorySection Section(IReadOnlyList<PowerShellInstallation> installations, string location, EndpointProperties scope, IReadOnlyList<EndpointProperties>? desired)
    {
        var rows = new List<EndpointState>();
        IReadOnlyList<ForeignEndpoint> foreign = [];
        try
        {
            desired ??= [.. installations
                .Select(installation => VersionSpec.ForMajorOf(installation.Version))
                .DistinctBy(spec => spec.ToString())
                .Select(spec => scope with { Version = spec.ToString() })];
            foreach (EndpointProperties properties in desired)
            {
                rows.Add(Test(properties).State);
            }

            int testedCount = rows.Count;
            var tested = rows.Select(row => row.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            (IReadOnlyList<EndpointState> exported, foreign) = For(scope.Transport!.Value).ExportWithForeign(_builder.BuildFilter(scope));
            rows.AddRange(exported
                .Where(state => !tested.Contains(state.Name))
                .Select(state => state with { InDesiredState = state.Reasons.Count == 0 }));
            return new InventorySection(scope.Transport!.Value, location, rows, null) { TestedCount = testedCount, Foreign = foreign };
        }
        catch (PSRemotingDscException ex)
        {
            return new InventorySection(scope.Transport!.Value, location, rows, $"{ex.ErrorId}: {ex.Message}") { TestedCount = rows.Count, Foreign = foreign };
        }
    }

    private OperationResult Run(EndpointProperties properties, bool readOnly, Func<IEndpointTransport, DesiredEndpoint, OperationResult> operation)
    {
        DesiredEndpoint desired = _builder.Build(properties, For, readOnly);
        return operation(For(desired.Transport), desired);
    }

    private IEndpointTransport For(Transport transport) => transport == Transport.Ssh ? _ssh : _wsman!;
}
