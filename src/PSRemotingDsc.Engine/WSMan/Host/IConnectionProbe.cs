using PSRemotingDsc.Versions;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>Opens a loopback remoting session to an endpoint and reports what answered (<c>verifyConnection</c>).</summary>
public interface IConnectionProbe
{
    /// <summary>
    /// Opens a session to <paramref name="endpointName"/> on this machine and asks for the remote PowerShell version.
    /// A failure to connect is a result, not an exception.
    /// </summary>
    /// <param name="endpointName">The endpoint (session configuration) to connect to; must be a valid plugin name.</param>
    /// <param name="client">The PowerShell whose pwsh opens the session.</param>
    /// <param name="timeout">How long the whole attempt may take before it is stopped and reported as no answer.</param>
    /// <returns>What answered, or why nothing did.</returns>
    ConnectionProbeResult Probe(string endpointName, PowerShellInstallation client, TimeSpan timeout);
}
