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
    public const uint GenericAll = 0x10000000;
    public const uint GenericExecute = 0x20000000;
    public const uint GenericWrite = 0x40000000;
    public const uint GenericRead = 0x80000000;
    public const uint Delete = 0x00010000;
    public const uint ReadControl = 0x00020000;
    public const uint WriteDac = 0x00040000;
    public const uint WriteOwner = 0x00080000;
    public const uint FileAllAccess = 0x001F01FF;
    public const uint FileGenericRead = 0x00120089;
    public const uint FileGenericWrite = 0x00120116;
    public const uint FileGenericExecute = 0x001200A0;
    public const uint KeyAllAccess = 0x000F003F;
    public const uint KeyRead = 0x00020019;
    public const uint KeyWrite = 0x00020006;
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
