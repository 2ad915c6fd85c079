using System.Diagnostics;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

/// <summary>Checks the effective-order model against what the installed sshd prints with <c>sshd -T</c>.</summary>
public class SshdConfigurationAgainstRealSshdTests
{
    private const string Sshd = "/usr/sbin/sshd";
    private const string SshKeygen = "/usr/bin/ssh-keygen";

    [SkippableFact]
    public void EffectiveSubsystemsAndPidFile_MatchWhatSshdReads()
    {
        Skip.If(OperatingSystem.IsWindows(), "Runs the Linux OpenSSH server (/usr/sbin/sshd -T) on a config with Unix paths; Windows sshd is not probed.");
        Skip.IfNot(File.Exists(Sshd) && File.Exists(SshKeygen), $"needs openssh-server ({Sshd}) and {SshKeygen}.");
        Skip.IfNot(Directory.Exists("/run/sshd"), "sshd -T needs its privilege separation directory /run/sshd (mkdir -p /run/sshd as root).");

        using var directory = new TempDirectory();
        var hostKey = Path.Combine(directory.Path, "host_key");
        Run(SshKeygen, "-q", "-t", "ed25519", "-N", string.Empty, "-f", hostKey);
        directory.WriteFile("conf.d/20-b.conf", "Subsystem b-second /opt/b/pwsh -sshs\r\nMatch User root\r\n  PermitTTY no\r\n");
        directory.WriteFile("conf.d/10-a.conf", "subsystem=a-first \"/opt/a a/pwsh\" -sshs -NoLogo\nPidFile /run/psremotingdsc-included.pid\n");
        directory.WriteFile("match.d/m.conf", "PermitTTY no\n");
        var main = directory.WriteFile(
            "sshd_config",
            $"HostKey {hostKey}\nSubsystem\tzero /opt/zero/pwsh\t-sshs # first\nInclude {directory.Path}/conf.d/*.conf\n" +
            $"PidFile /run/psremotingdsc-main.pid\nSubsystem c-last /opt/c/pwsh -sshs\nMatch User nobody\n  Include {directory.Path}/match.d/*.conf");

        var configuration = SshdConfiguration.Load(main);
        var output = Run(Sshd, "-T", "-f", main).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var sshdSubsystems = output.Where(line => line.StartsWith("subsystem ", StringComparison.Ordinal)).Select(line => line.Split(' ', 3)).ToList();
        var ours = configuration.GlobalSubsystems();
        Assert.Equal(sshdSubsystems.Select(parts => parts[1]), ours.Select(definition => definition.Name));
        Assert.Equal(
            sshdSubsystems.Select(parts => parts[2]),
            ours.Select(definition => SubsystemCommandLine.Parse(definition.Command)).Select(command => string.Join(' ', [command.Executable, .. command.Arguments])));
        Assert.Contains($"pidfile {configuration.PidFile}", output);
        Assert.Equal("/run/psremotingdsc-included.pid", configuration.PidFile);
    }

    private static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), $"{fileName} did not exit within 30 s");
        Assert.True(process.ExitCode == 0, $"{fileName} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
