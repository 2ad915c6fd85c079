using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan;

/// <summary>
/// Session configuration files in the shapes New-PSSessionConfigurationFile writes (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/NewPSSessionConfigurationFile.cs at 929903692e:
/// ConfigFragment 1863–1873 writes "# comment", then "Key = value" or "# Key = value" for an example; QuoteName 1880–1888
/// single-quotes; CombineHashtable 1940–1985 writes "@{" then one "'key' = value" per line and " }"; CombineStringArray
/// 2083–2101 writes "'a', 'b'"; WrapScriptBlock 1895–1900 writes "{...}"; WriteBoolean 1905–1915 writes $true/$false).
/// </summary>
internal static class SessionConfigurationFixtures
{
    /// <summary>A JEA file: RunAsVirtualAccount, RoleDefinitions (written by CombineHashtable, 798–799), examples commented out (740–741, 791–792, 807–808).</summary>
    public const string Jea = """
        @{

        # Version number of the schema used for this document
        SchemaVersion = '2.0.0.0'

        # ID used to uniquely identify this document
        GUID = '6f5c3a1e-2b1d-4c8e-9a3f-0d1e2f3a4b5c'

        # Author of this document
        Author = 'O''Brien'

        # Description of the functionality provided by these settings
        # Description = ''

        # Session type defaults to apply for this session configuration. Can be 'RestrictedRemoteServer' (recommended), 'Empty', or 'Default'
        SessionType = 'RestrictedRemoteServer'

        # Directory to place session transcripts for this session configuration
        # TranscriptDirectory = 'C:\Transcripts\'

        # Whether to run this session configuration as the machine's (virtual) administrator account
        RunAsVirtualAccount = $true

        # Scripts to run when applied to a session
        # ScriptsToProcess = 'C:\ConfigData\InitScript1.ps1', 'C:\ConfigData\InitScript2.ps1'

        # User roles (security groups), and the role capabilities that should be applied to them when applied to a session
        RoleDefinitions = @{
            'CONTOSO\Helpdesk' = @{
                'RoleCapabilities' = 'Maintenance' }
            'CONTOSO\SqlAdmins' = @{
                'RoleCapabilities' = 'SqlAdministration', 'Maintenance' } }

        # User must be a member of ALL groups listed here to connect
        # RequiredGroups = @{ And = @{ Or = 'CONTOSO\SmartCard-Logon1', 'CONTOSO\SmartCard-Logon2' }, 'Administrators' }

        # Functions defined in this session configuration
        FunctionDefinitions = @{
            'Name' = 'Get-Health'
            'ScriptBlock' = { param($Name) "Health of $Name"; @{ ok = $true } } }

        }
        """;

    /// <summary>The SIDs the fixture domain gives the roles (what NTAccount.Translate returns on a member machine).</summary>
    public static readonly IReadOnlyDictionary<string, string> Accounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [@"CONTOSO\Helpdesk"] = "S-1-5-21-1004336348-1177238915-682003330-1105",
        [@"CONTOSO\SqlAdmins"] = "S-1-5-21-1004336348-1177238915-682003330-1106",
        [@"BUILTIN\Administrators"] = "S-1-5-32-544",
        ["Administrators"] = "S-1-5-32-544",
        [@"CONTOSO\SmartCard-Logon1"] = "S-1-5-21-1004336348-1177238915-682003330-1107",
        [@"CONTOSO\SmartCard-Logon2"] = "S-1-5-21-1004336348-1177238915-682003330-1108",
        [@"CONTOSO\MFA"] = "S-1-5-21-1004336348-1177238915-682003330-1109",
    };

    /// <summary><see cref="Jea"/> with its example RequiredGroups line uncommented.</summary>
    public static readonly string JeaWithRequiredGroups = Jea.Replace("# RequiredGroups = ", "RequiredGroups = ", StringComparison.Ordinal);

    /// <summary>
    /// The condition CreateConditionalACEFromConfig (CustomShellCommands.cs 1747–1886) builds from the RequiredGroups of
    /// <see cref="JeaWithRequiredGroups"/>: the inner Or in parentheses (1794–1839), joined to Administrators by " &amp;&amp; ".
    /// </summary>
    public const string JeaCondition = "((Member_of {SID(S-1-5-21-1004336348-1177238915-682003330-1107)} || Member_of {SID(S-1-5-21-1004336348-1177238915-682003330-1108)}) && Member_of {SID(S-1-5-32-544)})";

    /// <summary>
    /// What Register-PSSessionConfiguration derives from <see cref="JeaWithRequiredGroups"/> with access mode Remote:
    /// <see cref="JeaSddl"/> with each ACE made conditional (UpdateSDDLUsersWithGroupConditional, CustomShellCommands.cs 1592–1661).
    /// </summary>
    public const string JeaWithRequiredGroupsSddl =
        "O:NSG:BAD:P(XA;;GA;;;S-1-5-21-1004336348-1177238915-682003330-1105;" + JeaCondition + ")"
        + "(XA;;GA;;;S-1-5-21-1004336348-1177238915-682003330-1106;" + JeaCondition + ")S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary>What Register-PSSessionConfiguration derives from <see cref="Jea"/> with access mode Remote (CustomShellCommands.cs 1502–1570).</summary>
    public const string JeaSddl = "O:NSG:BAD:P(A;;GA;;;S-1-5-21-1004336348-1177238915-682003330-1105)(A;;GA;;;S-1-5-21-1004336348-1177238915-682003330-1106)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";

    /// <summary>Translates from <see cref="Accounts"/>, as NTAccount.Translate would on a member of the fixture domain.</summary>
    public sealed class MapTranslator(IReadOnlyDictionary<string, string> map) : IAccountTranslator
    {
        public MapTranslator()
            : this(Accounts)
        {
        }

        public string Description => "the test's account map";

        public bool IsAvailable => true;

        public Sid? Translate(string account, out string? problem)
        {
            problem = map.ContainsKey(account) ? null : "Some or all identity references could not be translated.";
            return map.TryGetValue(account, out string? sid) ? Sid.Parse(sid) : null;
        }
    }
}
