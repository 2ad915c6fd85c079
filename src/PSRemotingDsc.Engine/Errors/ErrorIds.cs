namespace PSRemotingDsc.Errors;

/// <summary>
/// The error table: every error ID psremotingdsc reports, declared once with its exit code and when it happens.
/// An ID is a stable string (like a PowerShell FullyQualifiedErrorId): never rename one. Throw with
/// <c>new PSRemotingDscException(ErrorIds.SomeId, message)</c>; the exit code comes from here.
/// </summary>
public static class ErrorIds
{
    /// <summary>An unexpected failure that no more specific ID describes; the message says what failed.</summary>
    public static ErrorDefinition Unexpected { get; } = new(nameof(Unexpected), ExitCode.UnexpectedError, "An unexpected failure that no more specific ID describes; the message says what failed.");

    /// <summary>The operating system refused access to a file or key outside a more specific check (an UnauthorizedAccessException reached the command line).</summary>
    public static ErrorDefinition PermissionDenied { get; } = new(nameof(PermissionDenied), ExitCode.PermissionDenied, "The operating system refused access to a file or key outside a more specific check (an UnauthorizedAccessException reached the command line).");

    /// <summary>The command line names an unknown command or option, or an option lacks its value or has an unsupported value.</summary>
    public static ErrorDefinition CommandLineInvalid { get; } = new(nameof(CommandLineInvalid), ExitCode.InvalidArguments, "The command line names an unknown command or option, or an option lacks its value or has an unsupported value.");

    /// <summary>No input was given: neither --input nor stdin held a JSON object.</summary>
    public static ErrorDefinition InputMissing { get; } = new(nameof(InputMissing), ExitCode.InvalidJson, "No input was given: neither --input nor stdin held a JSON object.");

    /// <summary>The bytes on stdin are not valid UTF-8.</summary>
    public static ErrorDefinition InputNotUtf8 { get; } = new(nameof(InputNotUtf8), ExitCode.InvalidJson, "The bytes on stdin are not valid UTF-8.");

    /// <summary>The input does not parse as JSON, or it holds half of a UTF-16 surrogate pair.</summary>
    public static ErrorDefinition InputNotJson { get; } = new(nameof(InputNotJson), ExitCode.InvalidJson, "The input does not parse as JSON, or it holds half of a UTF-16 surrogate pair.");

    /// <summary>The input is JSON but not an object (an array, string, number, boolean or null).</summary>
    public static ErrorDefinition InputNotObject { get; } = new(nameof(InputNotObject), ExitCode.InvalidJson, "The input is JSON but not an object (an array, string, number, boolean or null).");

    /// <summary>The input is larger than the reader accepts for one instance.</summary>
    public static ErrorDefinition InputTooLarge { get; } = new(nameof(InputTooLarge), ExitCode.InvalidJson, "The input is larger than the reader accepts for one instance.");

    /// <summary>The input has a property that PSRemotingDsc/Endpoint does not define.</summary>
    public static ErrorDefinition PropertyUnknown { get; } = new(nameof(PropertyUnknown), ExitCode.InvalidProperty, "The input has a property that PSRemotingDsc/Endpoint does not define.");

    /// <summary>The input names the same property more than once.</summary>
    public static ErrorDefinition PropertyDuplicated { get; } = new(nameof(PropertyDuplicated), ExitCode.InvalidProperty, "The input names the same property more than once.");

    /// <summary>A property has the wrong JSON type (for example a number where a string is expected).</summary>
    public static ErrorDefinition PropertyTypeInvalid { get; } = new(nameof(PropertyTypeInvalid), ExitCode.InvalidProperty, "A property has the wrong JSON type (for example a number where a string is expected).");

    /// <summary>A property name escapes half of a UTF-16 surrogate pair.</summary>
    public static ErrorDefinition PropertyNotUnicode { get; } = new(nameof(PropertyNotUnicode), ExitCode.InvalidProperty, "A property name escapes half of a UTF-16 surrogate pair.");

    /// <summary>A property is set that does not apply to the chosen transport.</summary>
    public static ErrorDefinition PropertyNotForTransport { get; } = new(nameof(PropertyNotForTransport), ExitCode.InvalidProperty, "A property is set that does not apply to the chosen transport.");

    /// <summary>'accessMode' is not Local, Remote or Disabled.</summary>
    public static ErrorDefinition AccessModeInvalid { get; } = new(nameof(AccessModeInvalid), ExitCode.InvalidProperty, "'accessMode' is not Local, Remote or Disabled.");

    /// <summary>'sessionConfigurationFile' is not an absolute path to a .pssc file.</summary>
    public static ErrorDefinition SessionConfigurationFileInvalid { get; } = new(nameof(SessionConfigurationFileInvalid), ExitCode.InvalidProperty, "'sessionConfigurationFile' is not an absolute path to a .pssc file.");

    /// <summary>'sessionConfigurationFile' does not exist or is not a regular file, so it cannot be copied to $PSHOME\SessionConfig.</summary>
    public static ErrorDefinition SessionConfigurationFileMissing { get; } = new(nameof(SessionConfigurationFileMissing), ExitCode.InvalidProperty, "'sessionConfigurationFile' does not exist, is not a regular file or cannot be read, so it cannot be copied to $PSHOME\\SessionConfig.");

    /// <summary>'sessionConfigurationFile' holds something other than data (a variable, a command, an expression) or is not one hashtable.</summary>
    public static ErrorDefinition SessionConfigurationFileNotData { get; } = new(nameof(SessionConfigurationFileNotData), ExitCode.InvalidProperty, "'sessionConfigurationFile' holds something other than data (a variable, a command, an expression) or is not one hashtable.");

    /// <summary>
    /// The session configuration file sets a group managed service account for an endpoint that also runs as a virtual
    /// account: the registration would name two identities, so which one sessions run as would not be what the file says.
    /// </summary>
    public static ErrorDefinition SessionConfigurationAccountUnsupported { get; } = new(nameof(SessionConfigurationAccountUnsupported), ExitCode.InvalidProperty, "'sessionConfigurationFile' sets GroupManagedServiceAccount for an endpoint that also runs as a virtual account (RunAsVirtualAccount in the file or 'runAsVirtualAccount').");

    /// <summary>The session configuration file's GroupManagedServiceAccount is not a 'DomainName\UserName' string.</summary>
    public static ErrorDefinition SessionConfigurationAccountInvalid { get; } = new(nameof(SessionConfigurationAccountInvalid), ExitCode.InvalidProperty, "'sessionConfigurationFile' has a GroupManagedServiceAccount that is not of the form 'DomainName\\UserName' (without the trailing '$').");

    /// <summary>'sessionConfigurationFile' has RequiredGroups that cannot be derived (a group that cannot be translated to a SID, or not the And/Or hashtable PowerShell reads) and 'securityDescriptorSddl' is not declared.</summary>
    public static ErrorDefinition SessionConfigurationRequiredGroupsUnsupported { get; } = new(nameof(SessionConfigurationRequiredGroupsUnsupported), ExitCode.InvalidProperty, "'sessionConfigurationFile' has RequiredGroups that cannot be derived (a group that cannot be translated to a SID, or not the And/Or hashtable PowerShell reads) and 'securityDescriptorSddl' is not declared.");

    /// <summary>A RoleDefinitions principal of 'sessionConfigurationFile' cannot be translated to a SID (unknown account, or no translation on this system).</summary>
    public static ErrorDefinition SessionConfigurationRoleNotResolved { get; } = new(nameof(SessionConfigurationRoleNotResolved), ExitCode.InvalidProperty, "A RoleDefinitions principal of 'sessionConfigurationFile' cannot be translated to a SID (unknown account, or no translation on this system).");

    /// <summary>'transport' is not 'ssh' or 'wsman'.</summary>
    public static ErrorDefinition TransportInvalid { get; } = new(nameof(TransportInvalid), ExitCode.InvalidProperty, "'transport' is not 'ssh' or 'wsman'.");

    /// <summary>'restart' is not 'never', 'ifNeeded' or 'always'.</summary>
    public static ErrorDefinition RestartInvalid { get; } = new(nameof(RestartInvalid), ExitCode.InvalidProperty, "'restart' is not 'never', 'ifNeeded' or 'always'.");

    /// <summary>'name' is longer than the reader allows.</summary>
    public static ErrorDefinition NameTooLong { get; } = new(nameof(NameTooLong), ExitCode.InvalidProperty, "'name' is longer than the reader allows.");

    /// <summary>'pshome' is a relative path.</summary>
    public static ErrorDefinition PSHomeNotAbsolute { get; } = new(nameof(PSHomeNotAbsolute), ExitCode.InvalidProperty, "'pshome' is a relative path.");

    /// <summary>'version' is missing where the operation needs it.</summary>
    public static ErrorDefinition VersionRequired { get; } = new(nameof(VersionRequired), ExitCode.InvalidProperty, "'version' is missing where the operation needs it.");

    /// <summary>An endpoint set's 'versions' is missing where the operation needs it.</summary>
    public static ErrorDefinition VersionsRequired { get; } = new(nameof(VersionsRequired), ExitCode.InvalidProperty, "An endpoint set's 'versions' is missing where the operation needs it.");

    /// <summary>'version' is not a valid version spec, or neither 'version' nor 'pshome' is set.</summary>
    public static ErrorDefinition VersionSpecInvalid { get; } = new(nameof(VersionSpecInvalid), ExitCode.InvalidProperty, "'version' is not a valid version spec, or neither 'version' nor 'pshome' is set.");

    /// <summary>A PowerShell version string does not parse.</summary>
    public static ErrorDefinition PowerShellVersionInvalid { get; } = new(nameof(PowerShellVersionInvalid), ExitCode.InvalidProperty, "A PowerShell version string does not parse.");

    /// <summary>No installed PowerShell matches 'version'.</summary>
    public static ErrorDefinition PowerShellVersionNotInstalled { get; } = new(nameof(PowerShellVersionNotInstalled), ExitCode.VersionNotFound, "No installed PowerShell matches 'version'.");

    /// <summary>'pshome' is not an absolute path to a PowerShell installation.</summary>
    public static ErrorDefinition PSHomeNotFound { get; } = new(nameof(PSHomeNotFound), ExitCode.VersionNotFound, "'pshome' is not an absolute path to a PowerShell installation.");

    /// <summary>The PowerShell in 'pshome' does not match 'version'.</summary>
    public static ErrorDefinition PSHomeVersionMismatch { get; } = new(nameof(PSHomeVersionMismatch), ExitCode.VersionNotFound, "The PowerShell in 'pshome' does not match 'version'.");

    /// <summary>A property value holds a character that would become configuration or shell syntax, or a lone surrogate.</summary>
    public static ErrorDefinition UnsafeValue { get; } = new(nameof(UnsafeValue), ExitCode.UnsafeValue, "A property value holds a character that would become configuration or shell syntax, or a lone surrogate.");

    /// <summary>An existing Subsystem line has extra arguments that cannot be carried safely into a rewritten line.</summary>
    public static ErrorDefinition KeptArgumentsUnsafe { get; } = new(nameof(KeptArgumentsUnsafe), ExitCode.UnsafeValue, "An existing Subsystem line has extra arguments that cannot be carried safely into a rewritten line.");

    /// <summary>The PowerShell executable path has whitespace that sshd would split (and no 8.3 short name on Windows).</summary>
    public static ErrorDefinition ExecutablePathHasSpaces { get; } = new(nameof(ExecutablePathHasSpaces), ExitCode.UnsafeValue, "The PowerShell executable path has whitespace that sshd would split (and no 8.3 short name on Windows).");

    /// <summary>The PowerShell executable path has a character cmd.exe interprets when OpenSSH for Windows starts it.</summary>
    public static ErrorDefinition ExecutablePathUnsafe { get; } = new(nameof(ExecutablePathUnsafe), ExitCode.UnsafeValue, "The PowerShell executable path has a character cmd.exe interprets when OpenSSH for Windows starts it.");

    /// <summary>The PowerShell home cannot be written to the plugin's RemotePowerShellConfig.txt (empty, control or non-ASCII characters).</summary>
    public static ErrorDefinition PluginConfigPathUnsupported { get; } = new(nameof(PluginConfigPathUnsupported), ExitCode.UnsafeValue, "The PowerShell home cannot be written to the plugin's RemotePowerShellConfig.txt (empty, control or non-ASCII characters).");

    /// <summary>'sshdConfigPath' is a relative path.</summary>
    public static ErrorDefinition SshdConfigPathNotAbsolute { get; } = new(nameof(SshdConfigPathNotAbsolute), ExitCode.ConfigPathInvalid, "'sshdConfigPath' is a relative path.");

    /// <summary>The sshd_config file (given or default) does not exist or is a dangling link.</summary>
    public static ErrorDefinition SshdConfigNotFound { get; } = new(nameof(SshdConfigNotFound), ExitCode.ConfigPathInvalid, "The sshd_config file (given or default) does not exist or is a dangling link.");

    /// <summary>The sshd_config path is a device, FIFO, socket or directory, or a link to one.</summary>
    public static ErrorDefinition SshdConfigNotRegularFile { get; } = new(nameof(SshdConfigNotRegularFile), ExitCode.ConfigPathInvalid, "The sshd_config path is a device, FIFO, socket or directory, or a link to one.");

    /// <summary>The lock file next to the configuration exists and is not a regular file.</summary>
    public static ErrorDefinition LockFileNotRegular { get; } = new(nameof(LockFileNotRegular), ExitCode.ConfigPathInvalid, "The lock file next to the configuration exists and is not a regular file.");

    /// <summary>Transport 'wsman' was asked for on a platform other than Windows.</summary>
    public static ErrorDefinition WSManTransportUnsupported { get; } = new(nameof(WSManTransportUnsupported), ExitCode.UnsupportedPlatform, "Transport 'wsman' was asked for on a platform other than Windows.");

    /// <summary>The PowerShell installation has no pwrshplugin.dll, so it cannot host a WSMan endpoint.</summary>
    public static ErrorDefinition NoPluginInInstallation { get; } = new(nameof(NoPluginInInstallation), ExitCode.UnsupportedPlatform, "The PowerShell installation has no pwrshplugin.dll, so it cannot host a WSMan endpoint.");

    /// <summary>The plugin files to provision are missing from the PowerShell installation.</summary>
    public static ErrorDefinition PluginSourceMissing { get; } = new(nameof(PluginSourceMissing), ExitCode.UnsupportedPlatform, "The plugin files to provision are missing from the PowerShell installation.");

    /// <summary>A restart was asked of a WinRM host snapshot, which is a description and not a running service.</summary>
    public static ErrorDefinition WinRMSnapshotCannotRestart { get; } = new(nameof(WinRMSnapshotCannotRestart), ExitCode.UnsupportedPlatform, "A restart was asked of a WinRM host snapshot, which is a description and not a running service.");

    /// <summary>Reading the sshd configuration (or a file it includes) was denied.</summary>
    public static ErrorDefinition SshdConfigAccessDenied { get; } = new(nameof(SshdConfigAccessDenied), ExitCode.PermissionDenied, "Reading the sshd configuration (or a file it includes) was denied.");

    /// <summary>Writing the new sshd configuration, its temporary file or backup was denied.</summary>
    public static ErrorDefinition SshdConfigWriteDenied { get; } = new(nameof(SshdConfigWriteDenied), ExitCode.PermissionDenied, "Writing the new sshd configuration, its temporary file or backup was denied.");

    /// <summary>Sending SIGHUP to sshd was refused (EPERM).</summary>
    public static ErrorDefinition SshdReloadDenied { get; } = new(nameof(SshdReloadDenied), ExitCode.PermissionDenied, "Sending SIGHUP to sshd was refused (EPERM).");

    /// <summary>Creating the lock file next to the configuration was denied.</summary>
    public static ErrorDefinition LockAccessDenied { get; } = new(nameof(LockAccessDenied), ExitCode.PermissionDenied, "Creating the lock file next to the configuration was denied.");

    /// <summary>Writing the WSMan plugin folder was denied.</summary>
    public static ErrorDefinition PluginFolderAccessDenied { get; } = new(nameof(PluginFolderAccessDenied), ExitCode.PermissionDenied, "Writing the WSMan plugin folder was denied.");

    /// <summary>The WSMan plugin store refused a change (access denied).</summary>
    public static ErrorDefinition WSManPluginAccessDenied { get; } = new(nameof(WSManPluginAccessDenied), ExitCode.PermissionDenied, "The WSMan plugin store refused a change (access denied).");

    /// <summary>'sshd -t' rejected the new configuration, so it was not installed.</summary>
    public static ErrorDefinition SshdConfigValidationFailed { get; } = new(nameof(SshdConfigValidationFailed), ExitCode.ValidationFailed, "'sshd -t' rejected the new configuration, so it was not installed.");

    /// <summary>sshd did not finish reloading within the time limit.</summary>
    public static ErrorDefinition SshdReloadTimedOut { get; } = new(nameof(SshdReloadTimedOut), ExitCode.RestartTimedOut, "sshd did not finish reloading within the time limit.");

    /// <summary>WinRM did not stop or start again within the time limit.</summary>
    public static ErrorDefinition WinRMRestartTimedOut { get; } = new(nameof(WinRMRestartTimedOut), ExitCode.RestartTimedOut, "WinRM did not stop or start again within the time limit.");

    /// <summary>The sshd configuration is not valid UTF-8.</summary>
    public static ErrorDefinition SshdConfigNotUtf8 { get; } = new(nameof(SshdConfigNotUtf8), ExitCode.ConfigUnreadable, "The sshd configuration is not valid UTF-8.");

    /// <summary>The sshd configuration is larger than the read limit.</summary>
    public static ErrorDefinition SshdConfigTooLarge { get; } = new(nameof(SshdConfigTooLarge), ExitCode.ConfigUnreadable, "The sshd configuration is larger than the read limit.");

    /// <summary>The sshd configuration could not be read (an I/O error).</summary>
    public static ErrorDefinition SshdConfigUnreadable { get; } = new(nameof(SshdConfigUnreadable), ExitCode.ConfigUnreadable, "The sshd configuration could not be read (an I/O error).");

    /// <summary>An Include names a directory instead of a configuration file.</summary>
    public static ErrorDefinition SshdIncludeIsDirectory { get; } = new(nameof(SshdIncludeIsDirectory), ExitCode.ConfigUnreadable, "An Include names a directory instead of a configuration file.");

    /// <summary>Include lines form a cycle.</summary>
    public static ErrorDefinition SshdIncludeCycle { get; } = new(nameof(SshdIncludeCycle), ExitCode.ConfigUnreadable, "Include lines form a cycle.");

    /// <summary>Include lines nest deeper than sshd allows.</summary>
    public static ErrorDefinition SshdIncludeTooDeep { get; } = new(nameof(SshdIncludeTooDeep), ExitCode.ConfigUnreadable, "Include lines nest deeper than sshd allows.");

    /// <summary>A WSMan plugin's XML configuration does not parse or lacks a required part.</summary>
    public static ErrorDefinition PluginXmlInvalid { get; } = new(nameof(PluginXmlInvalid), ExitCode.ConfigUnreadable, "A WSMan plugin's XML configuration does not parse or lacks a required part.");

    /// <summary>Changing WSMan endpoints was asked of a process that is not elevated.</summary>
    public static ErrorDefinition NotElevated { get; } = new(nameof(NotElevated), ExitCode.NotElevated, "Changing WSMan endpoints was asked of a process that is not elevated.");

    /// <summary>The change would remove or replace a Windows PowerShell endpoint or the endpoint carrying this session.</summary>
    public static ErrorDefinition EndpointProtected { get; } = new(nameof(EndpointProtected), ExitCode.EndpointProtected, "The change would remove or replace a Windows PowerShell endpoint or the endpoint carrying this session.");

    /// <summary>Restarting WinRM would end the WinRM session this process runs in, and force is not set.</summary>
    public static ErrorDefinition WinRMRestartWouldDropSession { get; } = new(nameof(WinRMRestartWouldDropSession), ExitCode.EndpointProtected, "Restarting WinRM would end the WinRM session this process runs in, and force is not set.");

    /// <summary>'securityDescriptorSddl' or a SID in it does not parse.</summary>
    public static ErrorDefinition SddlInvalid { get; } = new(nameof(SddlInvalid), ExitCode.SddlInvalid, "'securityDescriptorSddl' or a SID in it does not parse.");

    /// <summary>An SDDL SID alias is not one of the documented two-letter aliases.</summary>
    public static ErrorDefinition SidAliasUnknown { get; } = new(nameof(SidAliasUnknown), ExitCode.SddlInvalid, "An SDDL SID alias is not one of the documented two-letter aliases.");

    /// <summary>An endpoint or plugin name is empty, too long or has a character WinRM does not allow.</summary>
    public static ErrorDefinition PluginNameInvalid { get; } = new(nameof(PluginNameInvalid), ExitCode.PluginNameInvalid, "An endpoint or plugin name is empty, too long or has a character WinRM does not allow.");

    /// <summary>A plugin quota is outside the range WinRM accepts, or the idle timeout exceeds the maximum.</summary>
    public static ErrorDefinition QuotaOutOfRange { get; } = new(nameof(QuotaOutOfRange), ExitCode.QuotaOutOfRange, "A plugin quota is outside the range WinRM accepts, or the idle timeout exceeds the maximum.");

    /// <summary>A WSMan precondition is missing (WinRM service, WSMan stack, runtime) or the WinRM service cannot be reached.</summary>
    public static ErrorDefinition WSManUnavailable { get; } = new(nameof(WSManUnavailable), ExitCode.WSManUnavailable, "A WSMan precondition is missing (WinRM service, WSMan stack, runtime) or the WinRM service cannot be reached.");

    /// <summary>A 'winrm' call did not finish within the time limit.</summary>
    public static ErrorDefinition WSManCallTimedOut { get; } = new(nameof(WSManCallTimedOut), ExitCode.WSManUnavailable, "A 'winrm' call did not finish within the time limit.");

    /// <summary>'sc.exe stop WinRM' failed.</summary>
    public static ErrorDefinition WinRMStopFailed { get; } = new(nameof(WinRMStopFailed), ExitCode.WSManUnavailable, "'sc.exe stop WinRM' failed.");

    /// <summary>'sc.exe start WinRM' failed after WinRM was stopped.</summary>
    public static ErrorDefinition WinRMStartFailed { get; } = new(nameof(WinRMStartFailed), ExitCode.WSManUnavailable, "'sc.exe start WinRM' failed after WinRM was stopped.");

    /// <summary>'sc.exe config WinRM' or 'sc.exe privs WinRM' failed while moving WinRM into its own service host for a virtual-account endpoint.</summary>
    public static ErrorDefinition WinRMIsolationFailed { get; } = new(nameof(WinRMIsolationFailed), ExitCode.WSManUnavailable, "'sc.exe config WinRM' or 'sc.exe privs WinRM' failed while moving WinRM into its own service host for a virtual-account endpoint.");

    /// <summary>Another psremotingdsc process held the configuration lock for longer than the wait.</summary>
    public static ErrorDefinition SshdConfigLocked { get; } = new(nameof(SshdConfigLocked), ExitCode.ConfigLocked, "Another psremotingdsc process held the configuration lock for longer than the wait.");

    /// <summary>The sshd_config path to write has no parent directory.</summary>
    public static ErrorDefinition SshdConfigPathInvalid { get; } = new(nameof(SshdConfigPathInvalid), ExitCode.UnexpectedError, "The sshd_config path to write has no parent directory.");

    /// <summary>Writing the new sshd configuration failed with an I/O error other than access denied.</summary>
    public static ErrorDefinition SshdConfigWriteFailed { get; } = new(nameof(SshdConfigWriteFailed), ExitCode.UnexpectedError, "Writing the new sshd configuration failed with an I/O error other than access denied.");

    /// <summary>sshd could not be started to validate the configuration.</summary>
    public static ErrorDefinition SshdNotStartable { get; } = new(nameof(SshdNotStartable), ExitCode.UnexpectedError, "sshd could not be started to validate the configuration.");

    /// <summary>'sshd -t' did not finish within the time limit.</summary>
    public static ErrorDefinition SshdValidationTimedOut { get; } = new(nameof(SshdValidationTimedOut), ExitCode.UnexpectedError, "'sshd -t' did not finish within the time limit.");

    /// <summary>'systemctl reload', or sending SIGHUP for a reason other than EPERM, failed.</summary>
    public static ErrorDefinition SshdReloadFailed { get; } = new(nameof(SshdReloadFailed), ExitCode.UnexpectedError, "'systemctl reload', or sending SIGHUP for a reason other than EPERM, failed.");

    /// <summary>Restarting the sshd service with sc.exe failed.</summary>
    public static ErrorDefinition SshdRestartFailed { get; } = new(nameof(SshdRestartFailed), ExitCode.UnexpectedError, "Restarting the sshd service with sc.exe failed.");

    /// <summary>sshd exited after it was told to reload the new configuration.</summary>
    public static ErrorDefinition SshdExitedAfterReload { get; } = new(nameof(SshdExitedAfterReload), ExitCode.UnexpectedError, "sshd exited after it was told to reload the new configuration.");

    /// <summary>The configuration was written but the endpoint is still not in the desired state.</summary>
    public static ErrorDefinition SetDidNotConverge { get; } = new(nameof(SetDidNotConverge), ExitCode.UnexpectedError, "The configuration was written but the endpoint is still not in the desired state.");

    /// <summary>A WSMan plugin to be created already exists in the store.</summary>
    public static ErrorDefinition PluginAlreadyExists { get; } = new(nameof(PluginAlreadyExists), ExitCode.UnexpectedError, "A WSMan plugin to be created already exists in the store.");

    /// <summary>A WSMan plugin to be replaced does not exist in the store.</summary>
    public static ErrorDefinition PluginNotFound { get; } = new(nameof(PluginNotFound), ExitCode.UnexpectedError, "A WSMan plugin to be replaced does not exist in the store.");

    /// <summary>The WSMan plugin store failed a change for a reason other than access denied.</summary>
    public static ErrorDefinition WSManPluginStoreFailed { get; } = new(nameof(WSManPluginStoreFailed), ExitCode.UnexpectedError, "The WSMan plugin store failed a change for a reason other than access denied.");

    /// <summary>A file given to 'report merge' or 'report --desired' does not exist or cannot be read.</summary>
    public static ErrorDefinition ReportFileUnreadable { get; } = new(nameof(ReportFileUnreadable), ExitCode.InvalidArguments, "A file given to 'report merge' or 'report --desired' does not exist or cannot be read.");

    /// <summary>A file given to 'report merge' or 'report --desired' is not JSON (or not UTF-8).</summary>
    public static ErrorDefinition ReportNotJson { get; } = new(nameof(ReportNotJson), ExitCode.InvalidJson, "A file given to 'report merge' or 'report --desired' is not JSON (or not UTF-8).");

    /// <summary>A machine report given to 'report merge' lacks a field or has one of the wrong type or value; the message names the file and JSON path.</summary>
    public static ErrorDefinition ReportInvalid { get; } = new(nameof(ReportInvalid), ExitCode.InvalidProperty, "A machine report given to 'report merge' lacks a field or has one of the wrong type or value; the message names the file and JSON path.");

    /// <summary>A report given to 'report merge' has a schemaVersion this psremotingdsc does not read.</summary>
    public static ErrorDefinition ReportSchemaVersionUnsupported { get; } = new(nameof(ReportSchemaVersionUnsupported), ExitCode.InvalidProperty, "A report given to 'report merge' has a schemaVersion this psremotingdsc does not read.");

    /// <summary>The document given to 'report --desired' is not a DSC configuration document, or an expression in it cannot be resolved.</summary>
    public static ErrorDefinition DesiredDocumentInvalid { get; } = new(nameof(DesiredDocumentInvalid), ExitCode.InvalidProperty, "The document given to 'report --desired' is not a DSC configuration document, or an expression in it cannot be resolved.");


    /// <summary>Every entry above, in declaration order.</summary>
    public static IReadOnlyList<ErrorDefinition> All { get; } =
    [
        Unexpected,
        PermissionDenied,
        CommandLineInvalid,
        InputMissing,
        InputNotUtf8,
        InputNotJson,
        InputNotObject,
        InputTooLarge,
        PropertyUnknown,
        PropertyDuplicated,
        PropertyTypeInvalid,
        PropertyNotUnicode,
        PropertyNotForTransport,
        AccessModeInvalid,
        SessionConfigurationFileInvalid,
        SessionConfigurationFileMissing,
        SessionConfigurationFileNotData,
        SessionConfigurationRequiredGroupsUnsupported,
        SessionConfigurationAccountUnsupported,
        SessionConfigurationAccountInvalid,
        SessionConfigurationRoleNotResolved,
        TransportInvalid,
        RestartInvalid,
        NameTooLong,
        PSHomeNotAbsolute,
        VersionRequired,
        VersionsRequired,
        VersionSpecInvalid,
        PowerShellVersionInvalid,
        PowerShellVersionNotInstalled,
        PSHomeNotFound,
        PSHomeVersionMismatch,
        UnsafeValue,
        KeptArgumentsUnsafe,
        ExecutablePathHasSpaces,
        ExecutablePathUnsafe,
        PluginConfigPathUnsupported,
        SshdConfigPathNotAbsolute,
        SshdConfigNotFound,
        SshdConfigNotRegularFile,
        LockFileNotRegular,
        WSManTransportUnsupported,
        NoPluginInInstallation,
        PluginSourceMissing,
        WinRMSnapshotCannotRestart,
        SshdConfigAccessDenied,
        SshdConfigWriteDenied,
        SshdReloadDenied,
        LockAccessDenied,
        PluginFolderAccessDenied,
        WSManPluginAccessDenied,
        SshdConfigValidationFailed,
        SshdReloadTimedOut,
        WinRMRestartTimedOut,
        SshdConfigNotUtf8,
        SshdConfigTooLarge,
        SshdConfigUnreadable,
        SshdIncludeIsDirectory,
        SshdIncludeCycle,
        SshdIncludeTooDeep,
        PluginXmlInvalid,
        NotElevated,
        EndpointProtected,
        WinRMRestartWouldDropSession,
        SddlInvalid,
        SidAliasUnknown,
        PluginNameInvalid,
        QuotaOutOfRange,
        WSManUnavailable,
        WSManCallTimedOut,
        WinRMStopFailed,
        WinRMStartFailed,
        WinRMIsolationFailed,
        SshdConfigLocked,
        SshdConfigPathInvalid,
        SshdConfigWriteFailed,
        SshdNotStartable,
        SshdValidationTimedOut,
        SshdReloadFailed,
        SshdRestartFailed,
        SshdExitedAfterReload,
        SetDidNotConverge,
        PluginAlreadyExists,
        PluginNotFound,
        WSManPluginStoreFailed,
        ReportFileUnreadable,
        ReportNotJson,
        ReportInvalid,
        ReportSchemaVersionUnsupported,
        DesiredDocumentInvalid,
    ];
}
