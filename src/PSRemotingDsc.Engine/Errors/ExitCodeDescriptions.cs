namespace PSRemotingDsc.Errors;

/// <summary>One sentence per exit code: what happened and what to do. Used for the manifest and for help.</summary>
public static class ExitCodeDescriptions
{
    /// <summary>
    /// Every <see cref="ExitCode"/> with its sentence, in numeric order; a test checks that each code has exactly one.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<ExitCode, string>> All { get; } =
    [
        new(ExitCode.Success, "Success."),
        new(ExitCode.UnexpectedError, "Unexpected error; the message on stderr says what failed. Nothing was changed unless the message says so."),
        new(ExitCode.InvalidJson, "The input is not a JSON object (empty, malformed or another JSON type). Pass one JSON object with --input or on stdin."),
        new(ExitCode.InvalidProperty, "The input has an unknown property, a property of the wrong type or an invalid value. See 'psremotingdsc schema'."),
        new(ExitCode.VersionNotFound, "No installed PowerShell matches 'version', or 'pshome' is not a PowerShell installation. Install it or fix the property."),
        new(ExitCode.UnsafeValue, "A name, path or argument contains a character that would become configuration or shell syntax (a line break, control or invisible format character, a lone surrogate, or in an argument a single quote or backslash). Remove it."),
        new(ExitCode.ConfigPathInvalid, "'sshdConfigPath' is relative, does not exist, or is not a regular file (a device, FIFO, socket or directory, or a link to one). Pass an absolute path to an existing sshd_config."),
        new(ExitCode.UnsupportedPlatform, "The requested transport is not supported on this platform (WSMan endpoints exist only on Windows; use transport 'ssh')."),
        new(ExitCode.PermissionDenied, "Permission denied reading or writing the configuration. Run elevated (root or Administrator)."),
        new(ExitCode.ValidationFailed, "'sshd -t' rejected the new configuration; it was not installed and the original file is unchanged."),
        new(ExitCode.RestartTimedOut, "Reserved: set no longer ends with it. A reload that times out after the write is success, with the service in _restartRequired."),
        new(ExitCode.ConfigUnreadable, "The existing configuration could not be read or parsed (I/O error, Include cycle, larger than 16 MiB). The message names the file and line."),
        new(ExitCode.InvalidArguments, "The command line is invalid. Run 'psremotingdsc --help'."),
        new(ExitCode.NotElevated, "Changing WSMan endpoints needs an elevated process. Run as Administrator."),
        new(ExitCode.EndpointProtected, "The endpoint is protected: Windows PowerShell endpoints (Microsoft.PowerShell*) are never changed, and the endpoint carrying this session is removed only with 'force'."),
        new(ExitCode.SddlInvalid, "'securityDescriptorSddl' does not parse or uses an unknown SID alias. Pass an SDDL string such as O:NSG:BAD:P(A;;GA;;;BA)."),
        new(ExitCode.PluginNameInvalid, "'name' is not a valid WinRM plugin name. Use letters, digits, '.', '-' and '_'."),
        new(ExitCode.QuotaOutOfRange, "A quota is outside the range WinRM accepts. See 'psremotingdsc schema' for the limits."),
        new(ExitCode.WSManUnavailable, "A WSMan precondition is missing (WinRM service, WSMan stack 2.0+, Universal C Runtime); the message says how to fix it."),
        new(ExitCode.ConfigLocked, "Another psremotingdsc process held the lock on the configuration for longer than the wait (PSREMOTINGDSC_LOCK_TIMEOUT seconds, default 30); nothing was changed. Retry."),
    ];
}
