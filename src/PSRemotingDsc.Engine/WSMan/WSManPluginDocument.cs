using PSRemotingDsc.Endpoints;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// The plugin documents for a desired endpoint: the whole document PowerShell would register, the sparse one that
/// holds only what is enforced, and the repair of an existing document that keeps everything else the user had.
/// </summary>
public static class WSManPluginDocument
{
    /// <summary>The initialization parameter that names a session configuration file (.pssc), as Register-PSSessionConfiguration writes it.</summary>
    public const string ConfigFilePathParameter = "configfilepath";

    /// <summary>What Register-PSSessionConfiguration + Enable-PSRemoting would write, with the user's settings applied.</summary>
    public static PluginConfiguration New(WSManEndpointDesired desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var installation = desired.Installation ?? throw new ArgumentException("A new endpoint needs an installation.", nameof(desired));
        (string sddl, bool enabled) = Security(desired, SddlParser.Parse(desired.SecurityDescriptorSddl ?? DefaultSddl.Remote));
        var quotas = PluginQuotas.CreateEnablePSRemotingDefaults();
        foreach ((string name, long value) in desired.Quotas ?? new Dictionary<string, long>())
        {
            quotas[name] = value;
        }

        PluginConfiguration document = DefaultPluginConfiguration.Create(desired.Name, installation.Version, quotas, sddl);
        document.Enabled = enabled ? "True" : "False";
        ApplySettings(document, desired);
        return document;
    }

    /// <summary>Only the enforced parts: PSVersion, ResourceUri and what the user set (no Filename, no security: compared apart).</summary>
    public static PluginConfiguration Enforced(WSManEndpointDesired desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var document = new PluginConfiguration(desired.Name);
        if (desired.Installation is not null)
        {
            document.InitializationParameters.PSVersion = EndpointNaming.PSVersionParameter(desired.Installation.Version);
        }

        document.Resources.Add(new PluginResource(EndpointNaming.ResourceUri(desired.Name)));
        if (desired.Quotas is { Count: > 0 })
        {
            document.Quotas = new PluginQuotas();
            foreach ((string name, long value) in desired.Quotas)
            {
                document.Quotas[name] = value;
            }
        }

        ApplySettings(document, desired);
        return document;
    }

    /// <summary>The actual document with everything enforced set to the desired value; the rest (extra parameters, RunAsUser...) kept.</summary>
    public static PluginConfiguration Repair(PluginConfiguration actual, WSManEndpointDesired desired)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(desired);
        var installation = desired.Installation ?? throw new ArgumentException("A repair needs an installation.", nameof(desired));
        PluginConfiguration repaired = PluginConfiguration.Parse(actual.ToXml(), $"plugin '{actual.Name}'");
        repaired.Filename = EndpointNaming.PluginFilename(installation);
        repaired.InitializationParameters.PSVersion = EndpointNaming.PSVersionParameter(installation.Version);

        string resourceUri = EndpointNaming.ResourceUri(desired.Name);
        PluginResource resource = repaired.FindResource(resourceUri) ?? repaired.Resources.FirstOrDefault() ?? AddShellResource(repaired, resourceUri);
        resource.ResourceUri = resourceUri;
        PluginSecurity security = resource.Security.FirstOrDefault() ?? AddSecurity(resource);
        security.Uri = resourceUri;
        repaired.Enabled = "True";
        if (desired.AccessMode is not null || desired.SecurityDescriptorSddl is not null)
        {
            (string sddl, bool enabled) = Security(desired, SddlParser.Parse(desired.SecurityDescriptorSddl ?? security.Sddl ?? DefaultSddl.Remote));
            security.Sddl = sddl;
            repaired.Enabled = enabled ? "True" : "False";
        }
        foreach ((string name, long value) in desired.Quotas ?? new Dictionary<string, long>())
        {
            repaired.Quotas ??= new PluginQuotas();
            repaired.Quotas[name] = value;
        }

        ApplySettings(repaired, desired);
        return repaired;
    }

    /// <summary>WinRM treats a missing <c>Enabled</c> as enabled.</summary>
    public static bool IsEnabled(PluginConfiguration configuration) =>
        !string.Equals(configuration?.Enabled, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SDDL of the endpoint's own resource, or null when it has none.</summary>
    public static string? SddlOf(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        PluginResource? resource = configuration.FindResource(EndpointNaming.ResourceUri(configuration.Name)) ?? configuration.Resources.FirstOrDefault();
        return resource?.Security.FirstOrDefault(security => security.Sddl is not null)?.Sddl;
    }

    /// <summary>
    /// The SDDL and Enabled flag the desired state gives: <paramref name="descriptor"/> (the declared SDDL, else the
    /// current one) with the declared access mode applied the way PowerShell's cmdlets apply it. Without an access
    /// mode the endpoint is enabled: an endpoint that should exist must accept connections.
    /// </summary>
    public static (string Sddl, bool Enabled) Security(WSManEndpointDesired desired, SecurityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (desired.AccessMode is AccessMode mode)
        {
            AccessModeOutcome outcome = AccessModeRules.Apply(mode, descriptor);
            return (outcome.SecurityDescriptor.ToSddl(), outcome.Enabled);
        }

        ArgumentNullException.ThrowIfNull(descriptor);
        return (desired.SecurityDescriptorSddl ?? descriptor.ToSddl(), true);
    }

    private static void ApplySettings(PluginConfiguration document, WSManEndpointDesired desired)
    {
        if (desired.SessionConfigurationFile is not null)
        {
            document.InitializationParameters.Set(ConfigFilePathParameter, desired.SessionConfigurationFile);
        }

        if (desired.RunAsVirtualAccount is bool runAs)
        {
            document.RunAsVirtualAccount = runAs ? "true" : "false";
        }
    }

    private static PluginResource AddShellResource(PluginConfiguration document, string resourceUri)
    {
        var resource = new PluginResource(resourceUri) { SupportsOptions = "true", ExactMatch = "true" };
        resource.Capabilities.Add(new PluginCapability("Shell"));
        document.Resources.Add(resource);
        return resource;
    }

    private static PluginSecurity AddSecurity(PluginResource resource)
    {
        var security = new PluginSecurity { ExactMatch = "true" };
        resource.Security.Add(security);
        return security;
    }
}
