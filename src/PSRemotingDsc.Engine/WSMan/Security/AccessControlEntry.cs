namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// One ACE: <c>(type;flags;rights;;;sid[;(condition)])</c>. <see cref="Condition"/> is the conditional
/// expression of an <c>XA</c>/<c>XD</c> ACE, kept verbatim with its outer parentheses (PowerShell writes
/// <c>(Member_of {SID(S-1-…)})</c> for RequiredGroups); null for other types.
/// </summary>
/// <param name="Type">Allow, deny, audit, alarm, or their conditional forms.</param>
/// <param name="Flags">Inheritance and audit flags.</param>
/// <param name="Mask">The rights, as a Windows access mask (see <see cref="AccessMask"/>).</param>
/// <param name="Sid">Who the ACE applies to.</param>
/// <param name="Condition">The conditional expression of a conditional ACE, with its outer parentheses; null otherwise.</param>
public sealed record AccessControlEntry(AceType Type, AceFlags Flags, uint Mask, Sid Sid, string? Condition = null)
{
    /// <summary>True for deny ACEs, conditional or not.</summary>
    public bool IsDeny => Type is AceType.AccessDenied or AceType.AccessDeniedCallback;

    /// <summary>True for allow ACEs, conditional or not.</summary>
    public bool IsAllow => Type is AceType.AccessAllowed or AceType.AccessAllowedCallback;

    /// <summary>
    /// What identifies the ACE apart from its mask: type, flags, SID and the condition compared without
    /// insignificant whitespace and case, with <c>SID(alias)</c> resolved. Two ACEs with the same key merge.
    /// </summary>
    internal (AceType Type, AceFlags Flags, Sid Sid, string Condition) Key =>
        (Type, Flags, Sid, ConditionText.Normalize(Condition));

    /// <summary>"allow GENERIC_ALL to S-1-5-32-580 (Remote Management Users)", with flags and condition when set.</summary>
    public string Describe()
    {
        var verb = Type switch
        {
            AceType.AccessAllowed => "allow",
            AceType.AccessDenied => "deny",
            AceType.SystemAudit => "audit",
            AceType.SystemAlarm => "alarm",
            AceType.AccessAllowedCallback => "conditionally allow",
            AceType.AccessDeniedCallback => "conditionally deny",
            _ => Type.ToString(),
        };
        var flags = Flags == AceFlags.None ? string.Empty : $" [{SddlTokens.FormatAceFlags(Flags)}]";
        var condition = Condition is null ? string.Empty : $" when {Condition}";
        return $"{verb}{flags} {AccessMask.Describe(Mask)} to {Sid}{condition}";
    }

    /// <summary>The ACE in SDDL: <c>(A;;GA;;;BA)</c>.</summary>
    public string ToSddl() =>
        $"({SddlTokens.FormatAceType(Type)};{SddlTokens.FormatAceFlags(Flags)};{AccessMask.ToSddl(Mask)};;;{Sid.ToSddl()}"
        + (Condition is null ? ")" : $";{Condition})");
}
