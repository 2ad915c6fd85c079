namespace PSRemotingDsc.WSMan.Host;

/// <summary>Whether WinRM has an HTTP and/or an HTTPS listener.</summary>
public sealed record WSManListenerPresence(bool Http, bool Https)
{
    public bool Any => Http || Https;
}
