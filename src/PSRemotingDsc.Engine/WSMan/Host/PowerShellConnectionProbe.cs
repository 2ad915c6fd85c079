using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Runs the target installation's pwsh: <c>New-PSSession -ComputerName localhost -ConfigurationName &lt;name&gt;</c>,
/// then <c>$PSVersionTable.PSVersion</c> inside it, bounded by a timeout. Endpoint names are validated plugin
/// names (letters, digits, '.', '-', '_'), so they are safe inside the single-quoted script.
/// </summary>
public sealed class PowerShellConnectionProbe : IConnectionProbe
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="Errors.PSRemotingDscException">PluginNameInvalid: <paramref name="endpointName"/> is not a valid plugin name.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The client's pwsh could not be started.</exception>
    public ConnectionProbeResult Probe(string endpointName, PowerShellInstallation client, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        Plugin.EndpointNaming.ValidatePluginName(endpointName);
        string script =
            "$ErrorActionPreference = 'Stop'; " +
            $"$s = New-PSSession -ComputerName localhost -ConfigurationName '{endpointName}'; " +
            "try { Invoke-Command -Session $s -ScriptBlock { $PSVersionTable.PSVersion.ToString() } } finally { Remove-PSSession $s }";
        BoundedProcess.Outcome outcome = BoundedProcess.Run(client.Executable, ["-NoProfile", "-NonInteractive", "-Command", script], timeout);
        if (outcome.TimedOut)
        {
            return new ConnectionProbeResult(false, null, $"no answer within {timeout.TotalSeconds:0} s");
        }

        string output = outcome.StandardOutput.Trim();
        return outcome.ExitCode == 0 && output.Length > 0
            ? new ConnectionProbeResult(true, output.Split('\n')[^1].Trim(), null)
            : new ConnectionProbeResult(false, null, FirstLine(outcome.StandardError) ?? $"pwsh exited with {outcome.ExitCode}");
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
