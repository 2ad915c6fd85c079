namespace PSRemotingDsc.Endpoints;

/// <summary>PowerShell's <c>PSSessionConfigurationAccessMode</c>: who may use an endpoint.</summary>
public enum AccessMode
{
    /// <summary>The plugin is disabled (<c>Enabled="false"</c>); nobody can connect.</summary>
    Disabled,

    /// <summary>Enabled, and network logons are denied (<c>(D;;GA;;;NU)</c>): only local sessions.</summary>
    Local,

    /// <summary>Enabled without the network deny: remote sessions as the DACL allows.</summary>
    Remote,
}
