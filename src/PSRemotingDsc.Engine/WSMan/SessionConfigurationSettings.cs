using System.Text;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// The settings Register-PSSessionConfiguration -Path derives from the session configuration file's content
/// (PowerShell src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs at 929903692e): what the
/// user did not declare is taken from the file, what the user declared wins, as a cmdlet parameter does.
/// <list type="bullet">
/// <item><c>RunAsVirtualAccount</c> (CustomShellCommands.cs 893–897: <c>LanguagePrimitives.ConvertTo&lt;bool&gt;</c>).</item>
/// <item><c>RoleDefinitions</c> → the SDDL when <c>securityDescriptorSddl</c> is not declared (912–916, 141–144 and
/// ComputeSDDLFromConfiguration 1502–1570): the default SDDL of the access mode, every DACL ACE purged, then one Allow
/// ACE with mask 0x10000000 for the SID of each RoleDefinitions key (NTAccount.Translate). PowerShell's comment calls
/// 0x10000000 "GR"; it is GENERIC_ALL, written <c>GA</c>.</item>
/// <item><c>RequiredGroups</c> → conditional ACEs (CreateConditionalACEFromConfig 1747–1886): the And/Or hashtable
/// becomes <c>(Member_of {SID(S-1-…)} &amp;&amp; …)</c>, each group name translated to its SID, and every DACL ACE becomes
/// conditional with it appended (UpdateSDDLUsersWithGroupConditional 1592–1661: <c>A</c> → <c>XA</c>). Applied to the
/// RoleDefinitions SDDL (1561–1568) or, without RoleDefinitions, to the access mode's default SDDL (919–928).</item>
/// </list>
/// <c>RunAsVirtualAccountGroups</c> (899–903, GetRunAsVirtualAccountGroupsString 1461–1466: joined by ';'; written only
/// with RunAsVirtualAccount, 1138–1150). <c>GroupManagedServiceAccount</c> (905–908, used when not empty and no
/// -RunAsCredential is given, 536–539) → the plugin's <c>RunAsUser</c>: CreateGMSAAccountCredentials (1371–1389) requires
/// <c>DomainName\UserName</c> (1375–1383, InvalidGMSAName) and appends <c>$</c> with an empty password (1385–1388); the
/// registration sets it as <c>RunAsUser</c> (the <c>set-item …\RunAsUser $runAsCredential</c> of 123–129). PowerShell does
/// not refuse a gMSA together with RunAsVirtualAccount, it writes both; psremotingdsc refuses that pair, which would name two
/// identities for one endpoint, and a name PowerShell would turn into an account that cannot exist (<c>X\y$</c> → <c>X\y$$</c>,
/// or a value that is not a string, which PowerShell's <c>as string</c> drops so that sessions run as the connecting user).
/// </summary>
public static class SessionConfigurationSettings
{
    /// <summary>The key that makes sessions run as a virtual account (CustomShellCommands.cs 893).</summary>
    public const string RunAsVirtualAccountKey = "RunAsVirtualAccount";

    /// <summary>The key whose names are granted access (CustomShellCommands.cs 1518).</summary>
    public const string RoleDefinitionsKey = "RoleDefinitions";

    /// <summary>The key that names the group managed service account sessions run as (CustomShellCommands.cs 905; ConfigFileConstants.GMSAAccount).</summary>
    public const string GroupManagedServiceAccountKey = "GroupManagedServiceAccount";

    /// <summary>The key that restricts access to members of groups by conditional ACEs (CustomShellCommands.cs 1752).</summary>
    public const string RequiredGroupsKey = "RequiredGroups";

    /// <summary>
    /// <paramref name="desired"/> with what its session configuration file sets and the user did not declare. Unchanged when
    /// no file is declared, the endpoint should not exist, or the file cannot be read (the copy check reports that).
    /// </summary>
    /// <param name="desired">The endpoint as the user declared it.</param>
    /// <param name="accounts">Translates RoleDefinitions names to SIDs.</param>
    /// <exception cref="PSRemotingDscException">The file is not data, or (without a declared SDDL) names a role or a
    /// required group that cannot be translated, or has RequiredGroups that are not the And/Or hashtable PowerShell reads, or
    /// a GroupManagedServiceAccount that is not 'DomainName\UserName' or is set together with a virtual account.</exception>
    public static WSManEndpointDesired Apply(WSManEndpointDesired desired, IAccountTranslator accounts)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(accounts);
        if (!desired.Exist || desired.SessionConfigurationFile is not { } path || !TryRead(path, out string? text))
        {
            return desired;
        }

        return Apply(desired, SessionConfigurationData.Parse(text, path), path, accounts);
    }

    /// <summary><paramref name="desired"/> with what <paramref name="table"/> (the file <paramref name="path"/>, read) sets and the user did not declare.</summary>
    /// <param name="desired">The endpoint as the user declared it.</param>
    /// <param name="table">The file's hashtable (<see cref="SessionConfigurationData.Parse"/>).</param>
    /// <param name="path">The file, named in errors.</param>
    /// <param name="accounts">Translates RoleDefinitions names to SIDs.</param>
    public static WSManEndpointDesired Apply(WSManEndpointDesired desired, IReadOnlyDictionary<string, object?> table, string path, IAccountTranslator accounts)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(accounts);
        WSManEndpointDesired result = desired;

        // DISCPowerShellConfiguration.TryGetStringArray, then GetRunAsVirtualAccountGroupsString (1461–1466): joined by ';'.
        if (table.TryGetValue("RunAsVirtualAccountGroups", out object? groups) && Strings(groups) is { Length: > 0 } names)
        {
            result = result with { RunAsVirtualAccountGroups = string.Join(';', names) };
        }

        // The parameter wins over the file: only an undeclared runAsVirtualAccount is read from it (CustomShellCommands.cs 893–897).
        if (desired.RunAsVirtualAccount is null && table.TryGetValue(RunAsVirtualAccountKey, out object? runAs))
        {
            result = result with { RunAsVirtualAccount = ToBoolean(runAs, path) };
        }

        // 905–908 and 536–539: a gMSA that is not empty becomes the RunAs account (there is no runAsCredential property).
        if (table.TryGetValue(GroupManagedServiceAccountKey, out object? gmsa) && gmsa is not (null or ""))
        {
            result = result with { RunAsUser = GroupManagedServiceAccountUser(gmsa, path) };
            if (result.RunAsVirtualAccount == true)
            {
                // PowerShell has no rule here: it writes RunAsVirtualAccount='True' (1138–1142) and then sets RunAsUser (536–539,
                // 123–129), a registration with two identities. Refused rather than written or one of them dropped.
                throw new PSRemotingDscException(ErrorIds.SessionConfigurationAccountUnsupported,
                    $"{path}: {GroupManagedServiceAccountKey} '{gmsa}' is set for an endpoint that also runs as a virtual account "
                    + $"({(desired.RunAsVirtualAccount == true ? "'runAsVirtualAccount' is true" : $"{RunAsVirtualAccountKey} is true in the file")}); Register-PSSessionConfiguration would register both, and sessions can run as only one. "
                    + $"Remove {RunAsVirtualAccountKey} from the file (and do not declare 'runAsVirtualAccount: true') to run sessions as the gMSA, or remove {GroupManagedServiceAccountKey} to run them as a virtual account. Nothing was changed.");
            }
        }

        // A declared SDDL is the -SecurityDescriptorSddl parameter: the file's SDDL is not applied (CustomShellCommands.cs 141).
        if (desired.SecurityDescriptorSddl is null)
        {
            if (DeriveSddl(table, desired.AccessMode ?? AccessMode.Remote, path, accounts) is { } sddl)
            {
                result = result with { SecurityDescriptorSddl = sddl };
            }
        }

        return result;
    }

    /// <summary>
    /// The SDDL Register-PSSessionConfiguration -Path registers from the file, or null when it keeps the access mode's
    /// default: <see cref="ComputeSddl"/> (912–916), then, only when that gives nothing and the access mode has a default
    /// (Local or Remote, 444–456), the default with RequiredGroups applied (919–928).
    /// </summary>
    internal static string? DeriveSddl(IReadOnlyDictionary<string, object?> table, AccessMode mode, string path, IAccountTranslator accounts)
    {
        if (mode == AccessMode.Disabled)
        {
            // ComputeSDDLFromConfiguration has no default to start from (1521–1528) and Register's sddl is null (444–456).
            return null;
        }

        if (table.ContainsKey(RoleDefinitionsKey))
        {
            // ComputeSDDLFromConfiguration applies RequiredGroups itself (1561–1568). With no role it returns the default
            // SDDL unchanged (1559–1570), which is not empty, so 919 does not apply RequiredGroups either: the default stays.
            return ComputeSddl(table, mode, path, accounts);
        }

        // 919–928: no SDDL from RoleDefinitions and none declared: the default SDDL (444–456) with the conditional ACEs.
        if (ConditionalAce(table, path, accounts) is not { } condition)
        {
            return null;
        }

        SecurityDescriptor start = SddlParser.Parse(mode == AccessMode.Local ? DefaultSddl.Local : DefaultSddl.Remote);
        return WithGroupConditional(start, condition, path).ToSddl();
    }

    /// <summary>
    /// ComputeSDDLFromConfiguration (CustomShellCommands.cs 1502–1570): null without RoleDefinitions, for access mode
    /// Disabled (no default to start from, 1521–1528) and when no role is listed (the default is kept, 1559–1570);
    /// RequiredGroups applied to the roles' ACEs (1563–1568).
    /// </summary>
    internal static string? ComputeSddl(IReadOnlyDictionary<string, object?> table, AccessMode mode, string path, IAccountTranslator accounts)
    {
        if (!table.TryGetValue(RoleDefinitionsKey, out object? value) || mode == AccessMode.Disabled)
        {
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> roles)
        {
            throw new PSRemotingDscException(ErrorIds.SessionConfigurationFileNotData,
                $"{path}: {RoleDefinitionsKey} is not a hashtable of account names (@{{ 'CONTOSO\\Role' = @{{ RoleCapabilities = '...' }} }}). Nothing was changed.");
        }

        // Start with the access mode's default (1521–1528) and purge every DACL ACE (1532–1542).
        SecurityDescriptor start = SddlParser.Parse(mode == AccessMode.Local ? DefaultSddl.Local : DefaultSddl.Remote);
        var entries = new List<AccessControlEntry>();
        foreach (string account in roles.Keys)
        {
            // NTAccount.Translate, then AddAccess(Allow, sid, 0x10000000) (1544–1549).
            Sid sid = accounts.Translate(account, out string? problem)
                ?? throw new PSRemotingDscException(ErrorIds.SessionConfigurationRoleNotResolved,
                    $"{path}: the {RoleDefinitionsKey} principal '{account}' cannot be translated to a SID ({problem}); accounts are looked up in {accounts.Description}. "
                    + "Declare 'securityDescriptorSddl' with the SIDs Register-PSSessionConfiguration would grant (O:NSG:BAD:P(A;;GA;;;<SID>)... for each role), or fix the name. Nothing was changed.");
            entries.Add(new AccessControlEntry(AceType.AccessAllowed, AceFlags.None, AccessMask.GenericAll, sid));
        }

        if (entries.Count == 0)
        {
            return null;
        }

        SecurityDescriptor derived = start.WithDacl(new AccessControlList(start.Dacl!.Flags, entries));

        // RequiredGroups (1563–1568), only when the DACL has entries (1559).
        return (ConditionalAce(table, path, accounts) is { } condition ? WithGroupConditional(derived, condition, path) : derived).ToSddl();
    }

    /// <summary>
    /// CreateConditionalACEFromConfig (CustomShellCommands.cs 1747–1886): the RequiredGroups expression, with its outer
    /// parentheses, or null when there is no RequiredGroups or it is an empty hashtable (1750–1764). What PowerShell
    /// refuses (not a hashtable 1756–1759, a hashtable with neither And nor Or 1788–1791, a value that is neither a group
    /// name nor a hashtable 1881–1884, a name NTAccount.Translate cannot translate 1869–1870) is refused here too, and so
    /// is an empty or nested list, from which PowerShell would write a malformed condition (1819–1831, 1846–1853).
    /// </summary>
    internal static string? ConditionalAce(IReadOnlyDictionary<string, object?> table, string path, IAccountTranslator accounts)
    {
        if (!table.TryGetValue(RequiredGroupsKey, out object? value))
        {
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> groups)
        {
            // RequiredGroupsNotHashTable (1756–1759).
            throw RequiredGroupsRefused(path, "is not a hashtable (@{ And = 'CONTOSO\\Group1', 'CONTOSO\\Group2' })");
        }

        if (groups.Count == 0)
        {
            return null;
        }

        var condition = new StringBuilder();
        AddCondition(condition, groups, path, accounts);
        return condition.ToString();
    }

    // AddCondition (1772–1792): 'And' first, then 'Or'; any other key alone is UnknownGroupMembershipKey.
    private static void AddCondition(StringBuilder condition, IReadOnlyDictionary<string, object?> hashtable, string path, IAccountTranslator accounts)
    {
        if (hashtable.TryGetValue("And", out object? and))
        {
            AddKeyValue(condition, and, " && ", path, accounts);
        }
        else if (hashtable.TryGetValue("Or", out object? or))
        {
            AddKeyValue(condition, or, " || ", path, accounts);
        }
        else
        {
            throw RequiredGroupsRefused(path, "has a hashtable with neither an And nor an Or key");
        }
    }

    // ParseKeyValue (1794–1839): '(' + the values joined by the operator + ')'.
    private static void AddKeyValue(StringBuilder condition, object? value, string logicalOperator, string path, IAccountTranslator accounts)
    {
        condition.Append('(');
        if (value is IReadOnlyList<object?> values)
        {
            if (values.Count == 0)
            {
                throw RequiredGroupsRefused(path, "has an empty list of groups, which PowerShell writes as the malformed condition '()'");
            }

            for (int i = 0; i < values.Count;)
            {
                AddValues(condition, values[i++], path, accounts);
                if (i < values.Count)
                {
                    condition.Append(logicalOperator);
                }
            }
        }
        else
        {
            AddValues(condition, value, path, accounts);
        }

        condition.Append(')');
    }

    // ParseValues (1841–1858): a list inside the list is written item after item with no operator between them.
    private static void AddValues(StringBuilder condition, object? value, string path, IAccountTranslator accounts)
    {
        if (value is IReadOnlyList<object?> values)
        {
            if (values.Count != 1)
            {
                throw RequiredGroupsRefused(path, "has a list inside a list of groups, which PowerShell writes without an operator between its groups (a malformed condition)");
            }

            value = values[0];
        }

        AddValue(condition, value, path, accounts);
    }

    // ParseValue (1860–1886): a group name → 'Member_of {SID(S-1-…)}' (NTAccount.Translate), a hashtable → recurse.
    private static void AddValue(StringBuilder condition, object? value, string path, IAccountTranslator accounts)
    {
        switch (value)
        {
            case string group when group.Length > 0:
                Sid sid = accounts.Translate(group, out string? problem)
                    ?? throw new PSRemotingDscException(ErrorIds.SessionConfigurationRequiredGroupsUnsupported,
                        $"{path}: the {RequiredGroupsKey} group '{group}' cannot be translated to a SID ({problem}); accounts are looked up in {accounts.Description}. "
                        + "Declare 'securityDescriptorSddl' with the conditional ACEs Register-PSSessionConfiguration would write ((XA;;GA;;;<SID>;(Member_of {SID(<group SID>)})) for each ACE), or fix the name. Nothing was changed.");
                condition.Append("Member_of {SID(").Append(sid.Value).Append(")}");
                break;
            case IReadOnlyDictionary<string, object?> hashtable:
                AddCondition(condition, hashtable, path, accounts);
                break;
            default:
                // UnknownGroupMembershipValue (1881–1884); '' fails NTAccount's constructor.
                throw RequiredGroupsRefused(path, "has a value that is neither a group name nor an And/Or hashtable");
        }
    }

    /// <summary>
    /// UpdateSDDLUsersWithGroupConditional (CustomShellCommands.cs 1592–1661): every DACL ACE gets the 'X' prefix
    /// (<c>A</c> → <c>XA</c>, <c>D</c> → <c>XD</c>) and <paramref name="condition"/> as its last field; the owner, the
    /// group and the SACL are kept. An ACE that is already conditional is RequiredGroupsMalformedACE (1631–1636).
    /// </summary>
    private static SecurityDescriptor WithGroupConditional(SecurityDescriptor descriptor, string condition, string path)
    {
        if (descriptor.Dacl is not { } dacl || dacl.Entries.Count == 0)
        {
            // ParseDACLACEs finds no ACE: the SDDL is returned as it is (1604–1606).
            return descriptor;
        }

        var entries = dacl.Entries.Select(entry => entry with
        {
            Type = entry.Type switch
            {
                AceType.AccessAllowed => AceType.AccessAllowedCallback,
                AceType.AccessDenied => AceType.AccessDeniedCallback,
                _ => throw RequiredGroupsRefused(path, $"cannot be applied to the ACE {entry.ToSddl()}"),
            },
            Condition = condition,
        });
        return descriptor.WithDacl(new AccessControlList(dacl.Flags, entries));
    }

    private static PSRemotingDscException RequiredGroupsRefused(string path, string problem) =>
        new(ErrorIds.SessionConfigurationRequiredGroupsUnsupported,
            $"{path}: {RequiredGroupsKey} {problem}; Register-PSSessionConfiguration refuses it too. "
            + "Write RequiredGroups as @{ And = ... } or @{ Or = ... } of group names and nested And/Or hashtables, or declare 'securityDescriptorSddl'. Nothing was changed.");

    /// <summary>
    /// CreateGMSAAccountCredentials (CustomShellCommands.cs 1371–1389): <c>DomainName\UserName</c>, split on <c>\</c> into
    /// exactly two parts, neither empty (1375–1383), becomes <c>DomainName\UserName$</c> (1385–1386). Also refused: a value
    /// that is not a string (907 reads it <c>as string</c>, so PowerShell would drop it and run sessions as the connecting
    /// user) and a name that already ends with <c>$</c> (PowerShell would register <c>UserName$$</c>, which cannot log on).
    /// </summary>
    internal static string GroupManagedServiceAccountUser(object value, string path)
    {
        if (value is not string account)
        {
            throw AccountInvalid(path, $"is not a string (it is {Describe(value)}); PowerShell reads it as a string only and would run sessions as the connecting user instead");
        }

        string[] parts = account.Split('\\');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            // RemotingErrorIdStrings.InvalidGMSAName, thrown by Register-PSSessionConfiguration too (1380–1383).
            throw AccountInvalid(path, $"'{account}' is not of the form 'DomainName\\UserName'; Register-PSSessionConfiguration refuses it too (\"Invalid Group Managed Service account name\")");
        }

        if (parts[1].EndsWith('$'))
        {
            throw AccountInvalid(path, $"'{account}' ends with '$', and PowerShell appends one (the account would be '{account}$', which does not exist)");
        }

        return account + "$";
    }

    private static PSRemotingDscException AccountInvalid(string path, string problem) =>
        new(ErrorIds.SessionConfigurationAccountInvalid,
            $"{path}: {GroupManagedServiceAccountKey} {problem}. Write it as 'DomainName\\UserName' without the trailing '$' (GroupManagedServiceAccount = 'CONTOSO\\JeaGmsa'), or remove it. Nothing was changed.");

    private static string Describe(object value) => value switch
    {
        bool => "a boolean",
        SessionConfigurationData.ScriptBlockLiteral => "a script block",
        long => "a number",
        IReadOnlyDictionary<string, object?> => "a hashtable",
        IEnumerable<object?> => "an array",
        _ => "not text",
    };

    /// <summary>A string or an array of strings, as TryGetStringArray reads it; empty for anything else.</summary>
    private static string[] Strings(object? value) => value switch
    {
        string text when text.Length > 0 => [text],
        IEnumerable<object?> items => [.. items.OfType<string>().Where(item => item.Length > 0)],
        _ => [],
    };

    /// <summary>LanguagePrimitives.ConvertTo&lt;bool&gt; for the values a data file holds: null and 0 and '' are false.</summary>
    private static bool ToBoolean(object? value, string path) => value switch
    {
        null => false,
        bool flag => flag,
        long number => number != 0,
        string text => text.Length > 0,
        _ => throw new PSRemotingDscException(ErrorIds.SessionConfigurationFileNotData,
            $"{path}: {RunAsVirtualAccountKey} is not $true or $false. Nothing was changed."),
    };

    private static bool TryRead(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        try
        {
            byte[] content = RegularFile.ReadAllBytes(path);
            // New-PSSessionConfigurationFile writes UTF-8 (PowerShell 7) or UTF-16 with a byte order mark (Windows PowerShell).
            using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = null;
            return false;
        }
    }
}
