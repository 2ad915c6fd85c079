namespace PSRemotingDsc.WSMan.Host;

/// <summary>Whether this process runs with administrator (Windows) or root (Unix) rights.</summary>
public interface IElevation
{
    /// <summary>
    /// True when the process may change WSMan plugins, services and system files: an elevated Administrators token
    /// on Windows, effective uid 0 elsewhere.
    /// </summary>
    bool IsElevated { get; }
}
