namespace PSRemotingDsc.TestSupport;

/// <summary>Real PowerShell remoting over SSH from the pinned pwsh, and a raw <c>ssh -s</c> to a subsystem.</summary>
public static class RemotePowerShell
{
    /// <summary>Opens a session to <paramref name="subsystem"/> on the loopback sshd and returns what <paramref name="remoteScript"/> printed there.</summary>
    public static string Invoke(int port, string keyFile, string subsystem, string remoteScript)
    {
        string script = $$"""
            $ErrorActionPreference = 'Stop'
            $session = New-PSSession -HostName 127.0.0.1 -Port {{port}} -UserName root -KeyFilePath '{{keyFile}}' -Subsystem {{subsystem}} -SSHTransport -Options @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
            try { Invoke-Command -Session $session -ScriptBlock { {{remoteScript}} } } finally { Remove-PSSession $session }
            """;
        (int exitCode, string stdout, string stderr) = Run(RealPowerShell.Executable!, ["-NoProfile", "-NonInteractive", "-Command", script], TimeSpan.FromSeconds(60));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pwsh exited {exitCode}: {stderr}");
        }

        return stdout.Trim();
    }

    /// <summary>Requests <paramref name="subsystem"/> with the OpenSSH client, as an attacker with an account would; returns when the server side ends or after 15 s.</summary>
    public static void RequestSubsystem(int port, string keyFile, string subsystem) =>
        Run("ssh", ["-s", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", keyFile, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "root@127.0.0.1", subsystem], TimeSpan.FromSeconds(15));

    private static (int ExitCode, string Stdout, string Stderr) Run(string fileName, string[] arguments, TimeSpan timeout)
    {
        try
        {
            return ChildProcess.Run(ChildProcess.StartInfo(fileName, arguments), timeout);
        }
        catch (TimeoutException ex)
        {
            return (-1, string.Empty, ex.Message);
        }
    }
}
