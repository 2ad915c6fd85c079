using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Cli.Tests.Ansible;

/// <summary>
/// Three loopback "hosts" driven by the real ansible-playbook over real SSH: each host is its own sshd on 127.0.0.1
/// with its own port, and its own managed sshd_config, fixture PowerShell installations and install directory, so
/// the hosts share no state although they are one machine. The playbook of the collection in ansible/ runs four
/// times: converge, again (idempotence), after a drift in check mode, and the results are kept for the tests.
/// </summary>
public sealed class AnsibleFleet : IDisposable
{
    public const int HostCount = 3;

    /// <summary>The desired versions: each host has its own 7.3.N and 7.2.N fixture installations.</summary>
    public static readonly string[] Versions = ["7.3", "7.2"];

    /// <summary>Present before the first run, removed by the playbook.</summary>
    public const string AbsentVersion = "7.1";

    public const string ForeignLines = "# operator's own lines: must stay byte-identical\nPort 22\nSubsystem sftp /usr/lib/openssh/sftp-server\n";

    private static readonly TimeSpan PlaybookTimeout = TimeSpan.FromMinutes(6);

    private readonly TempDirectory? _directory;
    private readonly List<RunningSshd> _servers = [];
    private readonly Dictionary<string, string> _environment = [];

    public AnsibleFleet()
    {
        SkipReason = FindSkipReason(out string? playbookTool, out string? python);
        if (SkipReason is not null)
        {
            return;
        }

        _directory = new TempDirectory();
        try
        {
            Converge(playbookTool!, python!);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Why the fleet cannot run here, or null.</summary>
    public string? SkipReason { get; }

    public List<FleetHost> Hosts { get; } = [];

    public bool MergeAvailable { get; private set; }

    public string ReportDirectory { get; private set; } = string.Empty;

    public PlaybookRun First { get; private set; } = null!;

    public PlaybookRun Second { get; private set; } = null!;

    public PlaybookRun CheckAfterDrift { get; private set; } = null!;

    /// <summary>The host whose managed sshd_config was changed by hand before the check-mode run.</summary>
    public FleetHost DriftedHost => Hosts[1];

    public string DriftedBytes { get; private set; } = string.Empty;

    public static string CollectionRoot => Path.Combine(RepositoryPaths.Root, "ansible", "collections");

    public void Dispose()
    {
        foreach (RunningSshd server in _servers)
        {
            server.Dispose();
        }

        _servers.Clear();
        _directory?.Dispose();
    }

    private static string? FindSkipReason(out string? playbookTool, out string? python)
    {
        playbookTool = null;
        python = null;
        if (OperatingSystem.IsWindows())
        {
            return "Ansible manages Windows hosts but does not run on Windows; the fleet test runs on Linux.";
        }

        playbookTool = Tool.Find("ansible-playbook");
        if (playbookTool is null)
        {
            return "ansible-playbook is not installed (./build.sh test installs Debian's ansible-core as root); the Ansible fleet test cannot run.";
        }

        if (SshdTestEnvironment.SshdPath is null)
        {
            return "No sshd executable found (install openssh-server); the Ansible fleet test needs a real sshd per host.";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "The test sshds and the managed sshd_config files need root; run the tests as root.";
        }

        if (Tool.Find("ssh") is null || Tool.Find("ssh-keygen") is null)
        {
            return "The OpenSSH client (ssh, ssh-keygen) is not installed; Ansible connects with it.";
        }

        // The Python that runs ansible-playbook also runs the modules on the (loopback) hosts.
        python = InterpreterOf(playbookTool);
        return python is null ? $"Cannot tell which Python runs {playbookTool} (no #! line)." : null;
    }

    public static string? InterpreterOf(string script)
    {
        string firstLine = File.ReadLines(script).FirstOrDefault() ?? string.Empty;
        if (!firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        string[] words = firstLine[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            0 => null,
            // "#!/usr/bin/env python3": the env program names the interpreter to find on PATH.
            _ when Path.GetFileName(words[0]) == "env" && words.Length > 1 => Tool.Find(words[^1]),
            _ => words[0],
        };
    }

    private void Converge(string playbookTool, string python)
    {
        TempDirectory root = _directory!;
        Directory.CreateDirectory("/run/sshd");

        string clientKey = root.Combine("id_ed25519");
        Tool.RunOrThrow("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey);
        string authorizedKeys = root.WriteFile("authorized_keys", File.ReadAllText(clientKey + ".pub"));

        var inventoryHosts = new JsonObject();
        for (int index = 1; index <= HostCount; index++)
        {
            // Ansible copies files over sftp, as a real host's sshd offers it.
            RunningSshd server = RunningSshd.Start(SshdTestEnvironment.SshdPath!, [$"AuthorizedKeysFile {authorizedKeys}", "Subsystem sftp internal-sftp"]);
            _servers.Add(server);
            var host = new FleetHost(root, $"host{index}", index, server.Port);
            Hosts.Add(host);
            inventoryHosts[host.Name] = host.InventoryVariables(clientKey, python);
        }

        string inventory = root.WriteFile("inventory.json", new JsonObject { ["all"] = new JsonObject { ["hosts"] = inventoryHosts } }.ToJsonString());

        // Framework-dependent (JIT) builds need their assemblies beside the apphost; the NativeAOT binary is one file.
        string binary = CliUnderTest.ExecutablePath;
        bool frameworkDependent = File.Exists(Path.Combine(CliUnderTest.Directory, "psremotingdsc.dll"));
        MergeAvailable = RunsReportMerge(binary);
        ReportDirectory = root.Combine("fleet-report");
        string variables = root.WriteFile("desired.json", new JsonObject
        {
            ["psremotingdsc_binary_src"] = binary,
            ["psremotingdsc_framework_dependent"] = frameworkDependent,
            ["psremotingdsc_versions"] = new JsonArray(Versions.Select(version => (JsonNode)version).ToArray()),
            ["psremotingdsc_absent_versions"] = new JsonArray(AbsentVersion),
            ["psremotingdsc_report_dir"] = ReportDirectory,
            ["psremotingdsc_fleet_report"] = MergeAvailable,
        }.ToJsonString());

        // Ansible's own files stay in the temp directory: an empty ansible.cfg shadows any other one, and the
        // settings come from the environment.
        _environment["ANSIBLE_CONFIG"] = root.WriteFile("ansible.cfg", "# settings are in the environment of the test\n");
        _environment["ANSIBLE_HOME"] = root.Combine("ansible-home");
        _environment["ANSIBLE_LOCAL_TEMP"] = root.Combine("ansible-local-tmp");
        _environment["ANSIBLE_REMOTE_TEMP"] = root.Combine("ansible-remote-tmp");
        _environment["ANSIBLE_SSH_CONTROL_PATH_DIR"] = root.Combine("cp");
        _environment["ANSIBLE_COLLECTIONS_PATH"] = CollectionRoot;
        _environment["ANSIBLE_HOST_KEY_CHECKING"] = "False";
        _environment["ANSIBLE_RETRY_FILES_ENABLED"] = "False";
        _environment["ANSIBLE_PIPELINING"] = "True";
        // Ansible's default without -C: compressing loopback traffic only costs CPU.
        _environment["ANSIBLE_SSH_ARGS"] = "-o ControlMaster=auto -o ControlPersist=60s";
        _environment["ANSIBLE_FORKS"] = HostCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _environment["ANSIBLE_NOCOLOR"] = "1";
        _environment["ANSIBLE_STDOUT_CALLBACK"] = "default";
        _environment["ANSIBLE_DEPRECATION_WARNINGS"] = "False";
        // ansible-core refuses to start unless the locale's encoding is UTF-8.
        _environment["LC_ALL"] = "C.UTF-8";
        _environment["LANG"] = "C.UTF-8";
        // No __pycache__ in the collection's folders of the repository.
        _environment["PYTHONDONTWRITEBYTECODE"] = "1";

        string[] playbook = ["-i", inventory, "-e", "@" + variables, "psremotingdsc.fleet.fleet"];
        First = RunPlaybook(playbookTool, playbook);
        foreach (FleetHost host in Hosts)
        {
            host.AfterFirstRun = File.ReadAllText(host.SshdConfigPath);
        }

        Second = RunPlaybook(playbookTool, playbook);
        foreach (FleetHost host in Hosts)
        {
            host.AfterSecondRun = File.ReadAllText(host.SshdConfigPath);
        }

        // Drift one host by hand: its 7.3 endpoint no longer starts pwsh in server mode.
        string drifted = DriftedHost.AfterSecondRun.Replace($"{DriftedHost.PwshPath("7.3")} -sshs", DriftedHost.PwshPath("7.3"), StringComparison.Ordinal);
        Assert.NotEqual(DriftedHost.AfterSecondRun, drifted);
        File.WriteAllText(DriftedHost.SshdConfigPath, drifted);
        DriftedBytes = drifted;
        CheckAfterDrift = RunPlaybook(playbookTool, [.. playbook, "--check", "--diff"]);
    }

    private static bool RunsReportMerge(string binary)
    {
        ProcessStartInfo start = ChildProcess.StartInfo(binary, ["report", "merge", "--help"]);
        return ChildProcess.Run(start, TimeSpan.FromSeconds(60)).ExitCode == 0;
    }

    private PlaybookRun RunPlaybook(string playbookTool, IEnumerable<string> arguments)
    {
        ProcessStartInfo start = ChildProcess.StartInfo(playbookTool, arguments, _directory!.Path, _environment);
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PlaybookTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ansible-playbook {string.Join(' ', arguments)} did not exit within {PlaybookTimeout.TotalMinutes} min. Output so far:\n{(stdout.IsCompleted ? stdout.Result : "(still open)")}");
        }

        // An ssh ControlPersist master may hold a copy of the pipes a little longer; do not wait for it.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30));
        return new PlaybookRun(
            process.ExitCode,
            stdout.IsCompleted ? stdout.Result : "(stdout still open)",
            stderr.IsCompleted ? stderr.Result : "(stderr still open)",
            clock.Elapsed);
    }
}

/// <summary>One loopback host of the fleet and the files that are its own.</summary>
public sealed class FleetHost
{
    public FleetHost(TempDirectory root, string name, int index, int port)
    {
        Name = name;
        Port = port;
        string home = root.Combine(name);
        SshdConfigPath = root.WriteFile($"{name}/sshd_config", AnsibleFleet.ForeignLines + StaleLine(home));
        PSHomeRoots = Path.Join(home, "installations");
        Directory.CreateDirectory(PSHomeRoots);
        foreach (string version in AnsibleFleet.Versions)
        {
            FixtureInstallation.Create(PSHomeRoots, $"{version}.{index}");
        }

        Index = index;
        InstallDirectory = Path.Join(home, "lib", "psremotingdsc");
        Directory.CreateDirectory(Path.Join(home, "bin"));
        LinkPath = Path.Join(home, "bin", "psremotingdsc");
    }

    public string Name { get; }

    public int Index { get; }

    public int Port { get; }

    public string SshdConfigPath { get; }

    public string PSHomeRoots { get; }

    public string InstallDirectory { get; }

    public string LinkPath { get; }

    public string AfterFirstRun { get; set; } = string.Empty;

    public string AfterSecondRun { get; set; } = string.Empty;

    /// <summary>The pwsh of this host's fixture installation that <paramref name="spec"/> resolves to.</summary>
    public string PwshPath(string spec) => Path.Join(PSHomeRoots, $"{spec}.{Index}", "pwsh");

    /// <summary>The line the resource writes for <paramref name="spec"/> on this host.</summary>
    public string SubsystemLine(string spec) => $"Subsystem powershell-{spec} {PwshPath(spec)} -sshs -NoLogo -NoProfile\n";

    public JsonObject InventoryVariables(string clientKey, string python) => new()
    {
        ["ansible_host"] = "127.0.0.1",
        ["ansible_port"] = Port,
        ["ansible_user"] = "root",
        ["ansible_ssh_private_key_file"] = clientKey,
        ["ansible_ssh_common_args"] = "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
        ["ansible_python_interpreter"] = python,
        ["psremotingdsc_sshd_config_path"] = SshdConfigPath,
        ["psremotingdsc_pshome_roots"] = new JsonArray(PSHomeRoots),
        ["psremotingdsc_install_dir"] = InstallDirectory,
        ["psremotingdsc_link"] = LinkPath,
    };

    /// <summary>An endpoint of an uninstalled version, which the playbook's absent list removes.</summary>
    private static string StaleLine(string home) =>
        $"Subsystem powershell-{AnsibleFleet.AbsentVersion} {Path.Join(home, "gone", AnsibleFleet.AbsentVersion + ".0", "pwsh")} -sshs -NoLogo -NoProfile\n";
}

/// <summary>One ansible-playbook run: exit code, output, duration and the PLAY RECAP per host.</summary>
public sealed partial record PlaybookRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Recap { get; } = ParseRecap(Stdout);

    public int Changed(string host) => Counter(host, "changed");

    public int Counter(string host, string name) =>
        Recap.TryGetValue(host, out IReadOnlyDictionary<string, int>? counters) && counters.TryGetValue(name, out int value)
            ? value
            : throw new Xunit.Sdk.XunitException($"No '{name}' for {host} in the PLAY RECAP.\n{this}");

    public override string ToString() => $"ansible-playbook exit {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    // "host1                      : ok=12   changed=4    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0"
    private static Dictionary<string, IReadOnlyDictionary<string, int>> ParseRecap(string stdout)
    {
        var recap = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        int start = stdout.LastIndexOf("PLAY RECAP", StringComparison.Ordinal);
        if (start < 0)
        {
            return recap;
        }

        foreach (Match line in RecapLine().Matches(stdout[start..]))
        {
            recap[line.Groups["host"].Value] = CounterPattern().Matches(line.Groups["counters"].Value)
                .ToDictionary(counter => counter.Groups[1].Value, counter => int.Parse(counter.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }

        return recap;
    }

    [GeneratedRegex(@"^(?<host>\S+)\s+:\s+(?<counters>ok=.*)$", RegexOptions.Multiline)]
    private static partial Regex RecapLine();

    [GeneratedRegex(@"(\w+)=(\d+)")]
    private static partial Regex CounterPattern();
}
