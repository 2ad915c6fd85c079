namespace PSRemotingDsc.Endpoints;

/// <summary>How clients reach a PowerShell remoting endpoint.</summary>
public enum Transport
{
    /// <summary>WS-Management: a WinRM plugin (Windows only); clients use <c>-ConfigurationName</c>.</summary>
    Wsman,

    /// <summary>SSH: a <c>Subsystem</c> line in sshd_config (every OS); clients use <c>-Subsystem</c>.</summary>
    Ssh,
}
