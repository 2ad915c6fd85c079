using System.Text;
using BenchmarkDotNet.Attributes;
using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Benchmarks;

/// <summary>
/// Export over an sshd_config with 1,000 and 4,000 PowerShell Subsystem lines, all bound to one installation:
/// observing every name of a parsed configuration, and the whole engine export of a file on disk. Both must
/// grow linearly (export once walked the configuration per name).
/// </summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private string _directory = string.Empty;
    private string _configPath = string.Empty;
    private string _text = string.Empty;
    private SshEndpointObserver _observer = null!;
    private EndpointResource _resource = null!;

    [Params(1000, 4000)]
    public int Subsystems { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A $PSHOME with an empty pwsh file: export checks that the executable exists and matches it by path.
        _directory = Directory.CreateTempSubdirectory("psremotingdsc-bench-").FullName;
        string psHome = Path.Join(_directory, "powershell", "7");
        Directory.CreateDirectory(psHome);
        string pwsh = Path.Join(psHome, "pwsh");
        File.WriteAllText(pwsh, string.Empty);
        var installation = new PowerShellInstallation(new PowerShellVersion(7, 6, 9), psHome, pwsh, "opt");

        var text = new StringBuilder("# Benchmark sshd_config\nPort 22\nSubsystem sftp /usr/lib/openssh/sftp-server\n");
        for (int i = 0; i < Subsystems; i++)
        {
            text.Append("Subsystem powershell-").Append(i).Append(' ').Append(pwsh).Append(" -sshs -NoLogo -NoProfile\n");
        }

        text.Append("\nMatch User backup\n    ForceCommand internal-sftp\n");
        _text = text.ToString();
        _configPath = Path.Join(_directory, "sshd_config");
        File.WriteAllText(_configPath, _text);

        var installations = new FixedInstallations(installation);
        _observer = new SshEndpointObserver(new InstallationResolver(installations));
        _resource = new EndpointResource(new ResourceEnvironment
        {
            Installations = installations,
            Trace = NullTraceSink.Instance,
            FindSshd = () => null,
            IsWindows = false,
        });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public int ObserveAll()
    {
        SshdConfiguration configuration = SshdConfiguration.FromDocuments(SshdConfigDocument.Parse(_text, _configPath), []);
        return _observer.ObserveAll(configuration).Count;
    }

    [Benchmark]
    public int Export() => _resource.Export(new EndpointProperties { SshdConfigPath = _configPath }).Count;

    private sealed class FixedInstallations(PowerShellInstallation installation) : IInstallationSource
    {
        public IReadOnlyList<PowerShellInstallation> FindInstallations() => [installation];
    }
}
