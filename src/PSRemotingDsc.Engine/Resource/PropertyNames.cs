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
}
