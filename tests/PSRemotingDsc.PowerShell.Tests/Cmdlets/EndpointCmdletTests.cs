using System.Management.Automation;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.TestSupport;
using PSRemotingDsc.Versions;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.Cmdlets;

/// <summary>Every cmdlet of the module, hosted in process, against a real sshd_config and a fixture installation.</summary>
[Collection(MachineEnvironmentTests.Name)]
public sealed class EndpointCmdletTests : IDisposable
{
    private const string Endpoint = "powershell-7.3";
    private readonly ModuleHost _host = new();
    private MachineFixture? _machine;

    private MachineFixture Machine => _machine ??= new MachineFixture();

    public void Dispose()
    {
        _host.Dispose();
        _machine?.Dispose();
    }

    [SkippableFact]
    public void Get_PSInstallation_lists_the_installations_the_engine_finds_and_filters_by_spec()
    {
        string psHome = Machine.PSHome;

        var all = _host.Invoke("Get-PSInstallation").Select(item => (PowerShellInstallation)item.BaseObject).ToList();
        var selected = _host.Invoke("Get-PSInstallation -Version 7.3").Select(item => (PowerShellInstallation)item.BaseObject).ToList();

        Assert.Contains(all, installation => installation.PSHome == psHome && installation.Origin == "extra-root");
        Assert.Equal([psHome], selected.Select(installation => installation.PSHome));
        Assert.Equal(all.OrderByDescending(installation => installation.Version).Select(installation => installation.PSHome), all.Select(installation => installation.PSHome));
    }

    [SkippableFact]
    public void Get_PSInstallation_refuses_a_malformed_spec_with_the_accepted_forms()
    {
        ModuleRun run = _host.Run("Get-PSInstallation -Version 'seven'");

        ErrorRecord error = Assert.Single(run.Errors);
        Assert.StartsWith("VersionInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'7.4'", error.Exception.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Set_creates_the_endpoint_after_a_WhatIf_that_changed_nothing_and_a_second_Set_touches_no_file()
    {
        string config = Machine.SshdConfigPath;
        var before = Machine.Snapshot();

        Assert.False(Test());
        ModuleRun whatIf = _host.Run("Set-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -WhatIf -Verbose", config);
        Assert.Empty(whatIf.Errors);
        Assert.Contains(whatIf.Verbose, line => line.StartsWith("Plan: ", StringComparison.Ordinal) && line.Contains(Endpoint, StringComparison.Ordinal));
        Assert.Equal(before.Bytes, Machine.Snapshot().Bytes);
        Assert.Equal(before.WrittenAt, Machine.Snapshot().WrittenAt);

        var state = (EndpointState)_host.Invoke("Set-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -Restart Never -PassThru", config).Single().BaseObject;
        Assert.Equal(Endpoint, state.Name);
        Assert.Contains($"Subsystem {Endpoint} {Path.Join(Machine.PSHome, "pwsh")} -sshs -NoLogo -NoProfile", Machine.SshdConfigText, StringComparison.Ordinal);
        Assert.True(Test());

        var written = Machine.Snapshot();
        Thread.Sleep(20);
        ModuleRun again = _host.Run("Set-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -Verbose", config);
        Assert.Empty(again.Errors);
        Assert.Contains(again.Verbose, line => line.Contains("already as asked", StringComparison.Ordinal));
        Assert.Equal(written.Bytes, Machine.Snapshot().Bytes);
        Assert.Equal(written.WrittenAt, Machine.Snapshot().WrittenAt);
    }

    [SkippableFact]
    public void Get_PSRemotingEndpoint_lists_the_endpoint_with_its_state_and_filters_by_name()
    {
        string config = Machine.SshdConfigPath;
        _host.Invoke("Set-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -Restart Never", config);
        File.AppendAllText(config, $"Subsystem powershell-old {Path.Join(Machine.PSHome, "pwsh")} -sshs -NoLogo -NoProfile -Bogus\n");

        var endpoints = _host.Invoke("Get-PSRemotingEndpoint -SshdConfigPath $args[0] -Transport Ssh", config).Select(item => (EndpointState)item.BaseObject).ToList();
        var filtered = _host.Invoke("Get-PSRemotingEndpoint 'POWERSHELL-7.*' -SshdConfigPath $args[0]", config).Select(item => (EndpointState)item.BaseObject).ToList();

        EndpointState current = Assert.Single(endpoints, endpoint => endpoint.Name == Endpoint);
        Assert.True(current.InDesiredState);
        Assert.Equal(Machine.PSHome, current.PSHome);
        Assert.Contains(endpoints, endpoint => endpoint.Name == "powershell-old");
        Assert.Equal([Endpoint], filtered.Select(endpoint => endpoint.Name));
    }

    [SkippableFact]
    public void Test_Detailed_gives_the_reasons_and_Remove_takes_the_endpoint_away_once()
    {
        string config = Machine.SshdConfigPath;
        _host.Invoke("Set-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -Restart Never", config);

        var drifted = (EndpointState)_host.Invoke("Test-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -Arguments '-NoExit' -Detailed", config).Single().BaseObject;
        Assert.False(drifted.InDesiredState);
        Assert.Contains(drifted.Reasons, reason => reason.Property == "arguments" && reason.Code.StartsWith("PSRemotingEndpoint:PSRemotingEndpoint:", StringComparison.Ordinal));

        _host.Invoke("Get-PSRemotingEndpoint -SshdConfigPath $args[0] | Where-Object Name -eq $args[1] | Remove-PSRemotingEndpoint -Restart Never -Confirm:$false", config, Endpoint);
        Assert.DoesNotContain(Endpoint, Machine.SshdConfigText, StringComparison.Ordinal);
        Assert.False(Test());

        var removed = Machine.Snapshot();
        ModuleRun again = _host.Run("Remove-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0] -Verbose", config);
        Assert.Empty(again.Errors);
        Assert.Equal(removed.WrittenAt, Machine.Snapshot().WrittenAt);
    }

    [SkippableTheory]
    [InlineData("-Version 'seven'", "VersionSpecInvalid", ErrorCategory.InvalidArgument)]
    [InlineData("-Version 7.3 -Arguments '-WorkingDirectory', '$(reboot)'", "UnsafeValue", ErrorCategory.InvalidArgument)]
    [InlineData("-Version 7.3.98", "PowerShellVersionNotInstalled", ErrorCategory.ObjectNotFound)]
    [InlineData("-Version 7.3 -AccessMode Remote", "PropertyNotForTransport", ErrorCategory.InvalidArgument)]
    public void A_refused_value_is_an_error_record_with_the_engine_id_and_changes_nothing(string parameters, string errorId, ErrorCategory category)
    {
        string config = Machine.SshdConfigPath;
        var before = Machine.Snapshot();

        ModuleRun run = _host.Run($"Set-PSRemotingEndpoint {parameters} -Transport Ssh -SshdConfigPath $args[0]", config);

        ErrorRecord error = Assert.Single(run.Errors);
        Assert.Equal($"{errorId},PSRemotingDsc.PowerShell.Commands.SetPSRemotingEndpointCommand", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.IsType<EndpointProperties>(error.TargetObject);
        Assert.Equal(before.Bytes, Machine.Snapshot().Bytes);
    }

    [SkippableTheory]
    [InlineData("Set-PSRemotingEndpoint -Version 7.3 -Transport Telnet", "CannotConvertArgumentNoMessage")]
    [InlineData("Set-PSRemotingEndpoint -Version ''", "ParameterArgumentValidationError")]
    [InlineData("Set-PSRemotingEndpoint -Version 7.3 -Quotas @{ MaxShellsPerUser = 'many' }", "QuotaNotANumber")]
    [InlineData("Test-PSRemotingEndpoint -Version 7.3 -Restart Never", "NamedParameterNotFound")]
    public void Parameter_validation_stops_a_call_before_the_engine_runs(string command, string errorId)
    {
        var before = Machine.Snapshot();

        ModuleRun run = _host.Run($"{command} -SshdConfigPath $args[0]", Machine.SshdConfigPath);

        ErrorRecord error = Assert.Single(run.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(before.Bytes, Machine.Snapshot().Bytes);
    }

    [SkippableFact]
    public void Version_completes_with_the_specs_of_the_installed_versions()
    {
        _ = Machine;

        var completions = _host.Invoke("(TabExpansion2 -inputScript 'Set-PSRemotingEndpoint -Version 7.3' -cursorColumn 35).CompletionMatches.CompletionText").Select(text => text.ToString()).ToList();

        Assert.Equal(["7.3", MachineFixture.FixtureVersion], completions);
    }

    private bool Test() => (bool)_host.Invoke("Test-PSRemotingEndpoint -Version 7.3 -Transport Ssh -SshdConfigPath $args[0]", Machine.SshdConfigPath).Single().BaseObject;
}
