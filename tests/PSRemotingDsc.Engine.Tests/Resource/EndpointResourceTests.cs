using System.Text;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Resource;

public sealed class EndpointResourceTests : IDisposable
{
    private const string Prefix = "PSRemotingEndpoint:PSRemotingEndpoint:";
    private const string Foreign = "# Debian 12 style\nPort 22\n  PermitRootLogin no  # keep\nSubsystem sftp /usr/lib/openssh/sftp-server\n\nMatch User backup\n\tForceCommand internal-sftp\n";
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly TempDirectory _dir = new();
    private readonly string _v769;
    private readonly string _v746;
    private readonly string _pwsh769;
    private readonly string _pwsh746;
    private readonly string _config;
    private readonly RecordingSshdControl _sshd = new();
    private readonly EndpointResource _resource;

    public EndpointResourceTests()
    {
        string root = _dir.Combine("powershell");
        _v769 = FixtureInstallation.Create(root, "7.6.9", "7");
        _v746 = FixtureInstallation.Create(root, "7.4.6", "7.4");
        string preview = FixtureInstallation.Create(root, "7.7.0-preview.1", "7-preview");
        // pwsh.exe on Windows: the resource writes the installation's executable as it is on disk.
        _pwsh769 = Path.Join(_v769, PowerShellHomeReader.ExecutableName);
        _pwsh746 = Path.Join(_v746, PowerShellHomeReader.ExecutableName);
        _config = _dir.Combine("ssh", "sshd_config");
        Directory.CreateDirectory(Path.GetDirectoryName(_config)!);
        _resource = new EndpointResource(new ResourceEnvironment
        {
            Installations = new FixedInstallationSource(_v769, _v746, preview),
            Trace = NullTraceSink.Instance,
            FindSshd = () => null,
            SshdControl = _sshd,
            IsWindows = false,
            DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
        });
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Get_ReportsAbsent_WithTheResolvedInstallation_WhenNoLineExists()
    {
        WriteConfig(Foreign);

        EndpointState state = _resource.Get(Props("7")).State;

        Assert.False(state.Exist);
        Assert.Equal("powershell-7", state.Name);
        Assert.Equal("7", state.Version);
        Assert.Equal(Transport.Ssh, state.Transport);
        Assert.Equal("7.6.9", state.ResolvedVersion);
        Assert.Equal(_v769, state.ResolvedPSHome);
        Assert.Equal(_config, state.SshdConfigPath);
        Assert.Null(state.PSHome);
        Assert.Equal([Prefix + "Missing"], Codes(state.Reasons));
    }

    [Fact]
    public void Get_ReportsPresent_WithTheInstallationAndArgumentsTheLineUses()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/ops.pssc\n");

        EndpointState state = _resource.Get(Props("7")).State;

        Assert.True(state.Exist);
        Assert.Equal("7", state.Version);
        Assert.Equal(_v769, state.PSHome);
        Assert.Equal(["-ConfigurationFile", "/etc/ops.pssc"], state.Arguments);
        Assert.Empty(state.Reasons);
        Assert.Null(state.InDesiredState);
    }

    [Fact]
    public void Test_ReportsTheReasonsAndTheirProperties_WhenTheLineIsBoundToAnotherInstallation()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh746} -NoLogo\n");

        OperationResult result = _resource.Test(Props("7"));

        Assert.False(result.State.InDesiredState);
        Assert.Equal([Prefix + "BoundToOtherInstallation", Prefix + "NotServerMode"], Codes(result.State.Reasons));
        Assert.Equal(["version", "arguments"], result.Properties);
    }

    [Fact]
    public void Test_IsInDesiredState_WhenTheLineMatches()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\n");

        OperationResult result = _resource.Test(Props("7"));

        Assert.True(result.State.InDesiredState);
        Assert.Empty(result.State.Reasons);
        Assert.Empty(result.Properties);
    }

    [Fact]
    public void Test_ReportsMissing_WhenNoLineExists()
    {
        WriteConfig(Foreign);

        OperationResult result = _resource.Test(Props("7"));

        Assert.False(result.State.InDesiredState);
        Assert.Equal(["_exist"], result.Properties);
    }

    [Fact]
    public void Set_CreatesTheLineForTheHighestStableVersion_AndReloadsSshd()
    {
        WriteConfig(Foreign);

        OperationResult result = _resource.Set(Props("7"), whatIf: false);

        string expected = Foreign.Replace("sftp-server\n\n", $"sftp-server\nSubsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\n\n", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(_config));
        Assert.True(result.State.Exist);
        Assert.Equal(_v769, result.State.PSHome);
        Assert.Empty(result.State.Reasons);
        Assert.Empty(result.State.RestartRequired);
        Assert.Equal(["_exist"], result.Properties);
        Assert.Equal(_config, Assert.Single(result.Changes).File);
        Assert.Equal([_config], _sshd.Reloads);
    }

    [Fact]
    public void Set_IsNoOp_WhenEndpointAlreadyMatches()
    {
        WriteConfig(Foreign);
        _resource.Set(Props("7"), whatIf: false);
        byte[] before = File.ReadAllBytes(_config);
        File.SetLastWriteTimeUtc(_config, LongAgo);
        _sshd.Reloads.Clear();

        OperationResult second = _resource.Set(Props("7"), whatIf: false);

        Assert.Equal(before, File.ReadAllBytes(_config));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(_config));
        Assert.Empty(second.Changes);
        Assert.Empty(second.Properties);
        Assert.True(second.State.Exist);
        Assert.Empty(_sshd.Reloads);
    }

    [Fact]
    public void Set_RepairsALineBoundToAnotherInstallation_KeepingForeignLinesByteIdentical()
    {
        string original = $"# Debian 12 style\r\nPort 22\r\nSubsystem powershell-7 {_pwsh746} -sshs -NoLogo -NoProfile\r\n  PermitRootLogin no  # keep\r\nMatch User backup\r\n\tForceCommand internal-sftp\r\n";
        WriteConfig(original);

        OperationResult result = _resource.Set(Props("7"), whatIf: false);

        Assert.Equal(original.Replace(_pwsh746, _pwsh769, StringComparison.Ordinal), File.ReadAllText(_config));
        Assert.Equal(["version"], result.Properties);
        Assert.Equal(_v769, result.State.PSHome);
        Assert.Empty(result.State.Reasons);
    }

    [Fact]
    public void Set_WithRestartNever_ReportsTheRequiredRestart_AndDoesNotReload()
    {
        WriteConfig(Foreign);

        OperationResult result = _resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal(["sshd"], result.State.RestartRequired);
        Assert.Empty(_sshd.Reloads);
        Assert.Contains("powershell-7", File.ReadAllText(_config), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_WithRestartIfNeeded_DoesNotReload_WhenNothingChanged()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\n");

        OperationResult result = _resource.Set(Props("7") with { Restart = RestartPolicy.IfNeeded }, whatIf: false);

        Assert.Empty(_sshd.Reloads);
        Assert.Empty(result.State.RestartRequired);
    }

    [Fact]
    public void Set_WithRestartAlways_Reloads_EvenWhenNothingChanged()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\n");
        File.SetLastWriteTimeUtc(_config, LongAgo);

        OperationResult result = _resource.Set(Props("7") with { Restart = RestartPolicy.Always }, whatIf: false);

        Assert.Equal([_config], _sshd.Reloads);
        Assert.Empty(result.Changes);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(_config));
    }

    [Fact]
    public void Set_WithRestartAlways_ReloadsOnce_WhenTheLineChanged()
    {
        WriteConfig(Foreign);

        _resource.Set(Props("7") with { Restart = RestartPolicy.Always }, whatIf: false);

        Assert.Equal([_config], _sshd.Reloads);
    }

    [Fact]
    public void Set_WithWhatIf_WritesNothing_ButReturnsThePredictedStateAndThePlannedChanges()
    {
        WriteConfig($"Port 22\nSubsystem powershell-7 {_pwsh746} -sshs -NoLogo -NoProfile\n");
        byte[] before = File.ReadAllBytes(_config);
        File.SetLastWriteTimeUtc(_config, LongAgo);
        var entries = Directory.GetFileSystemEntries(Path.GetDirectoryName(_config)!);

        OperationResult result = _resource.Set(Props("7"), whatIf: true);

        Assert.Equal(before, File.ReadAllBytes(_config));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(_config));
        Assert.Equal(entries, Directory.GetFileSystemEntries(Path.GetDirectoryName(_config)!));
        Assert.Empty(_sshd.Reloads);
        Assert.Equal(_v769, result.State.PSHome);
        Assert.Empty(result.State.Reasons);
        PlannedChange change = Assert.Single(result.Changes);
        Assert.Equal(new PlannedChange(_config, $"rewrite 'Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile'"), change);
    }

    [Fact]
    public void Delete_RemovesTheLine_AndKeepsForeignLines()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\n" + Foreign);

        OperationResult result = _resource.Delete(Props("7"), whatIf: false);

        Assert.Equal(Foreign, File.ReadAllText(_config));
        Assert.False(result.State.Exist);
        Assert.Equal(["_exist"], result.Properties);
        Assert.Equal(new PlannedChange(_config, "remove Subsystem 'powershell-7'"), Assert.Single(result.Changes));
        Assert.Equal([_config], _sshd.Reloads);
    }

    [Fact]
    public void Delete_OfAnUninstalledVersion_FindsTheLineByName()
    {
        string gone = _dir.Combine("uninstalled", "7.2", "pwsh");
        WriteConfig($"Subsystem powershell-7.2 {gone} -sshs -NoLogo -NoProfile\n" + Foreign);

        OperationResult result = _resource.Delete(Props("7.2"), whatIf: false);

        Assert.Equal(Foreign, File.ReadAllText(_config));
        Assert.False(result.State.Exist);
        Assert.Null(result.State.ResolvedVersion);
    }

    [Fact]
    public void Set_OfAnUninstalledVersion_FailsWithVersionNotFound_AndChangesNothing()
    {
        WriteConfig(Foreign);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Set(Props("7.2"), whatIf: false));

        Assert.Equal(ExitCode.VersionNotFound, error.ExitCode);
        Assert.Equal(Foreign, File.ReadAllText(_config));
    }

    [Fact]
    public void Export_ListsOnlyPowerShellEndpoints()
    {
        WriteConfig($"Subsystem sftp /usr/lib/openssh/sftp-server\nSubsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nSubsystem ps74 {_pwsh746} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/ops.pssc\nMatch User x\n\tSubsystem matchonly {_pwsh769} -sshs\n");

        var states = _resource.Export(new EndpointProperties { SshdConfigPath = _config });

        Assert.Equal(["powershell-7", "ps74"], states.Select(state => state.Name));
        Assert.Equal(["powershell-7", "ps74"], states.Select(state => state.ExportName));
        Assert.Equal(["7.6.9", "7.4.6"], states.Select(state => state.Version));
        Assert.Equal([_v769, _v746], states.Select(state => state.PSHome));
        Assert.Equal(["-ConfigurationFile", "/etc/ops.pssc"], states[1].Arguments);
        Assert.All(states, state => Assert.Empty(state.Reasons));
    }

    [Theory]
    [InlineData("ps74", null, "ps74")]
    [InlineData(null, "7.6", "powershell-7")]
    [InlineData(null, "7.4.6", "ps74")]
    public void Export_FiltersByNameAndVersion(string? name, string? version, string expected)
    {
        WriteConfig($"Subsystem sftp /usr/lib/openssh/sftp-server\nSubsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nSubsystem ps74 {_pwsh746} -sshs\n");

        var states = _resource.Export(new EndpointProperties { SshdConfigPath = _config, Name = name, Version = version });

        Assert.Equal(expected, Assert.Single(states).Name);
    }

    [Fact]
    public void Export_ReadsEachLineABoundedNumberOfTimes_HoweverManyEndpoints()
    {
        const int Endpoints = 1000;
        var text = new StringBuilder("Subsystem sftp /usr/lib/openssh/sftp-server\n");
        for (int i = 0; i < Endpoints; i++)
        {
            text.Append("Subsystem powershell-").Append(i).Append(' ').Append(_pwsh769).Append(" -sshs -NoLogo -NoProfile\n");
        }

        WriteConfig(text.ToString());
        int lines = Endpoints + 1;
        long before = SshdConfigDocument.LinesEnumeratedOnThisThread;

        var states = _resource.Export(new EndpointProperties { SshdConfigPath = _config });

        long read = SshdConfigDocument.LinesEnumeratedOnThisThread - before;
        Assert.Equal(Endpoints, states.Count);
        Assert.Equal("powershell-999", states[^1].Name);
        Assert.True(read <= 6L * lines, $"exporting {Endpoints} endpoints read {read} lines of a {lines}-line file; export must not walk the configuration once per endpoint.");
    }

    [Fact]
    public void Export_SkipsANameDefinedOnlyInAFileIncludedFromAMatchBlock()
    {
        File.WriteAllText(_dir.Combine("ssh", "admin.conf"), $"Subsystem ps-admin {_pwsh769} -sshs\n");
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nMatch User admin\n\tInclude admin.conf\n");

        var states = _resource.Export(new EndpointProperties { SshdConfigPath = _config });

        Assert.Equal(["powershell-7"], states.Select(state => state.Name));
    }

    [Fact]
    public void Export_FailsWithUnsupportedPlatform_ForWsmanOnLinux()
    {
        WriteConfig(Foreign);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Export(new EndpointProperties { SshdConfigPath = _config, Transport = Transport.Wsman }));

        Assert.Equal(ExitCode.UnsupportedPlatform, error.ExitCode);
    }

    [Fact]
    public void Operations_FailWithUnsupportedPlatform_ForWsmanOnLinux_BeforeTouchingAnything()
    {
        WriteConfig(Foreign);
        EndpointProperties wsman = Props("7") with { Transport = Transport.Wsman };

        foreach (Action operation in new Action[] { () => _resource.Get(wsman), () => _resource.Test(wsman), () => _resource.Set(wsman, false), () => _resource.Delete(wsman, false) })
        {
            var error = Assert.Throws<PSRemotingDscException>(operation);
            Assert.Equal(("WSManTransportUnsupported", ExitCode.UnsupportedPlatform), (error.ErrorId, error.ExitCode));
            Assert.Contains("\"transport\": \"ssh\"", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(Foreign, File.ReadAllText(_config));
    }

    [Theory]
    [InlineData("{\"version\":\"7\",\"name\":\"a\\\\b\"}")]
    [InlineData("{\"version\":\"7\",\"name\":\"a=b\"}")]
    public void Set_RejectsANameThatIsSubsystemSyntax_WithUnsafeValue_BeforeTouchingAnything(string json)
    {
        WriteConfig(Foreign);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Set(EndpointPropertiesReader.Read(json) with { SshdConfigPath = _config }, whatIf: false));

        Assert.Equal(("UnsafeValue", ExitCode.UnsafeValue), (error.ErrorId, error.ExitCode));
        Assert.Equal(Foreign, File.ReadAllText(_config));
    }

    [Fact]
    public void Get_FailsWithVersionRequired_WhenVersionIsMissing()
    {
        WriteConfig(Foreign);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Get(new EndpointProperties { SshdConfigPath = _config }));

        Assert.Equal(("VersionRequired", ExitCode.InvalidProperty), (error.ErrorId, error.ExitCode));
    }

    [Fact]
    public void Get_FailsWithConfigPathInvalid_WhenTheConfigFileDoesNotExist()
    {
        var given = Assert.Throws<PSRemotingDscException>(() => _resource.Get(new EndpointProperties { Version = "7", SshdConfigPath = _dir.Combine("missing") }));
        var defaulted = Assert.Throws<PSRemotingDscException>(() => _resource.Get(new EndpointProperties { Version = "7" }));

        Assert.Equal(("SshdConfigNotFound", ExitCode.ConfigPathInvalid), (given.ErrorId, given.ExitCode));
        Assert.Contains("'sshdConfigPath'", given.Message, StringComparison.Ordinal);
        Assert.Equal(("SshdConfigNotFound", ExitCode.ConfigPathInvalid), (defaulted.ErrorId, defaulted.ExitCode));
        Assert.Contains(_dir.Combine("no-such", "sshd_config"), defaulted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_WithAPSHomePin_UsesThatInstallation_AndIsThenInDesiredState()
    {
        WriteConfig(Foreign);
        EndpointProperties pinned = Props("7") with { PSHome = _v746 };

        OperationResult set = _resource.Set(pinned, whatIf: false);
        OperationResult test = _resource.Test(pinned);

        Assert.Contains($"Subsystem powershell-7 {_pwsh746} -sshs -NoLogo -NoProfile\n", File.ReadAllText(_config), StringComparison.Ordinal);
        Assert.Equal(_v746, set.State.PSHome);
        Assert.Equal("7.4.6", set.State.ResolvedVersion);
        Assert.True(test.State.InDesiredState);
    }

    [Fact]
    public void GetThenTest_IsInDesiredState_WhenTheEndpointIsPresent()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile -ConfigurationFile /etc/ops.pssc\n");

        EndpointState state = _resource.Get(Props("7")).State;

        Assert.True(_resource.Test(EndpointStates.AsDesired(state)).State.InDesiredState);
    }

    [Fact]
    public void GetThenTest_IsInDesiredState_WhenTheEndpointIsAbsent()
    {
        WriteConfig(Foreign);

        EndpointState state = _resource.Get(Props("7")).State;

        Assert.False(state.Exist);
        Assert.True(_resource.Test(EndpointStates.AsDesired(state)).State.InDesiredState);
    }

    [Fact]
    public void GetThenTest_IsInDesiredState_WhenTheEndpointIsBoundToAnotherInstallation()
    {
        WriteConfig($"Subsystem powershell-7.6 {_pwsh746} -sshs -NoLogo -NoProfile\n");

        EndpointState state = _resource.Get(Props("7.6")).State;

        Assert.Equal("7.4.6", state.Version);
        Assert.Equal(_v746, state.PSHome);
        Assert.Equal([Prefix + "BoundToOtherInstallation"], Codes(state.Reasons));
        Assert.True(_resource.Test(EndpointStates.AsDesired(state)).State.InDesiredState);
    }

    /// <summary>What-if is the plan: the real set makes exactly the changes what-if announced, and ends in the predicted state.</summary>
    [Fact]
    public void SetWhatIf_AnnouncesTheChangesTheRealSetMakes_AndPredictsItsState()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh746} -sshs -NoLogo -NoProfile\nSubsystem powershell-7 {_pwsh769} -sshs\n" + Foreign);
        string before = File.ReadAllText(_config);

        OperationResult predicted = _resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: true);

        Assert.Equal(before, File.ReadAllText(_config));
        OperationResult real = _resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        Assert.NotEmpty(real.Changes);
        Assert.Equal(real.Changes, predicted.Changes);
        Assert.Equal(Shape(real.State), Shape(predicted.State));
        Assert.True(_resource.Test(Props("7")).State.InDesiredState);
    }

    /// <summary>Defaults are applied once, when the desired endpoint is built: name, restart, and sshd_config.</summary>
    [Fact]
    public void Defaults_AreTheSameForEveryOperation()
    {
        WriteConfig(Foreign);

        OperationResult set = _resource.Set(new EndpointProperties { Version = "7-preview", SshdConfigPath = _config }, whatIf: false);

        Assert.Equal("powershell-7-preview", set.State.Name);
        Assert.Single(_sshd.Reloads);
        Assert.Equal("powershell-7-preview", _resource.Get(new EndpointProperties { Version = "7-preview", SshdConfigPath = _config }).State.Name);
        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Get(new EndpointProperties { Version = "7" }));
        Assert.Equal(ErrorIds.SshdConfigNotFound.Id, error.ErrorId);
        Assert.Contains("default sshd_config", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The engine checks values itself, so a shell that builds properties without the JSON reader gets the same refusals.</summary>
    [Theory]
    [InlineData("name", "a b", "UnsafeValue")]
    [InlineData("pshome", "relative/pwsh", "PSHomeNotAbsolute")]
    [InlineData("arguments", "$(id)", "UnsafeValue")]
    [InlineData("version", "7.x", "VersionSpecInvalid")]
    public void Values_AreCheckedByTheEngine_BeforeAnythingIsRead(string property, string value, string errorId)
    {
        WriteConfig(Foreign);
        PropertyDeclaration declaration = EndpointContract.Find(property)!;
        EndpointProperties properties = declaration.WithValue(Props("7"), declaration.Kind == PropertyKind.StringList ? new[] { value } : value);

        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Set(properties, whatIf: false));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(Foreign, File.ReadAllText(_config));
        Assert.False(File.Exists(_dir.Combine("ssh", ".sshd_config.psremotingdsc.lock")));
    }

    [Fact]
    public void PropertyOfTheOtherTransport_IsNamed()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Test(Props("7") with { Force = true }));

        Assert.Equal(ErrorIds.PropertyNotForTransport.Id, error.ErrorId);
        Assert.Contains("'force'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The inventory: the default endpoint of every installed major version, then every other PowerShell endpoint.</summary>
    [Fact]
    public void Inventory_TestsTheDefaultEndpointPerMajorVersion_ThenListsTheOthers()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh769} -sshs -NoLogo -NoProfile\nSubsystem ops {_pwsh746} -sshs -NoLogo -NoProfile\n" + Foreign);

        MachineInventory inventory = _resource.Inventory(_config);

        Assert.Equal(3, inventory.Installations.Count);
        InventorySection ssh = Assert.Single(inventory.Sections);
        Assert.Null(ssh.Problem);
        Assert.Equal(_config, ssh.Location);
        Assert.Equal(["powershell-7", "powershell-7-preview"], ssh.Endpoints.Take(2).Select(state => state.Name).Order());
        Assert.Equal(
            ["ops=True", "powershell-7-preview=False", "powershell-7=True"],
            ssh.Endpoints.Select(state => $"{state.Name}={state.InDesiredState == true}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Inventory_ReportsAnUnreadableConfiguration_AsTheSectionsProblem()
    {
        MachineInventory inventory = _resource.Inventory(_dir.Combine("missing", "sshd_config"));

        InventorySection ssh = Assert.Single(inventory.Sections);
        Assert.StartsWith("SshdConfigNotFound: ", ssh.Problem, StringComparison.Ordinal);
        Assert.Empty(ssh.Endpoints);
    }

    /// <summary>
    /// dsc stops config test/set at the first instance that fails (dsc 3.2.3 lib/dsc-lib/src/configure/mod.rs ~658–664,
    /// 825–831), so an uninstalled version is reported as state by get and test; only set fails.
    /// </summary>
    [Fact]
    public void GetAndTest_OfAVersionThatIsNotInstalled_ReportItAsState_SetFails()
    {
        WriteConfig(Foreign);

        EndpointState got = _resource.Get(Props("7.2")).State;
        OperationResult tested = _resource.Test(Props("7.2"));
        var error = Assert.Throws<PSRemotingDscException>(() => _resource.Set(Props("7.2"), whatIf: false));

        Assert.Equal([Prefix + "VersionNotInstalled"], Codes(got.Reasons));
        Assert.Null(got.ResolvedVersion);
        Assert.False(got.Exist);
        Assert.False(tested.State.InDesiredState);
        Assert.Equal(["version"], tested.Properties);
        Assert.Equal(ExitCode.VersionNotFound, error.ExitCode);
        Assert.Equal(Foreign, File.ReadAllText(_config));
    }

    /// <summary>A reload that times out after the file was written: the set happened, so it succeeds and says a restart is still needed.</summary>
    [Fact]
    public void Set_WhoseReloadTimesOut_Succeeds_WithTheRestartStillRequired()
    {
        WriteConfig(Foreign);
        _sshd.TimesOut = true;

        OperationResult set = _resource.Set(Props("7"), whatIf: false);

        Assert.Equal(["sshd"], set.State.RestartRequired);
        Assert.Contains("did not finish restarting in time", set.State.ReloadOutcome, StringComparison.Ordinal);
        Assert.True(_resource.Test(Props("7")).State.InDesiredState);
    }

    [Fact]
    public void SetWhatIf_ReportsNoRestartRequired_EvenWithRestartNever()
    {
        WriteConfig(Foreign);

        OperationResult predicted = _resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: true);

        Assert.Empty(predicted.State.RestartRequired);
        Assert.Equal(["sshd"], _resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false).State.RestartRequired);
    }

    /// <summary>The diff names what the user set: a pshome resolved from version, or a defaulted name, is reported as version.</summary>
    [Fact]
    public void TestDiff_NamesVersion_ForAPSHomeOrNameTheUserDidNotSet()
    {
        WriteConfig($"Subsystem powershell-7 {_pwsh746} -sshs -NoLogo -NoProfile\n" + Foreign);

        OperationResult tested = _resource.Test(Props("7"));
        OperationResult pinned = _resource.Test(Props("7") with { PSHome = _v769 });

        Assert.Equal(["version"], tested.Properties);
        Assert.Equal(["pshome"], pinned.Properties);
    }

    private EndpointProperties Props(string version) => new() { Version = version, SshdConfigPath = _config };

    private void WriteConfig(string text) => File.WriteAllText(_config, text);

    private static string Shape(EndpointState state) =>
        $"{state.Version} {state.Name} {state.PSHome} {state.Exist} [{string.Join(" ", state.Arguments ?? [])}] {state.ResolvedVersion} {state.SshdConfigPath} {Codes(state.Reasons).Length}";

    private static string[] Codes(IEnumerable<Reason> reasons) => [.. reasons.Select(reason => reason.Code)];

    /// <summary>Records reloads instead of signalling a real sshd; <see cref="SshdServiceControl"/> is tested against a real one.</summary>
    private sealed class RecordingSshdControl : ISshdControl
    {
        public List<string> Reloads { get; } = [];

        public bool TimesOut { get; set; }

        public SshdReloadResult Reload(string configPath, string? pidFile, TimeSpan timeout)
        {
            Reloads.Add(configPath);
            if (TimesOut)
            {
                throw new PSRemotingDscException(ErrorIds.SshdReloadTimedOut, "sshd did not reload within 0 s (test).");
            }

            return new SshdReloadResult(SshdReloadOutcome.NotRunning, "No sshd is running (test).", null);
        }
    }
}
