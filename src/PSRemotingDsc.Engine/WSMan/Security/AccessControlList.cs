namespace PSRemotingDsc.WSMan.Security;

/// <summary>A DACL or SACL: its flags and its ACEs in the order written.</summary>
public sealed class AccessControlList
{
    /// <summary>An ACL with <paramref name="flags"/> and a copy of <paramref name="entries"/>, in the order given.</summary>
    /// <param name="flags">The ACL flags (<c>P</c>, <c>AR</c>, <c>AI</c>, or a null ACL).</param>
    /// <param name="entries">The ACEs; copied, not canonicalized.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public AccessControlList(AclFlags flags, IEnumerable<AccessControlEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Flags = flags;
        Entries = [.. entries];
    }

    /// <summary>The flags written after <c>D:</c> or <c>S:</c>.</summary>
    public AclFlags Flags { get; }

    /// <summary>The ACEs in the order written; empty for an ACL that grants (or audits) nothing.</summary>
    public IReadOnlyList<AccessControlEntry> Entries { get; }

    /// <summary>True when the ACL is protected from inheritance (<c>P</c>).</summary>
    public bool IsProtected => (Flags & AclFlags.Protected) != 0;

    /// <summary>True for <c>NO_ACCESS_CONTROL</c> (a null ACL).</summary>
    public bool IsNull => (Flags & AclFlags.NoAccessControl) != 0;

    /// <summary>
    /// The effective ACEs in canonical order: ACEs with the same type, flags, SID and condition merged by
    /// OR-ing their masks (at the position of the first), ACEs granting nothing (mask 0) dropped, then explicit
    /// denies, explicit allows, other explicit ACEs (audit, alarm), and inherited ACEs last, each group in
    /// written order. This is the order Windows' canonical ACLs (and PowerShell's CommonSecurityDescriptor) use.
    /// </summary>
    public AccessControlList Canonicalize()
    {
        var merged = new List<AccessControlEntry>();
        var index = new Dictionary<(AceType, AceFlags, Sid, string), int>();
        foreach (var entry in Entries)
        {
            if (index.TryGetValue(entry.Key, out var at))
            {
                merged[at] = merged[at] with { Mask = merged[at].Mask | entry.Mask };
            }
            else
            {
                index[entry.Key] = merged.Count;
                merged.Add(entry);
            }
        }

        var ordered = merged
            .Where(entry => entry.Mask != 0)
            .OrderBy(entry => (entry.Flags & AceFlags.Inherited) != 0 ? 3 : entry.IsDeny ? 0 : entry.IsAllow ? 1 : 2);
        return new AccessControlList(Flags, ordered);
    }

    /// <summary>The ACL in SDDL without the <c>D:</c>/<c>S:</c> tag: <c>P(A;;GA;;;BA)</c>.</summary>
    public string ToSddl() => SddlTokens.FormatAclFlags(Flags) + string.Concat(Entries.Select(entry => entry.ToSddl()));
}
