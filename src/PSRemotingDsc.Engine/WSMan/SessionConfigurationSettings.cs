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
/// <item><c>RequiredGroups</c> → conditional ACEs (919–925, CreateConditionalACEFromConfig 1747,
/// UpdateSDDLUsersWithGroupConditional 1592): not derived; a file with RequiredGroups needs a declared
/// <c>securityDescriptorSddl</c>.</item>
/// </list>
/// <c>RunAsVirtualAccountGroups</c> (899–903, GetRunAsVirtualAccountGroupsString 1461–1466: joined by ';'; written only
/// with RunAsVirtualAccount, 1138–1150). <c>GroupManagedServiceAccount</c> (905–908) is not applied yet: a file that sets it
/// is refused, since ignoring it would run sessions under another identity than the file says.
/// </summary>
public static class SessionConfigurationSettings
{
    /// <summary>The key that makes sessions run as a virtual account (CustomShellCommands.cs 893).</summary>
    public const string RunAsVirtualAccountKey = "RunAsVirtualAccount";

    /// <summary>The key whose names are granted access (CustomShellCommands.cs 1518).</summary>
    public const string RoleDefinitionsKey = "RoleDefinitions";

    /// <summary>The key that restricts access to members of groups by conditional ACEs (CustomShellCommands.cs 1752).</summary>
    public const string RequiredGroupsKey = "RequiredGroups";

    /// <summary>
    /// <paramref name="desired"/> with what its session configuration file sets and the user did not declare. Unchanged when
    /// no file is declared, the endpoint should not exist, or the file cannot be read (the copy check reports that).
    /// </summary>
    /// <param name="desired">The endpoint as the user declared it.</param>
    /// <param name="accounts">Translates RoleDefinitions names to SIDs.</param>
    /// <exception cref="PSRemotingDscException">The file is not data, has RequiredGroups without a declared SDDL, or names a
    /// role that cannot be translated.</exception>
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
        if (table.TryGetValue("GroupManagedServiceAccount", out object? gmsa) && gmsa is not (null or ""))
        {
            throw new PSRemotingDscException(ErrorIds.SessionConfigurationAccountUnsupported,
                $"{path}: GroupManagedServiceAccount is not applied by psremotingdsc yet (CustomShellCommands.cs 905–908), and ignoring it would run sessions under another identity than the file says. Remove it, or register this file with Register-PSSessionConfiguration. Nothing was changed.");
        }

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

        // A declared SDDL is the -SecurityDescriptorSddl parameter: the file's SDDL is not applied (CustomShellCommands.cs 141).
        if (desired.SecurityDescriptorSddl is null)
        {
            ThrowIfRequiredGroups(table, path);
            if (ComputeSddl(table, desired.AccessMode ?? AccessMode.Remote, path, accounts) is { } sddl)
            {
                result = result with { SecurityDescriptorSddl = sddl };
            }
        }

        return result;
    }

    /// <summary>
    /// ComputeSDDLFromConfiguration (CustomShellCommands.cs 1502–1570): null without RoleDefinitions, for access mode
    /// Disabled (no default SDDL to start from, 1521–1528) and when no role is listed (an empty DACL, 1560).
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

        return entries.Count == 0 ? null : start.WithDacl(new AccessControlList(start.Dacl!.Flags, entries)).ToSddl();
    }

    private static void ThrowIfRequiredGroups(IReadOnlyDictionary<string, object?> table, string path)
    {
        // CreateConditionalACEFromConfig (1747–1770): no key or an empty hashtable adds nothing.
        if (!table.TryGetValue(RequiredGroupsKey, out object? groups) || groups is IReadOnlyDictionary<string, object?> { Count: 0 })
        {
            return;
        }

        throw new PSRemotingDscException(ErrorIds.SessionConfigurationRequiredGroupsUnsupported,
            $"{path}: {RequiredGroupsKey} restricts access with conditional ACEs (Member_of {{SID(...)}}) that psremotingdsc does not derive. "
            + "Declare 'securityDescriptorSddl' with the conditional ACEs you want (Register-PSSessionConfiguration writes them as XA ACEs), or remove RequiredGroups. Nothing was changed.");
    }

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
