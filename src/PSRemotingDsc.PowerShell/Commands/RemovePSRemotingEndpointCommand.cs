using System.Management.Automation;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>Remove-PSRemotingEndpoint: removes the endpoint of a PowerShell version; nothing happens when it is already absent.</summary>
[Cmdlet(VerbsCommon.Remove, "PSRemotingEndpoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EndpointState))]
public sealed class RemovePSRemotingEndpointCommand : EndpointCommand
{
    /// <summary>When to reload sshd or restart WinRM after the removal; <c>IfNeeded</c> when not given.</summary>
    [Parameter]
    public RestartPolicy Restart { get; set; }

    /// <summary>WSMan: allow a removal that may cut the WinRM session this command runs in.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the endpoint's state after the removal.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override EndpointProperties BoundProperties() => base.BoundProperties() with
    {
        Restart = IsBound(nameof(Restart)) ? Restart : null,
        Force = SwitchValue(nameof(Force), Force),
    };

    /// <summary>Plans, asks, removes.</summary>
    protected override void ProcessRecord() => PlanAndApply("Remove", (resource, properties, whatIf) => resource.Delete(properties, whatIf), PassThru);
}
