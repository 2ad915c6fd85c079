namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Whether non-admin remoting users can use a plugin's <c>RemotePowerShellConfig.txt</c>. PowerShell-Native's
/// ConfigFileReader opens it as a read/write <c>std::wfstream</c>, so a user needs read AND write access or the
/// session fails (research §3.5; PowerShell#18741, #20180; PowerShell-Native PR #102 would drop the write).
/// </summary>
public interface IPluginFileAccess
{
    /// <summary>What BUILTIN\Users (S-1-5-32-545) and Remote Management Users (S-1-5-32-580) lack on <paramref name="configFilePath"/>.</summary>
    /// <param name="configFilePath">The full path of an existing <c>RemotePowerShellConfig.txt</c>.</param>
    /// <returns>The rights each principal lacks; not applicable off Windows.</returns>
    PluginFileAccessReport CheckNonAdminAccess(string configFilePath);
}
