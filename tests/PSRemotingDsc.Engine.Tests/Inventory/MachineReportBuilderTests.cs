using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Inventory;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Inventory;

/// <summary>The engine's classification of the machine inventory: one state per row, foreign rows, and installation binding.</summary>
public sealed class MachineReportBuilderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _root;
    private readonly string _v769;
    private readonly string _v746;
    private readonly string _config;

    public MachineReportBuilderTests()
    {
        _root = _dir.Combine("powershell");
        _v769 = FixtureInstallation.Create(_root, "7.6.9", "7");
        _v746 = FixtureInstallation.Create(_root, "7.4.6", "7.4");
        _config = _dir.Combine("ssh", "sshd_config");
        Directory.CreateDirectory(Path.GetDirectoryName(_config)!);
    }

    public void Dispose() => _dir.Dispose();

    private EndpointResource Resource(params string[] psHomes) => new(new ResourceEnvironment
    {
        Installations = new FixedInstallationSource(psHomes),
        Trace = NullTraceSink.Instance,
        FindSshd = () => null,
        IsWindows = false,
        DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
    });

    private static string Pwsh(string psHome) => Path.Join(psHome, PowerShellHomeReader.ExecutableName);

    private static InventoryRow Row(MachineReport report, string name) => report.Rows.Single(row => row.Name == name);

    [Fact]
    public void EveryRow_IsInExactlyOneState()
    {
        string preview = FixtureInstallation.Create(_root, "7.6.0-preview.5", "7-preview");
        File.WriteAllText(_config,
            "Subsystem sftp /usr/lib/openssh/sftp-server\n"
            + $"Subsystem powershell-7 {Pwsh(_v769)} -sshs -NoLogo -NoProfile\n"
            + $"Subsystem ops {Pwsh(_v746)} -NoLogo\n"
            + "Subsystem gone /opt/removed/7/pwsh -sshs\n");

        MachineReport report = MachineReportBuilder.Build(Resource(_v769, _v746, preview), _config, null);

        Assert.Equal(
            ["gone=Orphaned", "ops=Drifted", "powershell-7-preview=Missing", "powershell-7=Ok", "sftp=Foreign"],
            report.Rows.Select(row => $"{row.Name}={row.Condition}").Order(StringComparer.Ordinal));
        Assert.Equal(ComplianceStatus.NonCompliant, report.ComplianceStatus);
        Assert.Equal(ComplianceStatus.Compliant, Row(report, "sftp").ComplianceStatus);
        Assert.Empty(Row(report, "sftp").Reasons);
        Assert.Equal("/usr/lib/openssh/sftp-server", Row(report, "sftp").Command);
        Assert.Equal($"{_config}:1", Row(report, "sftp").Location);
        Assert.True(Row(report, "powershell-7-preview").Desired);
        Assert.False(Row(report, "ops").Desired);
        Assert.Contains(Row(report, "powershell-7-preview").Changes, change => change.Contains("add 'Subsystem powershell-7-preview", StringComparison.Ordinal));
        Assert.Empty(Row(report, "powershell-7").Changes);
        Assert.Equal(report.Rows.Count, Enum.GetValues<EndpointCondition>().Sum(report.Count));
    }

    [Fact]
    public void ForeignEndpoints_NeverMakeTheMachineNonCompliant()
    {
        File.WriteAllText(_config, $"Subsystem sftp internal-sftp\nSubsystem powershell-7 {Pwsh(_v769)} -sshs -NoLogo -NoProfile\n");

        MachineReport report = MachineReportBuilder.Build(Resource(_v769, _v746), _config, null);

        Assert.Equal(ComplianceStatus.Compliant, report.ComplianceStatus);
        Assert.Equal(1, report.Count(EndpointCondition.Foreign));
    }

    [Fact]
    public void AnEndpointMatchingSeveralInstallations_IsClassifiedTheSame_WhateverOrderTheyAreFoundIn()
    {
        // Two installations of 7.6.9; discovery orders ties by $PSHOME (ordinal), so '.../elsewhere/7' is the one '7' resolves to.
        string twin = FixtureInstallation.Create(_dir.Combine("elsewhere"), "7.6.9", "7");
        File.WriteAllText(_config, $"Subsystem powershell-7 {Pwsh(twin)} -sshs -NoLogo -NoProfile\nSubsystem other {Pwsh(_v769)} -sshs\n");

        MachineReport forward = MachineReportBuilder.Build(Discovering(_root, _dir.Combine("elsewhere")), _config, null);
        MachineReport backward = MachineReportBuilder.Build(Discovering(_dir.Combine("elsewhere"), _root), _config, null);

        foreach (MachineReport report in new[] { forward, backward })
        {
            InventoryRow row = Row(report, "powershell-7");
            Assert.Equal(EndpointCondition.Ok, row.Condition);
            Assert.Equal(twin, row.PSHome);
            Assert.Equal([twin, _v769, _v746], row.MatchingInstallations);
            InventoryRow other = Row(report, "other");
            Assert.Equal(_v769, other.PSHome);
            Assert.Equal([twin, _v769], other.MatchingInstallations);
            Assert.Equal([twin, _v769, _v746], report.Installations.Select(installation => installation.PSHome));
        }

        Assert.Equal(Describe(forward), Describe(backward));
    }

    private EndpointResource Discovering(params string[] roots) => new(new ResourceEnvironment
    {
        Installations = new InstallationDiscovery(new InstallationDiscoveryOptions
        {
            IncludeWellKnown = false,
            PathVariable = string.Empty,
            HomeDirectory = _dir.Combine("no-home"),
            NuGetPackagesDirectory = _dir.Combine("no-packages"),
            ExtraRoots = roots,
        }),
        Trace = NullTraceSink.Instance,
        FindSshd = () => null,
        IsWindows = false,
        DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
    });

    private static string Describe(MachineReport report) =>
        string.Join('\n', report.Rows.Select(row => $"{row.Name} {row.Condition} {row.PSHome} {string.Join(',', row.MatchingInstallations)} {string.Join(',', row.Reasons.Select(reason => reason.Code))}"));

    [Fact]
    public void DesiredInstances_ReplaceTheDefaults_AndSayWhatSetWouldChange()
    {
        File.WriteAllText(_config, $"Subsystem powershell-7 {Pwsh(_v769)} -sshs -NoLogo -NoProfile\n");
        EndpointProperties jea = new() { Version = "7.4", Name = "powershell-jea", Transport = Transport.Ssh, Arguments = ["-ConfigurationFile", "/etc/jea.pssc"] };

        MachineReport report = MachineReportBuilder.Build(Resource(_v769, _v746), _config, [jea]);

        InventoryRow row = Row(report, "powershell-jea");
        Assert.Equal(EndpointCondition.Missing, row.Condition);
        Assert.True(row.Desired);
        Assert.Equal(_v746, row.PSHome);
        Assert.Contains(row.Changes, change => change.Contains("-ConfigurationFile /etc/jea.pssc", StringComparison.Ordinal) && change.StartsWith(_config, StringComparison.Ordinal));
        Assert.False(Row(report, "powershell-7").Desired);
        Assert.Equal(EndpointCondition.Ok, Row(report, "powershell-7").Condition);
    }

    [Fact]
    public void AnUnreadableConfiguration_IsAProblem_NotACrash()
    {
        MachineReport report = MachineReportBuilder.Build(Resource(_v769), _dir.Combine("missing", "sshd_config"), null);

        (Transport transport, string message) = Assert.Single(report.Problems);
        Assert.Equal(Transport.Ssh, transport);
        Assert.StartsWith("SshdConfigNotFound: ", message, StringComparison.Ordinal);
        Assert.Empty(report.Rows);
        Assert.Equal(ComplianceStatus.Compliant, report.ComplianceStatus);
    }
}
