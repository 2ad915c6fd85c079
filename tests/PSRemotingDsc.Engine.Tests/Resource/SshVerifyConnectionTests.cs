using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>
/// verifyConnection on SSH endpoints through the resource: get and test probe a defined endpoint, set probes what it
/// leaves and reports a failed probe as a reason rather than failing, and nothing is probed that is not defined.
/// The "installations" are fixture ones whose pwsh is a script: a working one runs the pinned pwsh.
/// </summary>
public sealed class SshVerifyConnectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _v769;
    private readonly string _v746;
    private readonly string _config;

    public SshVerifyConnectionTests()
    {
        string root = _dir.Combine("powershell");
        _v769 = FixtureInstallation.Create(root, "7.6.9", "7");
        _v746 = FixtureInstallation.Create(root, "7.4.6", "7.4");
        _config = _dir.Combine("ssh", "sshd_config");
        Directory.CreateDirectory(Path.GetDirectoryName(_config)!);
    }

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Test_OfAWorkingEndpoint_IsInDesiredState()
    {
        string pwsh = Pwsh(_v769, $"exec {RequireRealPwsh()} \"$@\"");
        File.WriteAllText(_config, $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile\n");

        OperationResult test = Resource().Test(Props("7"));

        Assert.True(test.State.InDesiredState, string.Join(" ", test.State.Reasons.Select(reason => reason.Phrase)));
        Assert.Empty(test.State.Reasons);
    }

    [SkippableFact]
    public void Test_OfAnEndpointThatAnswersWithAnotherVersion_IsConnectionFailed()
    {
        // The 7.4 installation's pwsh starts 7.6.9: the line is right, what answers is not.
        string pwsh = Pwsh(_v746, $"exec {RequireRealPwsh()} \"$@\"");
        File.WriteAllText(_config, $"Subsystem powershell-7.4 {pwsh} -sshs -NoLogo -NoProfile\n");

        Reason reason = Assert.Single(Resource().Test(Props("7.4")).State.Reasons);

        Assert.Equal(Code(ReasonId.ConnectionFailed), reason.Code);
        Assert.Equal("verifyConnection", reason.Property);
        Assert.Contains("answered with PowerShell 7.6.9, not 7.4.6", reason.Phrase, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Get_OfAnEndpointThatExits_IsConnectionFailed_WithTheExitCodeAndMessage()
    {
        RequireUnix();
        string pwsh = Pwsh(_v769, "echo 'pwsh: cannot load the session configuration' >&2\nexit 1");
        File.WriteAllText(_config, $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile\n");

        EndpointState state = Resource().Get(Props("7")).State;

        Assert.True(state.Exist);
        Reason reason = Assert.Single(state.Reasons);
        Assert.Equal(Code(ReasonId.ConnectionFailed), reason.Code);
        Assert.StartsWith($"Subsystem 'powershell-7' at {_config}:1 does not start a working PowerShell server: the command exited with code 1", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains("pwsh: cannot load the session configuration", reason.Phrase, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Set_WritesTheLine_AndReportsAFailedProbeAsAReason_InsteadOfFailing()
    {
        RequireUnix();
        string marker = _dir.Combine("started");
        Pwsh(_v769, $"touch {marker}\necho garbage");
        File.WriteAllText(_config, "# empty\n");

        OperationResult set = Resource().Set(Props("7"), whatIf: false);

        Assert.Contains($"Subsystem powershell-7 {Path.Join(_v769, "pwsh")} -sshs -NoLogo -NoProfile", File.ReadAllText(_config), StringComparison.Ordinal);
        Assert.True(File.Exists(marker), "set did not probe the endpoint it wrote.");
        Reason reason = Assert.Single(set.State.Reasons);
        Assert.Equal(Code(ReasonId.ConnectionFailed), reason.Code);
        Assert.Contains("not PowerShell remoting", reason.Phrase, StringComparison.Ordinal);
        Assert.Equal(["_exist"], set.Properties);
    }

    [SkippableFact]
    public void Set_WithNothingToChange_StillProbes()
    {
        RequireUnix();
        string pwsh = Pwsh(_v769, "exit 3");
        File.WriteAllText(_config, $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile\n");

        OperationResult set = Resource().Set(Props("7"), whatIf: false);

        Assert.Empty(set.Properties);
        Assert.Contains("exited with code 3", Assert.Single(set.State.Reasons).Phrase, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SetWhatIf_AndAnEndpointThatIsNotDefined_AreNotProbed()
    {
        RequireUnix();
        string marker = _dir.Combine("started");
        Pwsh(_v769, $"touch {marker}\nexit 1");
        File.WriteAllText(_config, "# empty\n");
        EndpointResource resource = Resource();

        Assert.Equal([Code(ReasonId.Missing)], [.. resource.Test(Props("7")).State.Reasons.Select(reason => reason.Code)]);
        Assert.Empty(resource.Set(Props("7"), whatIf: true).State.Reasons);
        Assert.Empty(resource.Test(Props("7") with { Exist = false }).State.Reasons);
        Assert.False(File.Exists(marker));
    }

    [SkippableFact]
    public void AnEffectiveConfigurationThatReplacesTheLine_IsShadowedByMatch()
    {
        RequireUnix();
        string pwsh = Pwsh(_v769, "exit 1");
        string sshd = _dir.WriteFile("sshd", "#!/bin/sh\necho 'subsystem powershell-7 /usr/bin/false'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(sshd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(_config, $"Subsystem powershell-7 {pwsh} -sshs -NoLogo -NoProfile\n");

        Reason reason = Assert.Single(Resource(() => sshd).Test(Props("7")).State.Reasons);

        Assert.Equal(Code(ReasonId.ShadowedByMatch), reason.Code);
        Assert.Equal("verifyConnection", reason.Property);
        Assert.Contains("runs '/usr/bin/false'", reason.Phrase, StringComparison.Ordinal);
        Assert.EndsWith("a Match block replaces it.", reason.Phrase, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 15)]
    [InlineData("", 15)]
    [InlineData("abc", 15)]
    [InlineData("0", 15)]
    [InlineData("601", 15)]
    [InlineData("2.5", 2.5)]
    [InlineData("600", 600)]
    public void SshVerifyTimeout_ComesFromTheVariable_WithinItsRange(string? value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ResourceEnvironment.SshVerifyTimeoutFrom(value));

    private static string Code(ReasonId id) => Reason.CodePrefix + id;

    private EndpointProperties Props(string version) => new() { Version = version, SshdConfigPath = _config, VerifyConnection = true };

    private EndpointResource Resource(Func<string?>? findSshd = null) => new(new ResourceEnvironment
    {
        Installations = new FixedInstallationSource(_v769, _v746),
        Trace = NullTraceSink.Instance,
        FindSshd = findSshd ?? (() => null),
        SshdControl = new NoSshd(),
        IsWindows = false,
        SshVerifyTimeout = TimeSpan.FromSeconds(60),
        DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
    });

    /// <summary>Replaces the fixture installation's pwsh with a script; returns its path.</summary>
    private static string Pwsh(string psHome, string body)
    {
        string path = Path.Join(psHome, "pwsh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        return path;
    }

    private static string RequireRealPwsh()
    {
        RequireUnix();
        Skip.If(RealPowerShell.Executable is null, RealPowerShell.MissingReason);
        return RealPowerShell.Executable!;
    }

    private static void RequireUnix() =>
        Skip.If(OperatingSystem.IsWindows(), "The SSH probe starts the subsystem through the login shell, as OpenSSH on Linux and macOS does; OpenSSH for Windows is not probed.");

    private sealed class NoSshd : ISshdControl
    {
        public SshdReloadResult Reload(string configPath, string? pidFile, TimeSpan timeout) =>
            new(SshdReloadOutcome.NotRunning, "No sshd is running (test).", null);
    }
}
