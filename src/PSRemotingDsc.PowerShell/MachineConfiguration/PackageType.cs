namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>The <c>Type</c> of a machine configuration package (<c>New-GuestConfigurationPackage -Type</c>).</summary>
public enum PackageType
{
    /// <summary>The package only reports compliance; a policy can only audit with it.</summary>
    Audit,

    /// <summary>The package reports compliance and can also set the machine (policy modes ApplyAndMonitor and ApplyAndAutoCorrect).</summary>
    AuditAndSet,
}
