namespace PSRemotingDsc.Errors;

/// <summary>
/// The stable exit codes of psremotingdsc. The DSC manifest's <c>exitCodes</c> map is generated from
/// <see cref="ExitCodeDescriptions"/>, so a value here is a public contract: never renumber.
/// </summary>
public enum ExitCode
{
    Success = 0,
    UnexpectedError = 1,
    InvalidJson = 2,
    InvalidProperty = 3,
    VersionNotFound = 4,
    UnsafeValue = 5,
    ConfigPathInvalid = 6,
    UnsupportedPlatform = 7,
    PermissionDenied = 8,
    ValidationFailed = 9,
    RestartTimedOut = 10,
    ConfigUnreadable = 11,
    InvalidArguments = 12,
    NotElevated = 13,
    EndpointProtected = 14,
    SddlInvalid = 15,
    PluginNameInvalid = 16,
    QuotaOutOfRange = 17,
    WSManUnavailable = 18,
    ConfigLocked = 19,
}
