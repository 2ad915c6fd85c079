using Xunit;
using System.Net;
using System.Net.Sockets;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.TestSupport;

/// <summary>What the tests that need the real OpenSSH server use: where sshd is, host keys, free ports.</summary>
public static class SshdTestEnvironment
{
    private static readonly Lazy<string?> Sshd = new(() => OperatingSystem.IsWindows() ? null : SshdLocator.FindSshd());

    /// <summary>The real sshd (an absolute path: sshd refuses to re-execute otherwise), or null.</summary>
    public static string? SshdPath => Sshd.Value;

    /// <summary>Skips the calling test with a stated reason unless a real sshd can run here.</summary>
    public static string RequireSshd()
    {
        Skip.If(OperatingSystem.IsWindows(), "These tests start the real OpenSSH sshd on loopback; the Windows sshd service is covered by the Windows CI job.");
        Skip.If(SshdPath is null, "No sshd executable found (install openssh-server); the real-sshd tests cannot run.");
        Skip.IfNot(Environment.IsPrivilegedProcess, "sshd -t and a test sshd need root (privilege separation); run the tests as root.");

        // sshd -t fails with "Missing privilege separation directory: /run/sshd" on a machine where sshd never ran.
        Directory.CreateDirectory("/run/sshd");
        return SshdPath!;
    }

    /// <summary>Generates an ed25519 host key without a passphrase and returns its path.</summary>
    public static string CreateHostKey(TempDirectory directory)
    {
        string key = directory.Combine("hostkey");
        Tool.RunOrThrow("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        return key;
    }

    /// <summary>A valid configuration for a private sshd on loopback, one line per port.</summary>
    public static string Config(TempDirectory directory, string hostKey, params int[] ports)
    {
        var lines = new List<string>
        {
            "# Test sshd: loopback only, own host key and pid file.",
            $"HostKey {hostKey}",
            $"PidFile {directory.Combine("sshd.pid")}",
            "ListenAddress 127.0.0.1",
            "StrictModes no",
            "UsePAM no",
            "PasswordAuthentication no",
        };
        lines.AddRange(ports.Select(port => $"Port {port}"));
        return string.Join('\n', lines) + "\n";
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool AcceptsConnection(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="bound"/> passes.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan bound)
    {
        DateTime deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(25);
        }

        return condition();
    }
}
