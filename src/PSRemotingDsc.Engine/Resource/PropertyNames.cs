namespace PSRemotingDsc.Resource;

/// <summary>The JSON property names of a <c>PSRemotingDsc/Endpoint</c> instance.</summary>
public static class PropertyNames
{
    public const string Version = "version";
    public const string Transport = "transport";
    public const string Name = "name";
    public const string PSHome = "pshome";
    public const string Exist = "_exist";
    public const string SshdConfigPath = "sshdConfigPath";
    public const string Arguments = "arguments";
    public const string Restart = "restart";
    public const string ResolvedVersion = "resolvedVersion";
    public const string ResolvedPSHome = "resolvedPshome";
    public const string Reasons = "reasons";
    public const string InDesiredState = "_inDesiredState";
    public const string RestartRequired = "_restartRequired";
    public const string Metadata = "_metadata";
    public const string ExportName = "_name";

    public const string AccessMode = "accessMode";
    public const string SecurityDescriptorSddl = "securityDescriptorSddl";
    public const string SessionConfigurationFile = "sessionConfigurationFile";
    public const string RunAsVirtualAccount = "runAsVirtualAccount";
    public const string VerifyConnection = "verifyConnection";
    public const string Force = "force";
    public const string PluginPath = "pluginPath";

    /// <summary>The quota properties and the WinRM <c>Quotas</c> attribute each one sets.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Quotas { get; } =
    [
        new("idleTimeoutMs", WSMan.Plugin.PluginQuotas.IdleTimeoutmsName),
        new("maxConcurrentUsers", WSMan.Plugin.PluginQuotas.MaxConcurrentUsersName),
        new("maxProcessesPerShell", WSMan.Plugin.PluginQuotas.MaxProcessesPerShellName),
        new("maxMemoryPerShellMB", WSMan.Plugin.PluginQuotas.MaxMemoryPerShellMBName),
        new("maxShellsPerUser", WSMan.Plugin.PluginQuotas.MaxShellsPerUserName),
        new("maxConcurrentCommandsPerShell", WSMan.Plugin.PluginQuotas.MaxConcurrentCommandsPerShellName),
        new("maxShells", WSMan.Plugin.PluginQuotas.MaxShellsName),
        new("maxIdleTimeoutMs", WSMan.Plugin.PluginQuotas.MaxIdleTimeoutmsName),
    ];

    /// <summary>Properties that only mean something for the WSMan transport.</summary>
    public static IReadOnlyList<string> WSManOnly { get; } =
        [AccessMode, SecurityDescriptorSddl, SessionConfigurationFile, RunAsVirtualAccount, VerifyConnection, Force, .. Quotas.Select(pair => pair.Key)];
}
