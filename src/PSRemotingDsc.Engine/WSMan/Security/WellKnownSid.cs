namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// One documented SDDL SID string constant (the two-letter aliases of <c>sddl.h</c>, listed under
/// "SID Strings" in the Windows security documentation). <see cref="Value"/> is the fixed <c>S-1-…</c> form;
/// it is null for the aliases that are relative to the machine or domain (for example <c>LA</c> = the local
/// Administrator, RID 500 of the machine), which have no fixed value: those keep their alias and carry
/// <see cref="RelativeId"/>. <see cref="DisplayName"/> is a stable English name from this table, never a
/// localized account name from the operating system.
/// </summary>
/// <param name="Alias">The two-letter SDDL alias (<c>BA</c>).</param>
/// <param name="Value">The fixed SID (<c>S-1-5-32-544</c>); null for an alias relative to the machine or domain.</param>
/// <param name="RelativeId">The RID within the machine or domain for a relative alias (500 for <c>LA</c>); null for a fixed SID.</param>
/// <param name="DisplayName">A stable English name for messages (<c>Administrators</c>).</param>
public sealed record WellKnownSid(string Alias, string? Value, int? RelativeId, string DisplayName)
{
    /// <summary>True when the alias names an account relative to the machine or the (root) domain.</summary>
    public bool IsRelative => Value is null;
}
