using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The one place an instance's values are checked and its defaults applied: value rules from
/// <see cref="EndpointContract"/>, the transport's own rules, <c>version</c> parsed once, the installation resolved once.
/// </summary>
internal sealed class DesiredEndpointBuilder
{
    private readonly ResourceEnvironment _environment;
    private readonly InstallationResolver _resolver;

    public DesiredEndpointBuilder(ResourceEnvironment environment)
    {
        _environment = environment;
        _resolver = new InstallationResolver(environment.Installations);
    }

    /// <summary>The transport an instance names, or the platform's default; checked against the properties set.</summary>
    public Transport TransportOf(EndpointProperties properties)
    {
        Transport transport = properties.Transport ?? (_environment.IsWindows ? Transport.Wsman : Transport.Ssh);
        if (transport == Transport.Wsman && _environment.WSMan is null)
        {
            throw new PSRemotingDscException(ErrorIds.WSManTransportUnsupported,
                "WSMan remoting endpoints exist only on Windows (PowerShell does not support WSMan remoting to Linux or macOS); set \"transport\": \"ssh\".");
        }

        if (properties.PropertyForeignTo(transport) is { } misplaced)
        {
            throw new PSRemotingDscException(ErrorIds.PropertyNotForTransport,
                $"Property '{misplaced.Name}' does not apply to transport '{EndpointContract.Transport.WireValue(transport)}'. Remove it or set the other transport.");
        }

        return transport;
    }

    /// <summary>The sshd_config an instance names, or the platform's default.</summary>
    public string SshdConfigPathOf(EndpointSettings properties) => properties.SshdConfigPath ?? _environment.DefaultSshdConfigPath;

    /// <summary>The checked filter an export instance describes (every property optional).</summary>
    public ExportFilter BuildFilter(EndpointProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        EndpointContract.CheckValues(properties);
        return new ExportFilter(properties, properties.Version is null ? null : VersionSpec.Parse(properties.Version), SshdConfigPathOf(properties));
    }

    /// <summary>The checked, defaulted and resolved endpoint <paramref name="properties"/> ask for.</summary>
    /// <param name="properties">The instance as written.</param>
    /// <param name="transports">Gives the transport's default name and its own checks.</param>
    /// <param name="readOnly">
    /// For get and test: a version that is not installed becomes <see cref="DesiredEndpoint.NotInstalled"/> instead of an
    /// error, so dsc goes on to the configuration's other instances (it stops at the first failing one).
    /// </param>
    /// <exception cref="PSRemotingDscException">A value is missing, unsafe or contradictory, or the version is not installed and the endpoint should exist.</exception>
    public DesiredEndpoint Build(EndpointProperties properties, Func<Transport, IEndpointTransport> transports, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(properties);
        EndpointContract.CheckValues(properties);
        if (properties.Version is null)
        {
            throw new PSRemotingDscException(ErrorIds.VersionRequired,
                "Property 'version' is required: the PowerShell version whose endpoint this is, e.g. \"7\", \"7.4\", \"7-preview\" or \"7.4.6\".");
        }

        Transport transport = TransportOf(properties);
        VersionSpec spec = VersionSpec.Parse(properties.Version);
        IEndpointTransport owner = transports(transport);
        var desired = new DesiredEndpoint(
            properties,
            spec,
            transport,
            properties.Name ?? owner.DefaultName(spec),
            properties.Restart ?? RestartPolicy.IfNeeded,
            transport == Transport.Ssh ? SshdConfigPathOf(properties) : null,
            Installation: null);
        owner.Check(desired);
        try
        {
            desired = desired with { Installation = Resolve(spec, properties) };
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.VersionNotFound && readOnly)
        {
            desired = desired with { NotInstalled = ex.Message };
        }

        if (desired.Installation is { IsInPackageCache: true } cached && desired.Exist && !readOnly)
        {
            _environment.Trace.Write(TraceLevel.Warn,
                $"PowerShell {cached.Version} in '{cached.PSHome}' is a dotnet local tool in the NuGet package cache, the only installation matching '{spec}': clearing the cache breaks this endpoint. Install PowerShell (package or archive) and run set again.");
        }

        _environment.Trace.Write(TraceLevel.Debug, desired.Installation is { } installation
            ? $"Version '{spec}' resolves to PowerShell {installation.Version} in '{installation.PSHome}' ({installation.Origin}){owner.ResolutionContext}."
            : $"Version '{spec}' is not installed; endpoint '{desired.Name}' is only checked for absence.");
        return desired;
    }

    /// <summary>Removing the endpoint of an uninstalled version needs no installation: it is found by name.</summary>
    private PowerShellInstallation? Resolve(VersionSpec spec, EndpointProperties properties)
    {
        try
        {
            return _resolver.Resolve(spec, properties.PSHome);
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.VersionNotFound && !properties.ShouldExist)
        {
            return null;
        }
    }
}
