using System.Management.Automation;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.PowerShell.Hosting;

/// <summary>Engine failures as PowerShell error records: the engine's stable error id, a category from its exit code, the instance as target.</summary>
internal static class EndpointErrors
{
    public static ErrorRecord ToErrorRecord(PSRemotingDscException exception, object? target) =>
        new(exception, exception.ErrorId, CategoryOf(exception.ExitCode), target);

    public static ErrorCategory CategoryOf(ExitCode exitCode) => exitCode switch
    {
        ExitCode.InvalidJson or ExitCode.InvalidProperty or ExitCode.UnsafeValue or ExitCode.InvalidArguments
            or ExitCode.SddlInvalid or ExitCode.PluginNameInvalid or ExitCode.QuotaOutOfRange or ExitCode.ConfigPathInvalid => ErrorCategory.InvalidArgument,
        ExitCode.VersionNotFound => ErrorCategory.ObjectNotFound,
        ExitCode.UnsupportedPlatform => ErrorCategory.NotImplemented,
        ExitCode.PermissionDenied or ExitCode.NotElevated => ErrorCategory.PermissionDenied,
        ExitCode.EndpointProtected => ErrorCategory.SecurityError,
        ExitCode.ValidationFailed => ErrorCategory.InvalidResult,
        ExitCode.RestartTimedOut => ErrorCategory.OperationTimeout,
        ExitCode.ConfigUnreadable => ErrorCategory.ReadError,
        ExitCode.WSManUnavailable => ErrorCategory.ResourceUnavailable,
        ExitCode.ConfigLocked => ErrorCategory.ResourceBusy,
        _ => ErrorCategory.NotSpecified,
    };
}
