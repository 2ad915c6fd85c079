namespace PSRemotingDsc.WSMan.Security;

/// <summary>The ACE types of the SDDL subset WinRM plugins use, with their SDDL strings.</summary>
public enum AceType
{
    /// <summary><c>A</c>: ACCESS_ALLOWED_ACE_TYPE.</summary>
    AccessAllowed,

    /// <summary><c>D</c>: ACCESS_DENIED_ACE_TYPE.</summary>
    AccessDenied,

    /// <summary><c>AU</c>: SYSTEM_AUDIT_ACE_TYPE (SACL).</summary>
    SystemAudit,

    /// <summary><c>AL</c>: SYSTEM_ALARM_ACE_TYPE (SACL).</summary>
    SystemAlarm,

    /// <summary><c>XA</c>: ACCESS_ALLOWED_CALLBACK_ACE_TYPE, a conditional allow (PowerShell's RequiredGroups).</summary>
    AccessAllowedCallback,

    /// <summary><c>XD</c>: ACCESS_DENIED_CALLBACK_ACE_TYPE, a conditional deny.</summary>
    AccessDeniedCallback,
}
