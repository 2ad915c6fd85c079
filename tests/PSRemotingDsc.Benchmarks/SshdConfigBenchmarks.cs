using System.Text;
using BenchmarkDotNet.Attributes;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Benchmarks;

/// <summary>
/// Parsing and planning against an sshd_config with 1,000 Subsystem lines (a fleet's worst case: one
/// endpoint per version, per JEA role, per tenant), with comments and a Match block as in real files.
/// </summary>
[MemoryDiagnoser]
public class SshdConfigBenchmarks
{
    private const string Path = "/etc/ssh/sshd_config";
    private string _text = string.Empty;
    private SshEndpointDesired _desired = null!;
    private SshEndpointObserver _observer = null!;
    private SshDriftAnalyzer _analyzer = null!;

    [Params(1000)]
    public int Subsystems { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("# Benchmark sshd_config\nInclude /nonexistent/sshd_config.d/*.conf\nPort 22\n");
        for (int i = 0; i < Subsystems; i++)
        {
            text.Append("# endpoint ").Append(i).Append('\n');
            text.Append("Subsystem powershell-").Append(i).Append(" /opt/microsoft/powershell/7/pwsh -sshs -NoLogo -NoProfile\n");
        }

        text.Append("\nMatch User backup\n    ForceCommand internal-sftp\n");
        _text = text.ToString();
        var installation = new PowerShellInstallation(new PowerShellVersion(7, 6, 9), "/opt/microsoft/powershell/7", "/opt/microsoft/powershell/7/pwsh", "opt");
        _desired = new SshEndpointDesired("powershell-new", true, installation, installation.Executable, null);
        _observer = new SshEndpointObserver(new InstallationResolver(new FixedInstallations(installation)), _ => true);
        _analyzer = new SshDriftAnalyzer(isWindows: false);
    }

    [Benchmark]
    public string ParseAndRender() => SshdConfigDocument.Parse(_text, Path).Render();

    [Benchmark]
    public int ObserveLastEndpoint()
    {
        SshdConfiguration configuration = SshdConfiguration.FromDocuments(SshdConfigDocument.Parse(_text, Path), []);
        return _observer.Observe(configuration, $"powershell-{Subsystems - 1}").Definitions.Count;
    }

    [Benchmark]
    public int PlanNewEndpoint()
    {
        SshdConfiguration configuration = SshdConfiguration.FromDocuments(SshdConfigDocument.Parse(_text, Path), []);
        SshEndpointObservation observed = _observer.Observe(configuration, _desired.Name);
        IReadOnlyList<Reason> reasons = _analyzer.Analyze(_desired, observed);
        return SshPlanner.Plan(_desired, configuration, observed, reasons).ModifiedDocuments[0].Render().Length;
    }

    private sealed class FixedInstallations(PowerShellInstallation installation) : IInstallationSource
    {
        public IReadOnlyList<PowerShellInstallation> FindInstallations() => [installation];
    }
}
