namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// One documented SDDL SID string constant (the two-letter aliases of <c>sddl.h</c>, listed under
/// "SID Strings" in the Windows security documentation). <see cref="Value"/> is the fixed <c>S-1-…</c> form;
/// it is null for the aliases that are relative to the machine or domain (for example <c>LA</c> = the local
/// Administrator, RID 500 of the machine), which have no fixed value: those keep their alias and carry
/// <see cref="RelativeId"/>. <see cref="DisplayName"/> is a stable English name from this table, never a
/// localized account name from the operating system.
/// </summary>
public sealed record WellKnownSid(string Alias, string? Value, int? RelativeId, string DisplayName)
{
    /// <summary>True when the alias names an account relative to the machine or the (root) domain.</summary>
    public bool IsRelative => Value is null;
}
