namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// A parsed SDDL security descriptor. A null part is absent from the string (no <c>O:</c>, <c>G:</c>,
/// <c>D:</c> or <c>S:</c> section). Build one with <see cref="Parse"/>; write it with <see cref="ToSddl"/>;
/// compare two with <see cref="SecurityDescriptorComparison"/>, never as strings (this type has reference
/// equality on purpose).
/// </summary>
public sealed class SecurityDescriptor
{
    public SecurityDescriptor(Sid? owner, Sid? group, AccessControlList? dacl, AccessControlList? sacl)
    {
        Owner = owner;
        Group = group;
        Dacl = dacl;
        Sacl = sacl;
    }

    public Sid? Owner { get; }

    public Sid? Group { get; }

    public AccessControlList? Dacl { get; }

    public AccessControlList? Sacl { get; }

    /// <summary>Parses SDDL (see <see cref="SddlParser.Parse"/>).</summary>
    public static SecurityDescriptor Parse(string sddl) => SddlParser.Parse(sddl);

    /// <summary>Both ACLs canonicalized (<see cref="AccessControlList.Canonicalize"/>); owner and group unchanged.</summary>
    public SecurityDescriptor Canonicalize() => new(Owner, Group, Dacl?.Canonicalize(), Sacl?.Canonicalize());

    /// <summary>The same descriptor with another DACL.</summary>
    public SecurityDescriptor WithDacl(AccessControlList? dacl) => new(Owner, Group, dacl, Sacl);

    /// <summary>Canonical SDDL (see <see cref="SddlFormatter.Format"/>).</summary>
    public string ToSddl() => SddlFormatter.Format(this);

    public override string ToString() => ToSddl();
}
