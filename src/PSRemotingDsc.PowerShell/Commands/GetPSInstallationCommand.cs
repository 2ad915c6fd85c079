using System.Management.Automation;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>Get-PSInstallation: the PowerShell installations the engine finds on this machine, highest version first, as endpoints are bound to them.</summary>
[Cmdlet(VerbsCommon.Get, "PSInstallation")]
[OutputType(typeof(PowerShellInstallation))]
public sealed class GetPSInstallationCommand : PSCmdlet
{
    /// <summary>Only the installations a version spec selects (<c>7</c>, <c>7.4</c>, <c>7-preview</c>, <c>7.4.6</c>).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstalledVersionCompleter))]
    public string? Version { get; set; }

    /// <summary>Finds and writes the installations.</summary>
    protected override void EndProcessing()
    {
        VersionSpec? spec = null;
        if (Version is not null && !VersionSpec.TryParse(Version, out spec, out string? error))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(error), "VersionInvalid", ErrorCategory.InvalidArgument, Version));
        }

        foreach (PowerShellInstallation installation in new InstallationDiscovery().FindInstallations()
            .Where(installation => spec is null || spec.Matches(installation.Version))
            .OrderByDescending(installation => installation.Version))
        {
            WriteObject(installation);
        }
    }
}
