using System.Management.Automation;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>Set-PSRemotingEndpoint: creates or repairs the endpoint of a PowerShell version so that it is as the parameters say.</summary>
[Cmdlet(VerbsCommon.Set, "PSRemotingEndpoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EndpointState))]
public sealed class SetPSRemotingEndpointCommand : EndpointSettingsCommand
{
    /// <summary>When to reload sshd or restart WinRM after a change; <c>IfNeeded</c> when not given.</summary>
    [Parameter]
    public RestartPolicy Restart { get; set; }

    /// <summary>WSMan: open a loopback session afterwards to prove the endpoint answers.</summary>
    [Parameter]
    public SwitchParameter VerifyConnection { get; set; }

    /// <summary>WSMan: allow changes that may cut the WinRM session this command runs in.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the endpoint's state after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override EndpointProperties BoundProperties() => base.BoundProperties() with
    {
        Restart = IsBound(nameof(Restart)) ? Restart : null,
        VerifyConnection = SwitchValue(nameof(VerifyConnection), VerifyConnection),
        Force = SwitchValue(nameof(Force), Force),
    };

    /// <summary>Plans, asks, applies.</summary>
    protected override void ProcessRecord() => PlanAndApply("Set", (resource, properties, whatIf) => resource.Set(properties, whatIf), PassThru);
}
