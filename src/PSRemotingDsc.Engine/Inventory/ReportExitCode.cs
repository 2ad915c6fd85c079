namespace PSRemotingDsc.Inventory;

/// <summary>
/// The exit code of <c>psremotingdsc report</c> (and <c>report merge</c>) when the report itself was written but something
/// is NonCompliant, so a scheduler can alert. Not an <see cref="Errors.ExitCode"/>: dsc never runs report, so it is not in
/// the resource manifest; it is chosen above every <see cref="Errors.ExitCode"/> and never reused by one.
/// </summary>
public static class ReportExitCode
{
    /// <summary>Every endpoint (every machine) is Compliant.</summary>
    public const int Compliant = 0;

    /// <summary>At least one endpoint (on at least one machine) is NonCompliant.</summary>
    public const int NonCompliant = 20;
}
