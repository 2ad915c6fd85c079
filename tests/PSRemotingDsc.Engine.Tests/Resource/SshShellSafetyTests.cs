using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>
/// The words the resource writes into a Subsystem line, and those it finds there, against what a login shell would
/// make of them (docs/security.md). Windows rules are exercised here through <see cref="ResourceEnvironment.IsWindows"/>.
/// </summary>
public sealed class SshShellSafetyTests : IDisposable
{
    private const string Foreign = "# operator's lines\nSubsystem sftp /usr/lib/openssh/sftp-server\n";

    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public SshShellSafetyTests()
    {
        _config = _dir.WriteFile("sshd_config", Foreign);
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false, "pw$sh", "UnsafeValue")]
    [InlineData(false, "pw;sh", "UnsafeValue")]
    [InlineData(true, "pw&sh", "ExecutablePathUnsafe")]
    [InlineData(true, "pw%sh%", "ExecutablePathUnsafe")]
    public void Set_RefusesAPowerShellPathTheShellWouldInterpret_BeforeTakingTheLock(bool windows, string directoryName, string errorId)
    {
        string psHome = FixtureInstallation.Create(_dir.Combine("installs"), "7.6.9", directoryName);
        EndpointResource resource = Resource(psHome, windows);

        var error = Assert.Throws<PSRemotingDscException>(() => resource.Set(Props(), whatIf: false));

        Assert.Equal((errorId, ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Equal(Foreign, File.ReadAllText(_config));
        Assert.Equal(["sshd_config"], Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Where(name => name != "installs"));
    }

    [SkippableFact]
    public void AnExistingLineWithShellSyntax_IsDrift_NotCarriedOver_AndRepairedOnlyWithDeclaredArguments()
    {
        Skip.If(OperatingSystem.IsWindows(), "Writes a Unix path into the line; the Windows rules have their own test below.");
        string psHome = FixtureInstallation.Create(_dir.Combine("installs"), "7.6.9", "7");
        string pwsh = Path.Join(psHome, PowerShellHomeReader.ExecutableName);
        string injected = Foreign + $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile $(id) -x\n";
        File.WriteAllText(_config, injected);
        EndpointResource resource = Resource(psHome, windows: false);

        OperationResult test = resource.Test(Props());
        Reason reason = Assert.Single(test.State.Reasons);
        Assert.True(reason.Is(ReasonId.ShellSyntaxInArguments));
        Assert.Contains("'$(id)'", reason.Phrase, StringComparison.Ordinal);
        Assert.Equal(["arguments"], test.Properties);

        var refused = Assert.Throws<PSRemotingDscException>(() => resource.Set(Props(), whatIf: false));
        Assert.Equal(("KeptArgumentsUnsafe", ExitCode.UnsafeValue), (refused.ErrorId, refused.ExitCode));
        Assert.Equal(injected, File.ReadAllText(_config));

        resource.Set(Props() with { Arguments = ["-x"] }, whatIf: false);
        Assert.Equal(Foreign + $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile -x\n", File.ReadAllText(_config));
        Assert.Empty(resource.Test(Props()).State.Reasons);
    }

    [Fact]
    public void OnWindows_ABackslashPathArgument_IsNotShellSyntax_ButCmdSyntaxIs()
    {
        string psHome = FixtureInstallation.Create(_dir.Combine("installs"), "7.6.9", "7");
        string pwsh = Path.Join(psHome, PowerShellHomeReader.ExecutableName);
        EndpointResource resource = Resource(psHome, windows: true);

        File.WriteAllText(_config, Foreign + $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile -ConfigurationFile C:\\ops\\jea.pssc\n");
        Assert.Empty(resource.Test(Props()).State.Reasons);

        File.WriteAllText(_config, Foreign + $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile -ConfigurationFile C:\\ops\\a&b.pssc\n");
        Assert.Contains(resource.Test(Props()).State.Reasons, reason => reason.Is(ReasonId.ShellSyntaxInArguments));
    }

    private EndpointProperties Props() => new() { Version = "7", Transport = Transport.Ssh, SshdConfigPath = _config, Restart = RestartPolicy.Never };

    private static EndpointResource Resource(string psHome, bool windows) => new(new ResourceEnvironment
    {
        Installations = new FixedInstallationSource(psHome),
        Trace = NullTraceSink.Instance,
        FindSshd = () => null,
        IsWindows = windows,
    });
}
