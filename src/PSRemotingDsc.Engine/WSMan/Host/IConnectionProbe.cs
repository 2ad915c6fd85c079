using PSRemotingDsc.Versions;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>Opens a loopback remoting session to an endpoint and reports what answered (<c>verifyConnection</c>).</summary>
public interface IConnectionProbe
{
    ConnectionProbeResult Probe(string endpointName, PowerShellInstallation client, TimeSpan timeout);
}
