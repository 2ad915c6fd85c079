namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>The optional settings of <see cref="MachineConfigurationPackage.Write(string, PackageType, string, string, IReadOnlyList{MofResource}, MofMetadata, MachineConfigurationPackageOptions?)"/>.</summary>
public sealed record MachineConfigurationPackageOptions
{
    /// <summary>The package version written into the metaconfig (<c>New-GuestConfigurationPackage -Version</c>); default <c>1.0.0</c>.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>
    /// How often machine configuration runs the package, in minutes (<c>-FrequencyMinutes</c>); at least 15, the
    /// default. Written into the metaconfig as <c>configurationModeFrequencyMins</c> only when above 15.
    /// </summary>
    public int FrequencyMinutes { get; init; } = 15;

    /// <summary>Replace an existing <c>&lt;Name&gt;.zip</c> (<c>-Force</c>); without it an existing file is an error.</summary>
    public bool Overwrite { get; init; }
}
