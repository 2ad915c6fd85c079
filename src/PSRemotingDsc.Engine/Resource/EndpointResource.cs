using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Resource;

/// <summary>
/// <c>PSRemotingDsc/Endpoint</c>: get, test, set, delete and export of "the remoting endpoint for PowerShell
/// version X is present", over the transport the instance names (default: WSMan on Windows, SSH elsewhere).
/// </summary>
public sealed class EndpointResource
{
    private readonly ResourceEnvironment _environment;
    private readonly SshEndpointOperations _ssh;
    private readonly WSManEndpointOperations? _wsman;

    public EndpointResource(ResourceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _ssh = new SshEndpointOperations(environment);
        _wsman = environment.WSMan is { } wsman ? new WSManEndpointOperations(environment, wsman) : null;
    }

    public OperationResult Get(EndpointProperties properties) => For(RequireVersion(properties)).Get(properties);

    public OperationResult Test(EndpointProperties properties) => For(RequireVersion(properties)).Test(properties);

    public OperationResult Set(EndpointProperties properties, bool whatIf) => For(RequireVersion(properties)).Set(properties, whatIf);

    public OperationResult Delete(EndpointProperties properties, bool whatIf)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return Set(properties with { Exist = false }, whatIf);
    }

    public IReadOnlyList<EndpointState> Export(EndpointProperties? filter)
    {
        filter ??= new EndpointProperties();
        return For(filter).Export(filter);
    }

    private IEndpointOperations For(EndpointProperties properties)
    {
        Transport transport = properties.Transport ?? (_environment.IsWindows ? Transport.Wsman : Transport.Ssh);
        if (transport == Transport.Wsman && _wsman is null)
        {
            throw new PSRemotingDscException(ErrorIds.WSManTransportUnsupported,
                "WSMan remoting endpoints exist only on Windows (PowerShell does not support WSMan remoting to Linux or macOS); set \"transport\": \"ssh\".");
        }

        if (properties.PropertyForeignTo(transport) is { } misplaced)
        {
            throw new PSRemotingDscException(ErrorIds.PropertyNotForTransport,
                $"Property '{misplaced}' does not apply to transport '{(transport == Transport.Ssh ? "ssh" : "wsman")}'. Remove it or set the other transport.");
        }

        return transport == Transport.Ssh ? _ssh : _wsman!;
    }

    private static EndpointProperties RequireVersion(EndpointProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.Version is not null
            ? properties
            : throw new PSRemotingDscException(ErrorIds.VersionRequired,
                "Property 'version' is required: the PowerShell version whose endpoint this is, e.g. \"7\", \"7.4\", \"7-preview\" or \"7.4.6\".");
    }
}
