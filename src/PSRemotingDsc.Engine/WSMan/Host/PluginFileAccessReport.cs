namespace PSRemotingDsc.WSMan.Host;

/// <summary>The outcome of <see cref="IPluginFileAccess.CheckNonAdminAccess"/>.</summary>
/// <param name="Applicable">False off Windows (no ACLs of this kind, no WinRM).</param>
/// <param name="Missing">Each right a principal lacks; empty when both can read and write.</param>
public sealed record PluginFileAccessReport(bool Applicable, IReadOnlyList<MissingFileAccess> Missing)
{
    /// <summary>The report off Windows: not applicable, nothing missing.</summary>
    public static readonly PluginFileAccessReport NotApplicable = new(false, []);

    /// <summary>True when no right is missing (also when the check does not apply).</summary>
    public bool Sufficient => Missing.Count == 0;
}
