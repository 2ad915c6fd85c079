namespace PSRemotingDsc.Inventory;

/// <summary>An inventory row's or a machine's compliance, as Azure Machine Configuration reports an assignment.</summary>
public enum ComplianceStatus
{
    /// <summary>Nothing to change.</summary>
    Compliant,

    /// <summary>At least one reason; <c>set</c> would change something.</summary>
    NonCompliant,
}
