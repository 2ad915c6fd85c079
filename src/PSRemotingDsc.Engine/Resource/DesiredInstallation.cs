using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>The installation an instance asks for, by <c>version</c> and <c>pshome</c>.</summary>
internal static class DesiredInstallation
{
    /// <summary>
    /// The resolved installation; null only when the endpoint should not exist and the version is not installed:
    /// removing the endpoint of an uninstalled version needs no installation, it is found by name.
    /// </summary>
    public static PowerShellInstallation? Resolve(InstallationResolver resolver, EndpointProperties properties)
    {
        try
        {
            return resolver.Resolve(properties.Version, properties.PSHome);
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.VersionNotFound && !properties.ShouldExist)
        {
            return null;
        }
    }
}
