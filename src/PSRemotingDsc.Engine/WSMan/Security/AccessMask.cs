using System.Globalization;
using System.Text;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Access-mask constants and the SDDL rights aliases. Source: <c>sddl.h</c> and the "ACE Strings" page of the
/// Windows security documentation. Windows writes a mask as one composite alias when it matches exactly
/// (<c>FA</c>, <c>KA</c>, …), else as single-bit aliases in ascending bit order (<c>GXGW</c>,
/// <c>CCDCLCSWRPWPDTLOCRSDRCWDWO</c>), else as lower-case hex (<c>0x1200a9</c>); <see cref="ToSddl"/> does the same.
/// </summary>
public static class AccessMask
{
    /// <summary><c>GA</c>: GENERIC_ALL, every right the object type defines.</summary>
    public const uint GenericAll = 0x10000000;

    /// <summary><c>GX</c>: GENERIC_EXECUTE, the object type's execute rights.</summary>
    public const uint GenericExecute = 0x20000000;

    /// <summary><c>GW</c>: GENERIC_WRITE, the object type's write rights.</summary>
    public const uint GenericWrite = 0x40000000;

    /// <summary><c>GR</c>: GENERIC_READ, the object type's read rights.</summary>
    public const uint GenericRead = 0x80000000;

    /// <summary><c>SD</c>: DELETE, the right to delete the object.</summary>
    public const uint Delete = 0x00010000;

    /// <summary><c>RC</c>: READ_CONTROL, the right to read the security descriptor (not the SACL).</summary>
    public const uint ReadControl = 0x00020000;

    /// <summary><c>WD</c>: WRITE_DAC, the right to change the DACL.</summary>
    public const uint WriteDac = 0x00040000;

    /// <summary><c>WO</c>: WRITE_OWNER, the right to change the owner.</summary>
    public const uint WriteOwner = 0x00080000;

    /// <summary><c>FA</c>: FILE_ALL_ACCESS, every file right.</summary>
    public const uint FileAllAccess = 0x001F01FF;

    /// <summary><c>FR</c>: FILE_GENERIC_READ, read data, attributes, extended attributes and the security descriptor.</summary>
    public const uint FileGenericRead = 0x00120089;

    /// <summary><c>FW</c>: FILE_GENERIC_WRITE, write and append data, attributes and extended attributes.</summary>
    public const uint FileGenericWrite = 0x00120116;

    /// <summary><c>FX</c>: FILE_GENERIC_EXECUTE, execute and read attributes.</summary>
    public const uint FileGenericExecute = 0x001200A0;

    /// <summary><c>KA</c>: KEY_ALL_ACCESS, every registry key right.</summary>
    public const uint KeyAllAccess = 0x000F003F;

    /// <summary><c>KR</c>: KEY_READ, query values, enumerate subkeys, be notified of changes.</summary>
    public const uint KeyRead = 0x00020019;

    /// <summary><c>KW</c>: KEY_WRITE, set values and create subkeys.</summary>
    public const uint KeyWrite = 0x00020006;

    /// <summary><c>KX</c>: KEY_EXECUTE, the same bits as <see cref="KeyRead"/>.</summary>
    public const uint KeyExecute = 0x00020019;

    /// <summary>Aliases naming one bit, in ascending bit order (the order Windows writes them).</summary>
    internal static IReadOnlyList<(string Alias, uint Bit, string Name)> SingleBitAliases { get; } =
    [
        ("CC", 0x00000001, "CREATE_CHILD"),
        ("DC", 0x00000002, "DELETE_CHILD"),
        ("LC", 0x00000004, "LIST_CHILDREN"),
        ("SW", 0x00000008, "SELF_WRITE"),
        ("RP", 0x00000010, "READ_PROPERTY"),
        ("WP", 0x00000020, "WRITE_PROPERTY"),
        ("DT", 0x00000040, "DELETE_TREE"),
        ("LO", 0x00000080, "LIST_OBJECT"),
        ("CR", 0x00000100, "CONTROL_ACCESS"),
        ("SD", Delete, "DELETE"),
        ("RC", ReadControl, "READ_CONTROL"),
        ("WD", WriteDac, "WRITE_DAC"),
        ("WO", WriteOwner, "WRITE_OWNER"),
        ("GA", GenericAll, "GENERIC_ALL"),
        ("GX", GenericExecute, "GENERIC_EXECUTE"),
        ("GW", GenericWrite, "GENERIC_WRITE"),
        ("GR", GenericRead, "GENERIC_READ"),
    ];

    /// <summary>Aliases naming several bits; written only when the mask matches exactly.</summary>
    internal static IReadOnlyList<(string Alias, uint Mask, string Name)> CompositeAliases { get; } =
    [
        ("FA", FileAllAccess, "FILE_ALL_ACCESS"),
        ("FR", FileGenericRead, "FILE_GENERIC_READ"),
        ("FW", FileGenericWrite, "FILE_GENERIC_WRITE"),
        ("FX", FileGenericExecute, "FILE_GENERIC_EXECUTE"),
        ("KA", KeyAllAccess, "KEY_ALL_ACCESS"),
        ("KR", KeyRead, "KEY_READ"),
        ("KW", KeyWrite, "KEY_WRITE"),
        ("KX", KeyExecute, "KEY_EXECUTE"),
    ];

    /// <summary>Mandatory-label aliases; accepted when parsing (their bits equal CC, DC and LC).</summary>
    internal static IReadOnlyList<(string Alias, uint Mask)> LabelAliases { get; } =
        [("NR", 0x1), ("NW", 0x2), ("NX", 0x4)];

    /// <summary>The mask of one two-letter rights alias (case-insensitive), or null.</summary>
    public static uint? FromAlias(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        foreach (var (name, bit, _) in SingleBitAliases)
        {
            if (string.Equals(name, alias, StringComparison.OrdinalIgnoreCase))
            {
                return bit;
            }
        }

        foreach (var (name, mask, _) in CompositeAliases)
        {
            if (string.Equals(name, alias, StringComparison.OrdinalIgnoreCase))
            {
                return mask;
            }
        }

        foreach (var (name, mask) in LabelAliases)
        {
            if (string.Equals(name, alias, StringComparison.OrdinalIgnoreCase))
            {
                return mask;
            }
        }

        return null;
    }

    /// <summary>The rights field as Windows writes it: <c>GA</c>, <c>GXGW</c>, <c>FA</c>, <c>0x1200a9</c>; "" for 0.</summary>
    public static string ToSddl(uint mask)
    {
        if (mask == 0)
        {
            return string.Empty;
        }

        foreach (var (alias, composite, _) in CompositeAliases)
        {
            if (composite == mask)
            {
                return alias;
            }
        }

        var builder = new StringBuilder();
        var covered = 0u;
        foreach (var (alias, bit, _) in SingleBitAliases)
        {
            if ((mask & bit) != 0)
            {
                builder.Append(alias);
                covered |= bit;
            }
        }

        return covered == mask ? builder.ToString() : "0x" + mask.ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Words for messages: "GENERIC_ALL", "GENERIC_EXECUTE | GENERIC_WRITE", "FILE_ALL_ACCESS",
    /// "READ_CONTROL | 0x100000"; "no rights" for 0.
    /// </summary>
    public static string Describe(uint mask)
    {
        if (mask == 0)
        {
            return "no rights";
        }

        foreach (var (_, composite, name) in CompositeAliases)
        {
            if (composite == mask)
            {
                return name;
            }
        }

        var names = new List<string>();
        var rest = mask;
        foreach (var (_, bit, name) in SingleBitAliases)
        {
            if ((mask & bit) != 0)
            {
                names.Add(name);
                rest &= ~bit;
            }
        }

        if (rest != 0)
        {
            names.Add("0x" + rest.ToString("x", CultureInfo.InvariantCulture));
        }

        return string.Join(" | ", names);
    }
}
