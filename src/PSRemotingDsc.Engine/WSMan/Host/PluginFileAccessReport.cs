namespace PSRemotingDsc.WSMan.Host;

/// <summary>The outcome of <see cref="IPluginFileAccess.CheckNonAdminAccess"/>.</summary>
/// <param name="Applicable">False off Windows (no ACLs of this kind, no WinRM).</param>
/// <param name="Missing">Each right a principal lacks; empty when both can read and write.</param>
public sealed record PluginFileAccessReport(bool Applicable, IReadOnlyList<MissingFileAccess> Missing)
{
    public static readonly PluginFileAccessReport NotApplicable = new(false, []);

    public bool Sufficient => Missing.Count == 0;
}
