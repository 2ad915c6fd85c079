using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>An access answer given as data: these principals lack these rights on whatever file is asked about.</summary>
internal sealed class FixedPluginFileAccess(params (string Sid, string Principal, string Right)[] missing) : IPluginFileAccess
{
    public PluginFileAccessReport CheckNonAdminAccess(string configFilePath) =>
        new(true, missing.Select(m => new MissingFileAccess(m.Sid, m.Principal, m.Right, configFilePath)).ToList());
}
