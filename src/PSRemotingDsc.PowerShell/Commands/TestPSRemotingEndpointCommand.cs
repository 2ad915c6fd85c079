using System.Management.Automation;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>
/// Test-PSRemotingEndpoint: whether the endpoint of a PowerShell version is as the parameters say. Writes
/// <see langword="true"/> or <see langword="false"/>; with <c>-Detailed</c> the state with its reasons. Changes nothing.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "PSRemotingEndpoint", DefaultParameterSetName = BooleanSet)]
[OutputType(typeof(bool), ParameterSetName = [BooleanSet])]
[OutputType(typeof(EndpointState), ParameterSetName = [DetailedSet])]
public sealed class TestPSRemotingEndpointCommand : EndpointSettingsCommand
{
    private const string BooleanSet = "Boolean";
    private const string DetailedSet = "Detailed";

    /// <summary>Writes the endpoint's state, <c>InDesiredState</c> and <c>Reasons</c>, instead of a Boolean.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DetailedSet)]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Tests one endpoint.</summary>
    protected override void ProcessRecord() => Invoke((resource, properties) =>
    {
        EndpointState state = resource.Test(properties).State;
        foreach (var reason in state.Reasons)
        {
            WriteVerbose($"{reason.Code}: {reason.Phrase}");
        }

        WriteObject(Detailed ? state : state.InDesiredState == true);
    });
}
