namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>What part of a plugin configuration a <see cref="PluginDifference"/> is about.</summary>
public enum PluginDifferenceKind
{
    /// <summary>A root attribute: Filename, Enabled, Architecture….</summary>
    Attribute,

    /// <summary>A <c>Param</c> of <c>InitializationParameters</c> (PSVersion…).</summary>
    InitializationParameter,

    /// <summary>A <c>Resource</c> is missing or one of its attributes differs.</summary>
    Resource,

    /// <summary>A <c>Security</c> entry is missing or its SDDL differs.</summary>
    Security,

    /// <summary>A <c>Capability</c> is missing.</summary>
    Capability,

    /// <summary>A quota differs or is missing.</summary>
    Quota,
}
