using System.Collections.Frozen;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// The table of SDDL SID aliases and stable display names. Source: the SID string constants of
/// <c>sddl.h</c> (Windows SDK), documented on learn.microsoft.com "SID Strings"; values of the fixed SIDs from
/// "Well-known SIDs". Display names are English and fixed on purpose: drift messages must not depend on the
/// display language of the machine (the localized <c>NT AUTHORITY\NETWORK</c> bug of xPSEndpoint).
/// </summary>
public static class SecurityIdentifiers
{
    /// <summary>S-1-5-2, alias NU: every logon over the network. A deny of GENERIC_ALL to it makes an endpoint Local.</summary>
    public const string Network = "S-1-5-2";

    /// <summary>S-1-1-0, alias WD.</summary>
    public const string Everyone = "S-1-1-0";

    /// <summary>S-1-5-32-544, alias BA.</summary>
    public const string BuiltinAdministrators = "S-1-5-32-544";

    /// <summary>S-1-5-32-580, alias RM (Windows 8 / Server 2012 and later).</summary>
    public const string RemoteManagementUsers = "S-1-5-32-580";

    /// <summary>S-1-5-4, alias IU.</summary>
    public const string Interactive = "S-1-5-4";

    /// <summary>Every alias of the table, in alphabetical order.</summary>
    public static IReadOnlyList<WellKnownSid> All { get; } =
    [
        new("AA", "S-1-5-32-579", null, "Access Control Assistance Operators"),
        new("AC", "S-1-15-2-1", null, "All Application Packages"),
        new("AN", "S-1-5-7", null, "Anonymous Logon"),
        new("AO", "S-1-5-32-548", null, "Account Operators"),
        new("AP", null, 525, "Protected Users"),
        new("AS", "S-1-18-1", null, "Authentication Authority Asserted Identity"),
        new("AU", "S-1-5-11", null, "Authenticated Users"),
        new("BA", BuiltinAdministrators, null, "Administrators"),
        new("BG", "S-1-5-32-546", null, "Guests"),
        new("BO", "S-1-5-32-551", null, "Backup Operators"),
        new("BU", "S-1-5-32-545", null, "Users"),
        new("CA", null, 517, "Cert Publishers"),
        new("CD", "S-1-5-32-574", null, "Certificate Service DCOM Access"),
        new("CG", "S-1-3-1", null, "Creator Group"),
        new("CN", null, 522, "Cloneable Domain Controllers"),
        new("CO", "S-1-3-0", null, "Creator Owner"),
        new("CY", "S-1-5-32-569", null, "Cryptographic Operators"),
        new("DA", null, 512, "Domain Admins"),
        new("DC", null, 515, "Domain Computers"),
        new("DD", null, 516, "Domain Controllers"),
        new("DG", null, 514, "Domain Guests"),
        new("DU", null, 513, "Domain Users"),
        new("EA", null, 519, "Enterprise Admins"),
        new("ED", "S-1-5-9", null, "Enterprise Domain Controllers"),
        new("EK", null, 527, "Enterprise Key Admins"),
        new("ER", "S-1-5-32-573", null, "Event Log Readers"),
        new("ES", "S-1-5-32-576", null, "RDS Endpoint Servers"),
        new("HA", "S-1-5-32-578", null, "Hyper-V Administrators"),
        new("HI", "S-1-16-12288", null, "High Mandatory Level"),
        new("IS", "S-1-5-32-568", null, "IIS_IUSRS"),
        new("IU", Interactive, null, "Interactive"),
        new("KA", null, 526, "Key Admins"),
        new("LA", null, 500, "local Administrator account"),
        new("LG", null, 501, "local Guest account"),
        new("LS", "S-1-5-19", null, "Local Service"),
        new("LU", "S-1-5-32-559", null, "Performance Log Users"),
        new("LW", "S-1-16-4096", null, "Low Mandatory Level"),
        new("ME", "S-1-16-8192", null, "Medium Mandatory Level"),
        new("MP", "S-1-16-8448", null, "Medium Plus Mandatory Level"),
        new("MU", "S-1-5-32-558", null, "Performance Monitor Users"),
        new("NO", "S-1-5-32-556", null, "Network Configuration Operators"),
        new("NS", "S-1-5-20", null, "Network Service"),
        new("NU", Network, null, "Network"),
        new("OW", "S-1-3-4", null, "Owner Rights"),
        new("PA", null, 520, "Group Policy Creator Owners"),
        new("PO", "S-1-5-32-550", null, "Print Operators"),
        new("PS", "S-1-5-10", null, "Principal Self"),
        new("PU", "S-1-5-32-547", null, "Power Users"),
        new("RA", "S-1-5-32-575", null, "RDS Remote Access Servers"),
        new("RC", "S-1-5-12", null, "Restricted Code"),
        new("RD", "S-1-5-32-555", null, "Remote Desktop Users"),
        new("RE", "S-1-5-32-552", null, "Replicator"),
        new("RM", RemoteManagementUsers, null, "Remote Management Users"),
        new("RO", null, 498, "Enterprise Read-only Domain Controllers"),
        new("RS", null, 553, "RAS and IAS Servers"),
        new("RU", "S-1-5-32-554", null, "Pre-Windows 2000 Compatible Access"),
        new("SA", null, 518, "Schema Admins"),
        new("SI", "S-1-16-16384", null, "System Mandatory Level"),
        new("SO", "S-1-5-32-549", null, "Server Operators"),
        new("SS", "S-1-18-2", null, "Service Asserted Identity"),
        new("SU", "S-1-5-6", null, "Service"),
        new("SY", "S-1-5-18", null, "Local System"),
        new("UD", "S-1-5-84-0-0-0-0-0", null, "User Mode Drivers"),
        new("WD", Everyone, null, "Everyone"),
        new("WR", "S-1-5-33", null, "Write Restricted Code"),
    ];

    private static readonly FrozenDictionary<string, WellKnownSid> ByAlias =
        All.ToFrozenDictionary(entry => entry.Alias, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, WellKnownSid> ByValue =
        All.Where(entry => entry.Value is not null).ToFrozenDictionary(entry => entry.Value!, StringComparer.Ordinal);

    /// <summary>The table entry of a two-letter alias (case-insensitive), or null.</summary>
    public static WellKnownSid? FindByAlias(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return ByAlias.GetValueOrDefault(alias);
    }

    /// <summary>The table entry of a canonical <c>S-1-…</c> value, or null when it has no alias.</summary>
    public static WellKnownSid? FindByValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ByValue.GetValueOrDefault(value);
    }

    /// <summary>
    /// "S-1-5-32-580 (Remote Management Users)"; "S-1-5-21-…-1001" for a SID outside the table; "LA (local
    /// Administrator account, RID 500 of the machine or domain)" for a relative alias.
    /// </summary>
    public static string Describe(Sid sid)
    {
        ArgumentNullException.ThrowIfNull(sid);
        if (sid.IsRelative)
        {
            var relative = ByAlias[sid.Value];
            return $"{sid.Value} ({relative.DisplayName}, RID {relative.RelativeId} of the machine or domain)";
        }

        var entry = FindByValue(sid.Value);
        return entry is null ? sid.Value : $"{sid.Value} ({entry.DisplayName})";
    }
}
