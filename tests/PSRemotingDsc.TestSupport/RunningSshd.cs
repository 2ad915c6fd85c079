using System.Diagnostics;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// A real sshd in the foreground (<c>-D -e</c>) on loopback with its own temp directory, host key, config and pid
/// file. Dispose kills it, whatever happened.
/// </summary>
public sealed class RunningSshd : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _log;

    private RunningSshd(TempDirectory directory, string configPath, string hostKey, int port, Process process)
    {
        Directory = directory;
        ConfigPath = configPath;
        HostKey = hostKey;
        Port = port;
        _process = process;
        _log = process.StandardError.ReadToEndAsync();
    }

    public TempDirectory Directory { get; }

    public string ConfigPath { get; }

    public string HostKey { get; }

    public int Port { get; }

    public string PidFile => Directory.Combine("sshd.pid");

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts sshd with <paramref name="extraConfigLines"/> appended to its configuration and waits (at most 10 s)
    /// until its pid file exists and its port accepts connections.
    /// </summary>
    public static RunningSshd Start(string sshdPath, IEnumerable<string>? extraConfigLines = null)
    {
        var directory = new TempDirectory();
        try
        {
            string hostKey = SshdTestEnvironment.CreateHostKey(directory);
            int port = SshdTestEnvironment.FreeLoopbackPort();
            string configPath = directory.Combine("sshd_config");
            File.WriteAllText(configPath, SshdTestEnvironment.Config(directory, hostKey, port) + string.Concat((extraConfigLines ?? []).Select(line => line + "\n")));

            var startInfo = new ProcessStartInfo(sshdPath)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
            };
            foreach (string argument in (string[])["-D", "-e", "-f", configPath])
            {
                startInfo.ArgumentList.Add(argument);
            }

            Process process = Process.Start(startInfo)!;
            var sshd = new RunningSshd(directory, configPath, hostKey, port, process);
            if (!SshdTestEnvironment.WaitUntil(() => File.Exists(sshd.PidFile) && SshdTestEnvironment.AcceptsConnection(port), TimeSpan.FromSeconds(10)))
            {
                sshd.Dispose();
                throw new InvalidOperationException($"sshd did not start listening on 127.0.0.1:{port} within 10 s. Its log: {sshd.Log()}");
            }

            return sshd;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What sshd logged so far (complete only after it exited).</summary>
    public string Log() => _log.Wait(TimeSpan.FromSeconds(2)) ? _log.Result : "(sshd still running; log not complete)";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGCONT first, in case a test stopped it: a stopped process still dies of SIGKILL, but be tidy.
                Tool.Run("kill", "-CONT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            Directory.Dispose();
        }
    }
}
