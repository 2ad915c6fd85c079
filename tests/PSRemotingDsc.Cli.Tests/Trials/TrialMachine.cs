using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>
/// What every trial runs against: a temp folder holding <c>config/sshd_config</c> (foreign lines a person wrote: a
/// comment, a host key, <c>Subsystem sftp</c>, a <c>Match</c> block) alone in its directory, a fixture PowerShell
/// installation found through PSREMOTINGDSC_PSHOME_ROOTS, and an ed25519 host key so that <c>sshd -t</c>, when sshd
/// is installed, really validates each new file instead of failing on both.
/// </summary>
public sealed class TrialMachine : IDisposable
{
    /// <summary>A version no real installation on the machine has, so only the fixture matches it.</summary>
    public const string Version = "7.4.11";

    public const string ConfigName = "sshd_config";

    public TrialMachine()
    {
        Directory = new TempDirectory();
        string installations = Directory.Combine("installations");
        PSHome = FixtureInstallation.Create(installations, Version);
        Pwsh = Path.Join(PSHome, "pwsh");
        ConfigDirectory = Directory.Combine("config");
        System.IO.Directory.CreateDirectory(ConfigDirectory);
        string? hostKey = Tool.Find("ssh-keygen") is null ? null : SshdTestEnvironment.CreateHostKey(Directory);
        ForeignText = ForeignLines(hostKey);
        ConfigPath = Path.Join(ConfigDirectory, ConfigName);
        File.WriteAllText(ConfigPath, ForeignText);
        Environment = new Dictionary<string, string> { ["PSREMOTINGDSC_PSHOME_ROOTS"] = installations };
        Cli = new TrialCli(Environment);
        SshdValidates = PrepareSshd();
    }

    public TempDirectory Directory { get; }

    public string PSHome { get; }

    /// <summary>The fixture pwsh every Subsystem line the resource writes here starts.</summary>
    public string Pwsh { get; }

    /// <summary>The folder holding only the config (and what a trial puts beside it).</summary>
    public string ConfigDirectory { get; }

    public string ConfigPath { get; }

    /// <summary>The config's initial content: every byte of it belongs to someone else.</summary>
    public string ForeignText { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public TrialCli Cli { get; }

    /// <summary>True when a real sshd is installed and can check files here (root, /run/sshd), so set runs <c>sshd -t</c>.</summary>
    public bool SshdValidates { get; }

    /// <summary>The lock file the contract names for <paramref name="configPath"/>: <c>&lt;dir&gt;/.&lt;filename&gt;.psremotingdsc.lock</c>.</summary>
    public static string LockPath(string configPath) =>
        Path.Join(Path.GetDirectoryName(configPath), "." + Path.GetFileName(configPath) + ".psremotingdsc.lock");

    /// <summary>Desired state JSON for this machine: version, ssh, this config, restart never, plus <paramref name="properties"/>.</summary>
    public string Input(JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        properties["version"] ??= Version;
        properties["transport"] ??= "ssh";
        properties["sshdConfigPath"] ??= ConfigPath;
        properties["restart"] ??= "never";
        return properties.ToJsonString();
    }

    /// <summary>Hand-written JSON with <c>{config}</c> standing for this config's path; version, transport and restart prepended.</summary>
    public string Input(string members, string? configPath = null) =>
        $"{{\"version\":\"{Version}\",\"transport\":\"ssh\",\"restart\":\"never\",\"sshdConfigPath\":\"{TestPaths.JsonEscaped(configPath ?? ConfigPath)}\""
        + (members.Length == 0 ? string.Empty : "," + members) + "}";

    /// <summary>The line the resource writes for endpoint <paramref name="name"/> with <paramref name="arguments"/> (already in their written form).</summary>
    public string SubsystemLine(string name, params string[] arguments) =>
        string.Join(' ', new[] { "Subsystem", name, Pwsh, "-sshs", "-NoLogo", "-NoProfile" }.Concat(arguments));

    public void Dispose() => Directory.Dispose();

    private static string ForeignLines(string? hostKey) => string.Join('\n',
    [
        "# sshd_config written by a person; every byte here must survive.",
        "Port 22",
        hostKey is null ? "#HostKey none (ssh-keygen is not installed)" : $"HostKey {hostKey}",
        "#PermitRootLogin prohibit-password",
        "Subsystem\tsftp\t/usr/lib/openssh/sftp-server",
        "",
        "Match User backup",
        "    ForceCommand internal-sftp",
        "",
    ]);

    private static bool PrepareSshd()
    {
        if (OperatingSystem.IsWindows() || SshdTestEnvironment.SshdPath is null || !System.Environment.IsPrivilegedProcess)
        {
            return false;
        }

        // sshd -t fails with "Missing privilege separation directory: /run/sshd" on a machine where sshd never ran.
        System.IO.Directory.CreateDirectory("/run/sshd");
        return true;
    }
}
