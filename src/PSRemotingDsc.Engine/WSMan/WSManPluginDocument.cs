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
    /// <summary>
    /// The initialization parameter that names a session configuration file (.pssc), spelled as
    /// Register-PSSessionConfiguration writes it: <c>ConfigurationDataFromXML.CONFIGFILEPATH_CamelCase</c>
    /// (CustomShellCommands.cs 991–995; the constant is at InitialSessionStateProvider.cs 57). PowerShell reads the
    /// name case-insensitively (InitialSessionStateProvider.cs 93 lowercases it and matches <c>configfilepath</c>, 56
    /// and 146), and so does <see cref="InitializationParameters"/>, so a registration that spells it otherwise is
    /// read, compared and repaired in place, keeping its spelling.
    /// </summary>
    public const string ConfigFilePathParameter = "ConfigFilePath";

    /// <summary>What Register-PSSessionConfiguration + Enable-PSRemoting would write, with the user's settings applied.</summary>
    public static PluginConfiguration New(WSManEndpointDesired desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var installation = desired.Installation ?? throw new ArgumentException("A new endpoint needs an installation.", nameof(desired));
        (string? sddl, bool enabled) = IsDisabledWithoutSddl(desired)
            ? (null, false)
            : Security(desired, SddlParser.Parse(desired.SecurityDescriptorSddl ?? DefaultSddl.Remote));
        var quotas = PluginQuotas.CreateEnablePSRemotingDefaults();
        foreach ((string name, long value) in desired.Quotas ?? new Dictionary<string, long>())
        {
            quotas[name] = value;
        }

        PluginConfiguration document = DefaultPluginConfiguration.Create(desired.Name, installation.Version, quotas, sddl);
        document.Enabled = enabled ? "True" : "False";
        ApplySettings(document, desired, DocumentKind.AsWritten);
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

        ApplySettings(document, desired, DocumentKind.Compared);
        return document;
    }

    /// <summary>
    /// The actual document with everything enforced set to the desired value; the rest (extra parameters, a RunAsUser the
    /// session configuration file does not set...) kept.
    /// </summary>
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
        PluginSecurity? existing = resource.Security.FirstOrDefault();
        repaired.Enabled = "True";
        if (existing?.Sddl is null && IsDisabledWithoutSddl(desired))
        {
            // Set-PSSessionConfiguration -AccessMode Disabled only writes Enabled='False' and leaves the security as it
            // is (CustomShellCommands.cs 3380–3381, 3630–3632); a plugin without an SDDL is not given one.
            if (existing is not null)
            {
                existing.Uri = resourceUri;
            }

            repaired.Enabled = "False";
        }
        else
        {
            PluginSecurity security = existing ?? AddSecurity(resource);
            security.Uri = resourceUri;
            if (desired.AccessMode is not null || desired.SecurityDescriptorSddl is not null)
            {
                (string sddl, bool enabled) = Security(desired, SddlParser.Parse(desired.SecurityDescriptorSddl ?? security.Sddl ?? DefaultSddl.Remote));
                security.Sddl = sddl;
                repaired.Enabled = enabled ? "True" : "False";
            }
        }

        foreach ((string name, long value) in desired.Quotas ?? new Dictionary<string, long>())
        {
            repaired.Quotas ??= new PluginQuotas();
            repaired.Quotas[name] = value;
        }

        ApplySettings(repaired, desired, DocumentKind.Repaired);
        return repaired;
    }

    /// <summary>
    /// Whether the plugin runs as a virtual account. A missing <c>RunAsVirtualAccount</c> means false: PowerShell writes
    /// the attribute only when it is true (CustomShellCommands.cs 1136–1142) and WinRM stores the missing attribute as
    /// <c>RunAsVirtualAccount="false"</c> (the ConfigXML exported in PowerShell#27701).
    /// </summary>
    public static bool RunsAsVirtualAccount(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration.RunAsVirtualAccount?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The access mode the plugin grants, as Get-PSSessionConfiguration's Enabled/Permission read it: Disabled when
    /// <c>Enabled</c> is false, with or without a security descriptor (Register-PSSessionConfiguration -AccessMode
    /// Disabled writes none, CustomShellCommands.cs 444–456 and 1100–1107); otherwise Local or Remote from the SDDL;
    /// null when an enabled plugin has no SDDL, or one that does not parse.
    /// </summary>
    public static AccessMode? AccessModeOf(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool enabled = IsEnabled(configuration);
        if (!enabled)
        {
            return AccessMode.Disabled;
        }

        string? sddl = SddlOf(configuration);
        if (sddl is null)
        {
            return null;
        }

        try
        {
            return AccessModeRules.Derive(enabled, SddlParser.Parse(sddl));
        }
        catch (Errors.PSRemotingDscException)
        {
            return null;
        }
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

    // Register-PSSessionConfiguration -AccessMode Disabled without an SDDL leaves its sddl null (the defaults are only
    // taken for Local and Remote, CustomShellCommands.cs 444–456), so it writes no <Security> element (1100–1107) and
    // WinRM applies its RootSDDL; Enabled='False' (1155–1157).
    private static bool IsDisabledWithoutSddl(WSManEndpointDesired desired) =>
        desired.AccessMode == AccessMode.Disabled && desired.SecurityDescriptorSddl is null;

    // Which document ApplySettings fills; it decides how RunAsVirtualAccount and ConfigFilePath are written.
    private enum DocumentKind
    {
        /// <summary>New: as Register-PSSessionConfiguration writes it, RunAsVirtualAccount 'True' or absent, ConfigFilePath before PSVersion.</summary>
        AsWritten,

        /// <summary>Enforced: both RunAsVirtualAccount values explicit, for the comparison (which reads a missing attribute as false).</summary>
        Compared,

        /// <summary>Repair: RunAsVirtualAccount 'True', or false kept as the actual document has it (absent or false), else removed.</summary>
        Repaired,
    }

    private static void ApplySettings(PluginConfiguration document, WSManEndpointDesired desired, DocumentKind kind)
    {
        if (desired.SessionConfigurationFile is not null)
        {
            InitializationParameters parameters = document.InitializationParameters;
            if (kind == DocumentKind.AsWritten && parameters.Find(ConfigFilePathParameter) is null
                && parameters.IndexOf(InitializationParameters.PSVersionName) is int psVersion and >= 0)
            {
                // PowerShell writes ConfigFilePath first, before PSVersion (CustomShellCommands.cs 991–995, then 1081–1085).
                // Only a new document needs that order; the enforced one keeps PSVersion first, so reasons keep their order.
                parameters.Insert(psVersion, ConfigFilePathParameter, desired.SessionConfigurationFile);
            }
            else
            {
                parameters.Set(ConfigFilePathParameter, desired.SessionConfigurationFile);
            }
        }

        // The settings that are plain root attributes (UseSharedProcess...): written only when set, as PowerShell writes them.
        if (desired.Settings is { } settings)
        {
            foreach (PropertyDeclaration property in EndpointContract.PluginAttributes)
            {
                if (property.ValueOf(settings) is { } value)
                {
                    document.SetAttribute(property.WinRMAttribute!, AttributeText(property, value));
                }
            }
        }

        // The groups the virtual account joins, only with a virtual account (CustomShellCommands.cs 1138–1150, format 309).
        if (desired.RunAsVirtualAccount == true && desired.RunAsVirtualAccountGroups is { Length: > 0 } groups)
        {
            document.RunAsVirtualAccountGroups = groups;
        }

        // The gMSA of the session configuration file (CreateGMSAAccountCredentials, CustomShellCommands.cs 1385–1388:
        // 'DOMAIN\name$' with an empty password), set after the plugin is created by set-item ...\RunAsUser with that
        // credential (123–129), which writes both RunAsUser and RunAsPassword, '' here. The password is never compared.
        if (desired.RunAsUser is { } account)
        {
            document.RunAsUser = account;
            if (kind != DocumentKind.Compared)
            {
                document.RunAsPassword = string.Empty;
            }
        }

        // PowerShell writes RunAsVirtualAccount only when it is true, as bool.ToString(): 'True'
        // (runasVirtualAccountAttribFormat, CustomShellCommands.cs 305–306 and 1136–1142).
        if (desired.RunAsVirtualAccount is bool runAs)
        {
            document.RunAsVirtualAccount = (runAs, kind) switch
            {
                (true, _) => bool.TrueString,
                (false, DocumentKind.Compared) => bool.FalseString,
                (false, DocumentKind.Repaired) when !RunsAsVirtualAccount(document) => document.RunAsVirtualAccount,
                _ => null,
            };
        }
    }

    /// <summary>
    /// The value of a plugin setting bound to a ConfigXML attribute (<see cref="PropertyDeclaration.WinRMAttribute"/>), of
    /// the property's type; null when the attribute is absent or does not read as that type.
    /// </summary>
    public static object? AttributeValue(PropertyDeclaration property, PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(configuration);
        string? text = configuration.GetAttribute(property.WinRMAttribute!)?.Trim();
        return text is null ? null : property.Kind switch
        {
            PropertyKind.Boolean => bool.TryParse(text, out bool flag) ? flag : null,
            PropertyKind.Number => long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long number) ? number : null,
            PropertyKind.Enumeration => property.Values.FirstOrDefault(pair => string.Equals(pair.Key, text, StringComparison.OrdinalIgnoreCase)).Value,
            _ => text,
        };
    }

    /// <summary>A setting's value as ConfigXML holds it: PowerShell writes switches as <c>bool.ToString()</c> (<c>True</c>) and numbers invariant.</summary>
    private static string AttributeText(PropertyDeclaration property, object value) => value switch
    {
        bool flag => flag ? bool.TrueString : bool.FalseString,
        long number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string text => text,
        _ => property.WireValue(value),
    };

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
