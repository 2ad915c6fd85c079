namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// A parsed SDDL security descriptor. A null part is absent from the string (no <c>O:</c>, <c>G:</c>,
/// <c>D:</c> or <c>S:</c> section). Build one with <see cref="Parse"/>; write it with <see cref="ToSddl"/>;
/// compare two with <see cref="SecurityDescriptorComparison"/>, never as strings (this type has reference
/// equality on purpose).
/// </summary>
public sealed class SecurityDescriptor
{
    /// <summary>A descriptor from its parts; each may be null for a section that is absent.</summary>
    /// <param name="owner">The owner (<c>O:</c>), or null.</param>
    /// <param name="group">The primary group (<c>G:</c>), or null.</param>
    /// <param name="dacl">Who is allowed or denied what (<c>D:</c>), or null.</param>
    /// <param name="sacl">What is audited (<c>S:</c>), or null.</param>
    public SecurityDescriptor(Sid? owner, Sid? group, AccessControlList? dacl, AccessControlList? sacl)
    {
        Owner = owner;
        Group = group;
        Dacl = dacl;
        Sacl = sacl;
    }

    /// <summary>The owner (<c>O:</c>); null when the string has no owner section.</summary>
    public Sid? Owner { get; }

    /// <summary>The primary group (<c>G:</c>); null when the string has no group section.</summary>
    public Sid? Group { get; }

    /// <summary>
    /// The discretionary ACL (<c>D:</c>), which decides who may connect; null when the string has no DACL section
    /// (not the same as a null ACL, see <see cref="AccessControlList.IsNull"/>).
    /// </summary>
    public AccessControlList? Dacl { get; }

    /// <summary>The system ACL (<c>S:</c>), which decides what is audited; null when the string has no SACL section.</summary>
    public AccessControlList? Sacl { get; }

    /// <summary>Parses SDDL (see <see cref="SddlParser.Parse"/>).</summary>
    public static SecurityDescriptor Parse(string sddl) => SddlParser.Parse(sddl);

    /// <summary>Both ACLs canonicalized (<see cref="AccessControlList.Canonicalize"/>); owner and group unchanged.</summary>
    public SecurityDescriptor Canonicalize() => new(Owner, Group, Dacl?.Canonicalize(), Sacl?.Canonicalize());

    /// <summary>The same descriptor with another DACL.</summary>
    public SecurityDescriptor WithDacl(AccessControlList? dacl) => new(Owner, Group, dacl, Sacl);

    /// <summary>Canonical SDDL (see <see cref="SddlFormatter.Format"/>).</summary>
    public string ToSddl() => SddlFormatter.Format(this);

    /// <summary>The canonical SDDL, as <see cref="ToSddl"/>.</summary>
    /// <returns>The SDDL string.</returns>
    public override string ToString() => ToSddl();
}
