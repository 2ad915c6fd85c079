namespace PSRemotingDsc.WSMan.Host;

/// <summary>Whether WinRM has an HTTP and/or an HTTPS listener.</summary>
/// <param name="Http">True when at least one HTTP listener is configured.</param>
/// <param name="Https">True when at least one HTTPS listener is configured.</param>
public sealed record WSManListenerPresence(bool Http, bool Https)
{
    /// <summary>True when a client can reach WinRM at all: some HTTP or HTTPS listener exists.</summary>
    public bool Any => Http || Https;
}
