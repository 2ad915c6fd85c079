namespace PSRemotingDsc.Errors;

/// <summary>
/// The stable exit codes of psremotingdsc. The DSC manifest's <c>exitCodes</c> map is generated from
/// <see cref="ExitCodeDescriptions"/>, so a value here is a public contract: never renumber.
/// </summary>
public enum ExitCode
{
    /// <summary>The operation completed; for <c>test</c>, whatever the result of the comparison.</summary>
    Success = 0,

    /// <summary>A failure no other code describes; the message on stderr says what failed.</summary>
    UnexpectedError = 1,

    /// <summary>The input is missing, not UTF-8, not JSON, too large, or JSON but not an object.</summary>
    InvalidJson = 2,

    /// <summary>The input has an unknown or repeated property, a property of the wrong type, or an invalid value.</summary>
    InvalidProperty = 3,

    /// <summary>No installed PowerShell matches <c>version</c>, or <c>pshome</c> is not a PowerShell installation of that version.</summary>
    VersionNotFound = 4,

    /// <summary>A name, path or argument holds a character that would become configuration or shell syntax.</summary>
    UnsafeValue = 5,

    /// <summary><c>sshdConfigPath</c> (or the lock file beside it) is relative, missing, or not a regular file.</summary>
    ConfigPathInvalid = 6,

    /// <summary>The request cannot be carried out here: a WSMan endpoint off Windows, an installation without the WSMan plugin, or a restart of a host that is only a description.</summary>
    UnsupportedPlatform = 7,

    /// <summary>The operating system refused to read or write a file, key or service; run elevated.</summary>
    PermissionDenied = 8,

    /// <summary><c>sshd -t</c> rejected the new configuration; it was not installed.</summary>
    ValidationFailed = 9,

    /// <summary>The service did not finish reloading or restarting in time; the configuration was written.</summary>
    RestartTimedOut = 10,

    /// <summary>The existing configuration could not be read or parsed (I/O error, Include cycle or depth, too large, invalid plugin XML).</summary>
    ConfigUnreadable = 11,

    /// <summary>The command line names an unknown command or option, or an option lacks or has an unsupported value.</summary>
    InvalidArguments = 12,

    /// <summary>Changing WSMan endpoints needs an elevated process.</summary>
    NotElevated = 13,

    /// <summary>The change would touch a Windows PowerShell endpoint or drop the session this process runs in.</summary>
    EndpointProtected = 14,

    /// <summary><c>securityDescriptorSddl</c> does not parse or uses an unknown SID alias.</summary>
    SddlInvalid = 15,

    /// <summary><c>name</c> is not a valid WinRM plugin name.</summary>
    PluginNameInvalid = 16,

    /// <summary>A quota is outside the range WinRM accepts.</summary>
    QuotaOutOfRange = 17,

    /// <summary>A WSMan precondition is missing (WinRM service, WSMan stack 2.0 or later, Universal C Runtime), or a WinRM call failed or timed out.</summary>
    WSManUnavailable = 18,

    /// <summary>Another psremotingdsc process held the configuration lock for longer than the wait; nothing was changed.</summary>
    ConfigLocked = 19,
}
