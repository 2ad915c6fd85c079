using PSRemotingDsc.Versions;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// The plugin configuration <c>Register-PSSessionConfiguration -Name &lt;name&gt;</c> of PowerShell 7.4–7.6 writes with
/// default parameters (AccessMode Remote, no architecture, no shared process, no virtual account), as
/// <c>Enable-PSRemoting</c> uses it for <c>PowerShell.&lt;GitCommitId&gt;</c> and <c>PowerShell.&lt;Major&gt;</c>.
/// </summary>
public static class DefaultPluginConfiguration
{
    /// <summary>
    /// <c>remoteSDDL_Win8</c> (CustomShellCommands.cs ~1909): Administrators, Remote Management Users and Interactive
    /// Users get GENERIC_ALL; the SACL audits Everyone.
    /// </summary>
    public const string RemoteSddl = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary><c>localSDDL_Win8</c>: <see cref="RemoteSddl"/> plus a deny for NETWORK (AccessMode Local).</summary>
    public const string LocalSddl = "O:NSG:BAD:P(D;;GA;;;NU)(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary>
    /// The document for endpoint <paramref name="name"/> bound to the PowerShell <paramref name="version"/>:
    /// <c>Filename</c> <c>%windir%\system32\PowerShell\&lt;version&gt;\pwrshplugin.dll</c>, <c>PSVersion</c> Major.Minor,
    /// ResourceUri <c>http://schemas.microsoft.com/powershell/&lt;name&gt;</c>, the quotas of
    /// <see cref="PluginQuotas.CreateRegisterDefaults"/> unless <paramref name="quotas"/> is given. A null
    /// <paramref name="sddl"/> writes no <c>Security</c> element, as <c>Register-PSSessionConfiguration -AccessMode
    /// Disabled</c> without <c>-SecurityDescriptorSddl</c> does (CustomShellCommands.cs 444–456 and 1100–1107).
    /// </summary>
    /// <exception cref="Errors.PSRemotingDscException">PluginNameInvalid.</exception>
    public static PluginConfiguration Create(string name, PowerShellVersion version, PluginQuotas? quotas = null, string? sddl = RemoteSddl)
    {
        ArgumentNullException.ThrowIfNull(version);
        EndpointNaming.ValidatePluginName(name);
        string resourceUri = EndpointNaming.ResourceUri(name);
        var configuration = new PluginConfiguration(name)
        {
            Filename = EndpointNaming.PluginFilename(version),
            SDKVersion = "2",
            XmlRenderingType = "text",
            Enabled = "True",
            OutputBufferingMode = "Block",
            ProcessIdleTimeoutSec = "0",
            Quotas = quotas ?? PluginQuotas.CreateRegisterDefaults(),
        };
        configuration.InitializationParameters.PSVersion = EndpointNaming.PSVersionParameter(version);
        var resource = new PluginResource(resourceUri) { SupportsOptions = "true", ExactMatch = "true" };
        if (sddl is not null)
        {
            // securityElementFormat, CustomShellCommands.cs 318.
            resource.Security.Add(new PluginSecurity { Uri = resourceUri, ExactMatch = "true", Sddl = sddl });
        }

        resource.Capabilities.Add(new PluginCapability("Shell"));
        configuration.Resources.Add(resource);
        return configuration;
    }
}
