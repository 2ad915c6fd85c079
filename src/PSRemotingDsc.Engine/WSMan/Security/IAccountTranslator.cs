namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Translates an account name (<c>CONTOSO\SqlAdmins</c>, <c>BUILTIN\Administrators</c>) to its SID, as
/// <c>NTAccount.Translate(typeof(SecurityIdentifier))</c> does for RoleDefinitions (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs 1544–1549 at 929903692e).
/// </summary>
public interface IAccountTranslator
{
    /// <summary>A sentence on where names are looked up, for messages ("this machine and its domain").</summary>
    string Description { get; }

    /// <summary>Whether names can be looked up at all here.</summary>
    bool IsAvailable { get; }

    /// <summary>The SID of <paramref name="account"/>, or null when no such account is known.</summary>
    /// <param name="account">The account name as written in the file.</param>
    /// <param name="problem">Why it could not be translated, when null is returned.</param>
    Sid? Translate(string account, out string? problem);
}
