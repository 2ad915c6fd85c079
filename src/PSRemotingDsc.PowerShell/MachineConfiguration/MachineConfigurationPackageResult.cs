namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>A package that <see cref="MachineConfigurationPackage"/> wrote.</summary>
/// <param name="Name">The package name: the zip's and the MOF's base name, the MOF's <c>ConfigurationName</c> and the guest assignment's name.</param>
/// <param name="Path">The full path of <c>&lt;Name&gt;.zip</c>.</param>
/// <param name="ContentHash">The SHA256 of the zip as upper-case hex, as <c>Get-FileHash</c> gives it and a policy's <c>contentHash</c> takes it.</param>
/// <param name="Type">The package type written into the metaconfig.</param>
/// <param name="Version">The package version written into the metaconfig (a policy's <c>guestConfiguration.version</c>).</param>
/// <param name="UncompressedSize">The sum of the sizes of all entries, which machine configuration limits to 100 MB.</param>
public sealed record MachineConfigurationPackageResult(string Name, string Path, string ContentHash, PackageType Type, string Version, long UncompressedSize);
