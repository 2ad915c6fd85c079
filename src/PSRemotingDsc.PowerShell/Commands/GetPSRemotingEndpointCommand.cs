using System.Management.Automation;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.PowerShell.Hosting;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>
/// Get-PSRemotingEndpoint: every PowerShell endpoint on this machine, both transports, with its state and reasons — the
/// default endpoint of every installed major version as Test sees it, then every other PowerShell endpoint registered.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSRemotingEndpoint")]
[OutputType(typeof(EndpointState))]
public sealed class GetPSRemotingEndpointCommand : PSCmdlet
{
    /// <summary>Only endpoints whose name matches one of these wildcard patterns.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Only endpoints of these transports.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public Transport[]? Transport { get; set; }

    /// <summary>SSH: the sshd_config to read; the platform's default when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SshdConfigPath { get; set; }

    /// <summary>Reads the inventory; a transport that cannot be read is a non-terminating error, the other is still listed.</summary>
    protected override void EndProcessing()
    {
        string? configPath = SshdConfigPath is null ? null : GetUnresolvedProviderPathFromPSPath(SshdConfigPath);
        MachineInventory inventory = EngineFactory.CreateResource(new CmdletTraceSink(this)).Inventory(configPath);
        WildcardPattern[] patterns = [.. (Name ?? []).Select(name => WildcardPattern.Get(name, WildcardOptions.IgnoreCase))];
        foreach (InventorySection section in inventory.Sections.Where(section => Transport is null || Transport.Contains(section.Transport)))
        {
            if (section.Problem is not null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"The {section.Transport} endpoints in '{section.Location}' could not all be read: {section.Problem}"),
                    "InventoryIncomplete", ErrorCategory.ReadError, section.Location));
            }

            foreach (EndpointState endpoint in section.Endpoints.Where(endpoint => patterns.Length == 0 || patterns.Any(pattern => pattern.IsMatch(endpoint.Name))))
            {
                WriteObject(endpoint);
            }
        }
    }
}
