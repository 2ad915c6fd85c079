namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>How <see cref="PluginConfigurationComparison"/> compares what is environment-dependent.</summary>
public sealed class PluginComparisonOptions
{
    /// <summary>
    /// The Windows directory (<c>C:\Windows</c>). When set, <c>%windir%</c> and <c>%SystemRoot%</c> in Filename are
    /// expanded with it before comparing, so <c>%windir%\system32\…</c> equals <c>C:\Windows\System32\…</c>. The engine
    /// does not read the environment itself; the Windows store passes it.
    /// </summary>
    public string? WindowsDirectory { get; init; }

    /// <summary>
    /// Decides whether two SDDL strings grant the same access. Null compares them as strings (ordinal, ignoring case);
    /// the SDDL parser plugs its semantic comparison in here.
    /// </summary>
    public Func<string, string, bool>? SddlEquals { get; init; }
}
