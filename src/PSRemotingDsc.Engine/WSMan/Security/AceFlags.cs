namespace PSRemotingDsc.WSMan.Security;

/// <summary>ACE flags with their Windows bit values; SDDL writes them in ascending bit order (<c>OICIIO</c>).</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" is the Windows name of this field.
public enum AceFlags
#pragma warning restore CA1711
{
    /// <summary>No flag: the ACE applies to this object only and is explicit.</summary>
    None = 0,

    /// <summary><c>OI</c>: OBJECT_INHERIT_ACE.</summary>
    ObjectInherit = 0x01,

    /// <summary><c>CI</c>: CONTAINER_INHERIT_ACE.</summary>
    ContainerInherit = 0x02,

    /// <summary><c>NP</c>: NO_PROPAGATE_INHERIT_ACE.</summary>
    NoPropagateInherit = 0x04,

    /// <summary><c>IO</c>: INHERIT_ONLY_ACE.</summary>
    InheritOnly = 0x08,

    /// <summary><c>ID</c>: INHERITED_ACE.</summary>
    Inherited = 0x10,

    /// <summary><c>SA</c>: SUCCESSFUL_ACCESS_ACE_FLAG (audit successes).</summary>
    SuccessfulAccess = 0x40,

    /// <summary><c>FA</c>: FAILED_ACCESS_ACE_FLAG (audit failures).</summary>
    FailedAccess = 0x80,
}
