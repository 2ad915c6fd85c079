using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>
/// <see cref="EndpointSetResource"/> over SSH, on real temp files: which versions are missing, which endpoints are not
/// desired, and that set (with and without purge) makes every change in one locked write, one <c>sshd -t</c> and one
/// reload, never touching an endpoint that is not PowerShell 6+.
/// </summary>
public sealed class EndpointSetResourceTests : IDisposable
{
    private const string Prefix = "PSRemotingEndpointSet:PSRemotingEndpointSet:";

    private readonly TempDirectory _dir = new();
    private readonly string _pwsh769;
    private readonly string _pwsh746;
    private readonly string _pwshPreview;
    private readonly string _config;
    private readonly string _validations;
    private readonly RecordingSshdControl _sshd = new();
    private readonly EndpointSetResource _resource;

    public EndpointSetResourceTests()
    {
        string root = _dir.Combine("powershell");
        string v769 = FixtureInstallation.Create(root, "7.6.9", "7");
        string v746 = FixtureInstallation.Create(root, "7.4.6", "7.4");
        string preview = FixtureInstallation.Create(root, "7.7.0-preview.1", "7-preview");
        _pwsh769 = Path.Join(v769, PowerShellHomeReader.ExecutableName);
        _pwsh746 = Path.Join(v746, PowerShellHomeReader.ExecutableName);
        _pwshPreview = Path.Join(preview, PowerShellHomeReader.ExecutableName);
        _config = _dir.Combine("ssh", "sshd_config");
        Directory.CreateDirectory(Path.GetDirectoryName(_config)!);

        // A stand-in sshd that accepts every configuration and records each 'sshd -t -f <file>' it is asked for.
        _validations = _dir.Combine("validations.log");
        string? fakeSshd = null;
        if (!OperatingSystem.IsWindows())
        {
            fakeSshd = _dir.WriteFile("sshd", $"#!/bin/sh\necho \"$*\" >> '{_validations}'\nexit 0\n");
            File.SetUnixFileMode(fakeSshd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _resource = new EndpointSetResource(new ResourceEnvironment
        {
            Installations = new FixedInstallationSource(v769, v746, preview),
            Trace = NullTraceSink.Instance,
            FindSshd = () => fakeSshd,
            SshdControl = _sshd,
            IsWindows = false,
            DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
        });
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Lines no purge may remove: sftp, a Windows PowerShell name, Windows PowerShell itself, a program that is not pwsh.</summary>
    private string Foreign => "# operator's lines\nPort 22\nSubsystem sftp /usr/lib/openssh/sftp-server\n"
        + $"Subsystem Microsoft.PowerShell {_pwsh769} -sshs -NoLogo\n"
        + "Subsystem winps C:/Windows/System32/WindowsPowerShell/v1.0/powershell.exe -sshs -NoLogo\n"
        + "Subsystem backup /usr/bin/python3 -sshs\n";

    [Fact]
    public void Test_NamesTheMissingVersions_AndOnlyThePowerShell6PlusEndpointsNotDesired()
    {
        WriteConfig(Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\nSubsystem gone /opt/old/pwsh -sshs\n");

        EndpointSetResult result = _resource.Test(Props(purge: false, "7", "7-preview"));

        Assert.Equal(["7", "7-preview"], result.State.MissingVersions);
        Assert.Equal(["powershell-7.4", "gone"], result.State.UndesiredEndpoints);
        Assert.False(result.State.InDesiredState);
        Assert.Equal(["versions"], result.Properties);
        Assert.Equal([Prefix + "Missing", Prefix + "Missing"], Codes(result.State.Reasons));
        Assert.Contains(result.State.Endpoints, endpoint => endpoint.Name == "Microsoft.PowerShell");
    }

    [Fact]
    public void Test_CountsUndesiredEndpointsAsDrift_OnlyWithPurge()
    {
        WriteConfig(Foreign + $"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nSubsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\n");

        EndpointSetResult kept = _resource.Test(Props(purge: false, "7"));
        EndpointSetResult purged = _resource.Test(Props(purge: true, "7"));

        Assert.True(kept.State.InDesiredState);
        Assert.Equal(["powershell-7.4"], kept.State.UndesiredEndpoints);
        Assert.False(purged.State.InDesiredState);
        Assert.Equal([Prefix + nameof(ReasonId.Unexpected)], Codes(purged.State.Reasons));
        Assert.Empty(purged.State.MissingVersions);
    }

    [SkippableFact]
    public void Set_WithPurge_AddsAndRemovesInOneWrite_OneValidation_AndOneReload_LeavingForeignLinesByteIdentical()
    {
        Skip.If(OperatingSystem.IsWindows(), "The stand-in sshd is a shell script.");
        WriteConfig(Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\nSubsystem powershell-7 {_pwsh746} -sshs\nSubsystem gone /opt/old/pwsh -sshs\n");

        EndpointSetResult result = _resource.Set(Props(purge: true, "7", "7-preview"), whatIf: false);

        Assert.Equal(
            Foreign + $"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nSubsystem powershell-7-preview {_pwshPreview} -sshs -NoLogo -NoProfile\n",
            File.ReadAllText(_config));
        Assert.Equal(4, result.Changes.Count);
        Assert.Equal(1, result.Writes);
        Assert.Single(File.ReadAllLines(_validations));
        Assert.Equal([_config], _sshd.Reloads);
        Assert.Equal(["versions"], result.Properties);
        Assert.Empty(result.State.Reasons);
        Assert.Empty(result.State.MissingVersions);
        Assert.Empty(result.State.UndesiredEndpoints);
        Assert.True(File.Exists(_config + SshdConfigWriter.BackupSuffix));
        Assert.True(_resource.Test(Props(purge: true, "7", "7-preview")).State.InDesiredState);
    }

    [Fact]
    public void Set_WithoutPurge_KeepsThePowerShellEndpointsNotDesired()
    {
        string before = Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\n";
        WriteConfig(before);

        EndpointSetResult result = _resource.Set(Props(purge: false, "7"), whatIf: false);

        Assert.Equal(before + $"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\n", File.ReadAllText(_config));
        Assert.Equal(["powershell-7.4"], result.State.UndesiredEndpoints);
        Assert.True(_resource.Test(Props(purge: false, "7")).State.InDesiredState);
    }

    [Fact]
    public void Set_WithPurgeAndNoVersions_RemovesEveryPowerShell6PlusEndpoint_AndNothingElse()
    {
        WriteConfig(Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\n");

        _resource.Set(Props(purge: true), whatIf: false);

        Assert.Equal(Foreign, File.ReadAllText(_config));
    }

    [Fact]
    public void SetWhatIf_PlansEveryChange_AndChangesNothing_NotEvenALockFile()
    {
        string before = Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\n";
        WriteConfig(before);
        string[] listing = Directory.GetFiles(Path.GetDirectoryName(_config)!);

        EndpointSetResult result = _resource.Set(Props(purge: true, "7", "7-preview"), whatIf: true);

        Assert.Equal(before, File.ReadAllText(_config));
        Assert.Equal(listing, Directory.GetFiles(Path.GetDirectoryName(_config)!));
        Assert.Equal(3, result.Changes.Count);
        Assert.Equal(0, result.Writes);
        Assert.Empty(_sshd.Reloads);
        Assert.False(File.Exists(_validations));
        Assert.Empty(result.State.RestartRequired);
        Assert.Contains(result.State.Endpoints, endpoint => endpoint.Name == "powershell-7-preview");
        Assert.DoesNotContain(result.State.Endpoints, endpoint => endpoint.Name == "powershell-7.4");
    }

    [SkippableFact]
    public void SecondSet_IsANoOp_ThatTouchesNoFile()
    {
        Skip.If(OperatingSystem.IsWindows(), "Inode numbers are a Unix notion.");
        WriteConfig(Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\n");
        _resource.Set(Props(purge: true, "7", "7-preview"), whatIf: false);
        File.SetLastWriteTimeUtc(_config, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        (DateTime written, string inode) = (File.GetLastWriteTimeUtc(_config), UnixInode(_config));
        int reloads = _sshd.Reloads.Count;

        EndpointSetResult again = _resource.Set(Props(purge: true, "7", "7-preview"), whatIf: false);

        Assert.Empty(again.Changes);
        Assert.Empty(again.Properties);
        Assert.Equal(0, again.Writes);
        Assert.Equal(reloads, _sshd.Reloads.Count);
        Assert.Equal((written, inode), (File.GetLastWriteTimeUtc(_config), UnixInode(_config)));
    }

    [Fact]
    public void Set_OfAVersionThatIsNotInstalled_FailsBeforeAnythingIsWritten()
    {
        string before = Foreign + $"Subsystem powershell-7.4 {_pwsh746} -sshs -NoLogo -NoProfile\n";
        WriteConfig(before);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Set(Props(purge: true, "7", "6.2"), whatIf: false));

        Assert.Equal(ExitCode.VersionNotFound, error.ExitCode);
        Assert.Equal(before, File.ReadAllText(_config));
    }

    [Fact]
    public void GetAndTest_ReportAVersionThatIsNotInstalled_AsAReason()
    {
        WriteConfig(Foreign);

        EndpointSetResult result = _resource.Test(Props(purge: false, "6.2"));

        Assert.Equal(["6.2"], result.State.MissingVersions);
        Assert.Equal([Prefix + nameof(ReasonId.VersionNotInstalled)], Codes(result.State.Reasons));
    }

    [Fact]
    public void MissingVersions_IsAnError_ForGetTestAndSet()
    {
        WriteConfig(Foreign);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Get(new EndpointSetProperties { Transport = Transport.Ssh, SshdConfigPath = _config }));

        Assert.Equal(ErrorIds.VersionsRequired.Id, error.ErrorId);
    }

    [Fact]
    public void Export_ListsEveryPowerShellEndpoint_WithTheVersionsOfTheDefaultNamedOnes()
    {
        WriteConfig(Foreign + $"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nSubsystem ops {_pwsh746} -sshs\n");

        EndpointSetState exported = Assert.Single(_resource.Export(new EndpointSetProperties { Transport = Transport.Ssh, SshdConfigPath = _config }));

        Assert.Equal(["7"], exported.Versions);
        Assert.Equal(["ops"], exported.UndesiredEndpoints);
        Assert.Equal("ssh", exported.ExportName);
        Assert.Equal(["Microsoft.PowerShell", "winps", "backup", "powershell-7", "ops"], exported.Endpoints.Select(endpoint => endpoint.Name));
    }

    [Theory]
    [InlineData("Microsoft.PowerShell", "/usr/bin/pwsh", true)]
    [InlineData("microsoft.powershell.workflow", "/usr/bin/pwsh", true)]
    [InlineData("winps", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", true)]
    [InlineData("winps", "/usr/bin/powershell", true)]
    [InlineData("sftp", "/usr/lib/openssh/sftp-server", true)]
    [InlineData("backup", "/usr/bin/python3", true)]
    [InlineData("quoted name", "/opt/my tools/pwsh", true)]
    [InlineData("powershell-7", "/opt/microsoft/powershell/7/pwsh", false)]
    [InlineData("preview", "/opt/microsoft/powershell/7-preview/pwsh-preview", false)]
    [InlineData("win", @"C:\PROGRA~1\PowerShell\7\pwsh.exe", false)]
    public void Purge_KeepsEverySshEndpointThatIsNotPowerShell6Plus(string name, string executable, bool kept)
    {
        Assert.Equal(kept, EndpointSetRules.WhySshEndpointIsKept(name, executable, null) is not null);
    }

    [Theory]
    [InlineData("microsoft.powershell", @"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll", "7.6", true)]
    [InlineData("Legacy.Ops", @"C:\Windows\system32\pwrshplugin.dll", "5.1", true)]
    [InlineData("Legacy.Ops", @"%windir%\System32\PowerShell\7.6.9\pwrshplugin.dll", "5.1", true)]
    [InlineData("PowerShell.7.4", @"%windir%\System32\PowerShell\7.4.6\pwrshplugin.dll", "7.4", false)]
    [InlineData("PowerShell.7.2.19", @"%windir%\System32\PowerShell\7.2.19\pwrshplugin.dll", null, false)]
    public void Purge_KeepsEveryWSManPluginOfWindowsPowerShell(string name, string filename, string? psVersion, bool kept)
    {
        Assert.Equal(kept, EndpointSetRules.WhyWSManEndpointIsKept(name, filename, psVersion) is not null);
    }

    private EndpointSetProperties Props(bool purge, params string[] versions) =>
        new() { Versions = versions, Transport = Transport.Ssh, SshdConfigPath = _config, Purge = purge };

    private void WriteConfig(string text) => File.WriteAllText(_config, text);

    private static string[] Codes(IEnumerable<Reason> reasons) => [.. reasons.Select(reason => reason.Code)];

    private static string UnixInode(string path) => Tool.RunOrThrow("stat", "-c", "%i", path).Trim();

    private sealed class RecordingSshdControl : ISshdControl
    {
        public List<string> Reloads { get; } = [];

        public SshdReloadResult Reload(string configPath, string? pidFile, TimeSpan timeout)
        {
            Reloads.Add(configPath);
            return new SshdReloadResult(SshdReloadOutcome.NotRunning, "No sshd is running (test).", null);
        }
    }
}
