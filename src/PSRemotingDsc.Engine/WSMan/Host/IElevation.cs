namespace PSRemotingDsc.WSMan.Host;

/// <summary>Whether this process runs with administrator (Windows) or root (Unix) rights.</summary>
public interface IElevation
{
    bool IsElevated { get; }
}
