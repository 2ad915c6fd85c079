namespace PSRemotingDsc.Versions;

/// <summary>
/// A directory discovery looks in: either a <c>$PSHOME</c> itself or a parent of <c>$PSHOME</c> directories
/// (like <c>/opt/microsoft/powershell</c>, whose children are <c>7</c>, <c>7-preview</c>).
/// </summary>
/// <param name="Path">The directory.</param>
/// <param name="Origin">The <see cref="PowerShellInstallation.Origin"/> given to what is found there.</param>
public sealed record DiscoveryRoot(string Path, string Origin);
