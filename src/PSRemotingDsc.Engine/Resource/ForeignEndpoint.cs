using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Resource;

/// <summary>
/// A registered endpoint that is not a PowerShell endpoint (an <c>sftp</c> Subsystem, a WinRM plugin of another
/// product): listed by the inventory so that it shows every registered endpoint, never managed and never drift.
/// </summary>
/// <param name="Transport">The transport it is registered with.</param>
/// <param name="Name">The Subsystem or plugin name.</param>
/// <param name="Command">What it runs: the Subsystem's executable, or the plugin's DLL.</param>
/// <param name="Location">Where it is declared: <c>file:line</c> for a Subsystem, the plugin name for WSMan.</param>
public sealed record ForeignEndpoint(Transport Transport, string Name, string Command, string Location);
