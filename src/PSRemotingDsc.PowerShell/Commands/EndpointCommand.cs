using System.Management.Automation;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.PowerShell.Hosting;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>
/// The parameters that identify one endpoint, shared by Test-, Set- and Remove-PSRemotingEndpoint: the same
/// properties as the DSC resource, bound by name from the pipeline (the output of Get-PSRemotingEndpoint).
/// </summary>
public abstract class EndpointCommand : PSCmdlet
{
    /// <summary>The PowerShell version spec: <c>7</c>, <c>7.4</c>, <c>7.4.6</c>, <c>7-preview</c>.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(InstalledVersionCompleter))]
    public string Version { get; set; } = string.Empty;

    /// <summary>The remoting transport; the platform's default (WSMan on Windows, SSH elsewhere) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Transport Transport { get; set; }

    /// <summary>The sshd Subsystem name or the WinRM plugin name; derived from the version when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>SSH: the sshd_config file; the platform's default when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? SshdConfigPath { get; set; }

    /// <summary>The properties bound in this call; an unbound parameter is not set, so it is not enforced.</summary>
    private protected virtual EndpointProperties BoundProperties() => new()
    {
        Version = Version,
        Transport = IsBound(nameof(Transport)) ? Transport : null,
        Name = Name,
        SshdConfigPath = SshdConfigPath is null ? null : GetUnresolvedProviderPathFromPSPath(SshdConfigPath),
    };

    private protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    private protected bool? SwitchValue(string parameterName, SwitchParameter value) => IsBound(parameterName) ? value.IsPresent : null;

    /// <summary>Runs one engine call; a refusal or failure becomes a non-terminating error naming this instance, so a pipeline goes on with the next.</summary>
    private protected void Invoke(Action<EndpointResource, EndpointProperties> operation)
    {
        EndpointProperties properties = BoundProperties();
        try
        {
            operation(EngineFactory.CreateResource(new CmdletTraceSink(this)), properties);
        }
        catch (PSRemotingDscException exception)
        {
            WriteError(EndpointErrors.ToErrorRecord(exception, properties));
        }
    }

    /// <summary>
    /// Set and Remove: plan first (each change shown with <c>-Verbose</c>; the whole of <c>-WhatIf</c>), ask
    /// <c>ShouldProcess</c> with every planned change, then apply. An endpoint already as asked is left untouched.
    /// </summary>
    /// <param name="action">The verb the confirmation names: "Set" or "Remove".</param>
    /// <param name="apply">The engine call, with what-if on for the plan and off for the change.</param>
    /// <param name="passThru">Whether to write the endpoint's state afterwards.</param>
    private protected void PlanAndApply(string action, Func<EndpointResource, EndpointProperties, bool, OperationResult> apply, bool passThru)
    {
        EndpointProperties properties = BoundProperties();
        var trace = new CmdletTraceSink(this);
        var planTrace = new DeferredTraceSink(trace);
        try
        {
            OperationResult plan = apply(EngineFactory.CreateResource(planTrace), properties, true);
            string endpoint = $"the {plan.State.Transport} endpoint '{plan.State.Name}'";
            OperationResult? result = null;
            if (plan.Changes.Count == 0)
            {
                WriteVerbose($"{endpoint} is already as asked; nothing to change.");
            }
            else
            {
                foreach (var change in plan.Changes)
                {
                    WriteVerbose($"Plan: {change.File}: {change.Description}");
                }

                string changes = string.Join(Environment.NewLine, plan.Changes.Select(change => $"  {change.File}: {change.Description}"));
                if (ShouldProcess(
                        $"{action} {endpoint}:{Environment.NewLine}{changes}",
                        $"{action} {endpoint}? These changes will be made:{Environment.NewLine}{changes}",
                        $"{action} PSRemoting endpoint"))
                {
                    result = apply(EngineFactory.CreateResource(trace), properties, false);
                }
            }

            if (result is null)
            {
                planTrace.Flush();
            }

            if (passThru && (result is not null || plan.Changes.Count == 0))
            {
                WriteObject((result ?? plan).State);
            }
        }
        catch (PSRemotingDscException exception)
        {
            planTrace.Flush();
            WriteError(EndpointErrors.ToErrorRecord(exception, properties));
        }
    }
}
