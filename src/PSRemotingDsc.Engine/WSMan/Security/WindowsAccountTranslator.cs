using System.Runtime.Versioning;
using System.Security.Principal;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>Windows: <c>NTAccount.Translate</c>, the lookup Register-PSSessionConfiguration makes (CustomShellCommands.cs 1546–1547).</summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAccountTranslator : IAccountTranslator
{
    /// <inheritdoc/>
    public string Description => "this machine and its domain (NTAccount.Translate)";

    /// <inheritdoc/>
    public bool IsAvailable => true;

    /// <inheritdoc/>
    public Sid? Translate(string account, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            var sid = (SecurityIdentifier)new NTAccount(account).Translate(typeof(SecurityIdentifier));
            problem = null;
            return Sid.Parse(sid.Value);
        }
        catch (Exception e) when (e is IdentityNotMappedException or SystemException)
        {
            problem = e.Message;
            return null;
        }
    }
}
