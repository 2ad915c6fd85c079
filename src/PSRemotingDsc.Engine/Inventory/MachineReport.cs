using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Inventory;

/// <summary>The classified inventory of one machine: what <c>psremotingdsc report</c> renders.</summary>
/// <param name="Installations">The installations, highest version first, then by <c>$PSHOME</c> (ordinal).</param>
/// <param name="SshdConfigPath">The sshd_config the SSH rows come from.</param>
/// <param name="Problems">Transports whose endpoints could not all be read, with why (<c>ErrorId: message</c>).</param>
/// <param name="Rows">Every endpoint: per transport the desired ones first, then the other PowerShell endpoints, then the foreign ones.</param>
public sealed record MachineReport(
    IReadOnlyList<PowerShellInstallation> Installations,
    string SshdConfigPath,
    IReadOnlyList<(Transport Transport, string Message)> Problems,
    IReadOnlyList<InventoryRow> Rows)
{
    /// <summary>NonCompliant when any row is.</summary>
    public ComplianceStatus ComplianceStatus => Rows.Any(row => row.ComplianceStatus == ComplianceStatus.NonCompliant) ? ComplianceStatus.NonCompliant : ComplianceStatus.Compliant;

    /// <summary>How many rows are in <paramref name="condition"/>.</summary>
    public int Count(EndpointCondition condition) => Rows.Count(row => row.Condition == condition);
}
