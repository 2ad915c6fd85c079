using System.Text;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>The SDDL spellings of ACE types, ACE flags and ACL flags (<c>sddl.h</c>).</summary>
internal static class SddlTokens
{
    internal static IReadOnlyList<(string Token, AceType Type)> AceTypes { get; } =
    [
        ("A", AceType.AccessAllowed),
        ("D", AceType.AccessDenied),
        ("AU", AceType.SystemAudit),
        ("AL", AceType.SystemAlarm),
        ("XA", AceType.AccessAllowedCallback),
        ("XD", AceType.AccessDeniedCallback),
    ];

    /// <summary>In ascending bit order, the order Windows writes them.</summary>
    internal static IReadOnlyList<(string Token, AceFlags Flag)> AceFlagTokens { get; } =
    [
        ("OI", AceFlags.ObjectInherit),
        ("CI", AceFlags.ContainerInherit),
        ("NP", AceFlags.NoPropagateInherit),
        ("IO", AceFlags.InheritOnly),
        ("ID", AceFlags.Inherited),
        ("SA", AceFlags.SuccessfulAccess),
        ("FA", AceFlags.FailedAccess),
    ];

    /// <summary>In the order Windows writes them (<c>D:PAI</c>).</summary>
    internal static IReadOnlyList<(string Token, AclFlags Flag)> AclFlagTokens { get; } =
    [
        ("NO_ACCESS_CONTROL", AclFlags.NoAccessControl),
        ("P", AclFlags.Protected),
        ("AR", AclFlags.AutoInheritRequired),
        ("AI", AclFlags.AutoInherited),
    ];

    internal static AceType? ParseAceType(string token)
    {
        foreach (var (text, type) in AceTypes)
        {
            if (string.Equals(text, token, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    internal static string FormatAceType(AceType type) => AceTypes.First(entry => entry.Type == type).Token;

    internal static string FormatAceFlags(AceFlags flags)
    {
        var builder = new StringBuilder();
        foreach (var (token, flag) in AceFlagTokens)
        {
            if ((flags & flag) != 0)
            {
                builder.Append(token);
            }
        }

        return builder.ToString();
    }

    internal static string FormatAclFlags(AclFlags flags)
    {
        var builder = new StringBuilder();
        foreach (var (token, flag) in AclFlagTokens)
        {
            if ((flags & flag) != 0)
            {
                builder.Append(token);
            }
        }

        return builder.ToString();
    }
}
