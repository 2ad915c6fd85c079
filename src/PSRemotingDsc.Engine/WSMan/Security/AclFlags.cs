namespace PSRemotingDsc.WSMan.Security;

/// <summary>The flags after <c>D:</c> or <c>S:</c>, written by SDDL in the order <c>P</c>, <c>AR</c>, <c>AI</c>.</summary>
[Flags]
#pragma warning disable CA1711 // "Flags" is the Windows name of this field.
public enum AclFlags
#pragma warning restore CA1711
{
    /// <summary>No flag: the ACL may inherit from the parent and is not a null ACL.</summary>
    None = 0,

    /// <summary><c>P</c>: SE_DACL_PROTECTED / SE_SACL_PROTECTED: inheritance from the parent is blocked.</summary>
    Protected = 0x1,

    /// <summary><c>AR</c>: SE_DACL_AUTO_INHERIT_REQ.</summary>
    AutoInheritRequired = 0x2,

    /// <summary><c>AI</c>: SE_DACL_AUTO_INHERITED.</summary>
    AutoInherited = 0x4,

    /// <summary><c>NO_ACCESS_CONTROL</c>: a null ACL; for a DACL that means full access for everyone.</summary>
    NoAccessControl = 0x8,
}
