using System.Collections;
using System.Management.Automation;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.DscResource;

/// <summary>
/// The class resource <c>PSRemotingEndpoint</c> driven the two ways its hosts drive it, against a real sshd_config:
/// PSDesiredStateConfiguration 2.0.7's <c>Invoke-DscClassBasedResource</c> (<c>using module "$path"</c>, then
/// <c>[$type]::new()</c>, each property assigned from the hashtable, then <c>$dscType.$Method()</c>), which Machine
/// Configuration runs; and DSC v3's PowerShell adapter (PowerShell/DSC v3.2.3
/// adapters/powershell/psDscAdapter/psDscAdapter.psm1 495–496 and 630–645: the type from the imported module,
/// <c>$resource::New()</c>, properties assigned one by one).
/// </summary>
[Collection(MachineEnvironmentTests.Name)]
public sealed class ClassResourceTests : IDisposable
{
    private const string MissingCode = "PSRemotingEndpoint:PSRemotingEndpoint:Missing";
    private readonly ModuleHost _host = new();
    private readonly MachineFixture _machine = new();

    public void Dispose()
    {
        _host.Dispose();
        _machine.Dispose();
    }

    [SkippableFact]
    public void Invoke_DscResource_converges_the_endpoint_and_Get_reports_Reasons_until_it_does()
    {
        var present = new Hashtable { ["Version"] = "7.3", ["Transport"] = "SSH", ["SshdConfigPath"] = _machine.SshdConfigPath, ["Restart"] = "Never" };

        Assert.False(TestMethod(present));
        PSObject before = GetMethod(present);
        var reasons = ((IEnumerable)before.Properties["Reasons"].Value).Cast<object>().Select(PSObject.AsPSObject).ToList();
        PSObject reason = Assert.Single(reasons);
        Assert.Equal(MissingCode, reason.Properties["Code"].Value);
        Assert.False(string.IsNullOrWhiteSpace((string)reason.Properties["Phrase"].Value));
        Assert.Equal("PSRemotingEndpointReason", reason.BaseObject.GetType().Name);
        Assert.Equal("Absent", before.Properties["Ensure"].Value);

        SetMethod(present);

        Assert.Contains($"Subsystem powershell-7.3 {Path.Join(_machine.PSHome, "pwsh")} -sshs -NoLogo -NoProfile", _machine.SshdConfigText, StringComparison.Ordinal);
        Assert.True(TestMethod(present));
        PSObject after = GetMethod(present);
        Assert.Empty((IEnumerable)after.Properties["Reasons"].Value);
        Assert.Equal("Present", after.Properties["Ensure"].Value);
        Assert.Equal("powershell-7.3", after.Properties["Name"].Value);
        Assert.Equal(_machine.PSHome, after.Properties["PSHome"].Value);
        Assert.Equal(MachineFixture.FixtureVersion, after.Properties["ResolvedVersion"].Value);
        Assert.Equal("7.3", after.Properties["Version"].Value);

        var absent = new Hashtable(present) { ["Ensure"] = "Absent" };
        Assert.False(TestMethod(absent));
        SetMethod(absent);
        Assert.DoesNotContain("powershell-7.3", _machine.SshdConfigText, StringComparison.Ordinal);
        Assert.True(TestMethod(absent));
    }

    [SkippableFact]
    public void Only_the_properties_set_are_enforced()
    {
        File.AppendAllText(_machine.SshdConfigPath, $"Subsystem powershell-7.3 {Path.Join(_machine.PSHome, "pwsh")} -sshs -NoLogo -NoProfile -NoExit\n");
        var unset = new Hashtable { ["Version"] = "7.3", ["Transport"] = "SSH", ["SshdConfigPath"] = _machine.SshdConfigPath };
        var declared = new Hashtable(unset) { ["Arguments"] = Array.Empty<string>() };

        Assert.True(TestMethod(unset));
        Assert.False(TestMethod(declared));
        PSObject state = GetMethod(declared);
        var codes = ((IEnumerable)state.Properties["Reasons"].Value).Cast<object>().Select(reason => (string)PSObject.AsPSObject(reason).Properties["Code"].Value);
        Assert.Equal(["PSRemotingEndpoint:PSRemotingEndpoint:ArgumentsDiffer"], codes);
        Assert.Equal(["-NoExit"], (string[])state.Properties["Arguments"].Value);
    }

    [SkippableFact]
    public void The_DSC_v3_adapter_way_of_creating_the_instance_gives_the_same_answer()
    {
        var results = _host.Invoke("""
            $module = Get-Module -Name PSRemotingDsc
            $resource = & $module ([scriptblock]::Create("'PSRemotingEndpoint' -as 'type'"))
            $instance = $resource::New()
            $instance.Version = '7.3'
            $instance.Transport = 'SSH'
            $instance.SshdConfigPath = $args[0]
            $instance.Test()
            $instance.Get().Reasons.Code
            """, _machine.SshdConfigPath);

        Assert.Equal([false, MissingCode], results.Select(result => result.BaseObject));
    }

    [SkippableFact]
    public void A_refused_value_fails_the_method_with_the_engine_message_and_changes_nothing()
    {
        byte[] before = File.ReadAllBytes(_machine.SshdConfigPath);
        var unsafeArguments = new Hashtable { ["Version"] = "7.3", ["Transport"] = "SSH", ["SshdConfigPath"] = _machine.SshdConfigPath, ["Arguments"] = new[] { "$(reboot)" } };

        var exception = Assert.Throws<InvalidOperationException>(() => SetMethod(unsafeArguments));

        Assert.Contains("'$' (U+0024)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_machine.SshdConfigPath));
        var invalid = new Hashtable { ["Version"] = "7.3", ["Transport"] = "Telnet" };
        Assert.Contains("ValidateSet", Assert.Throws<InvalidOperationException>(() => TestMethod(invalid)).Message, StringComparison.Ordinal);
    }

    /// <summary>PSDesiredStateConfiguration 2.0.7's Invoke-DscClassBasedResource, step by step.</summary>
    private IReadOnlyList<PSObject> InvokeDscResource(string method, Hashtable property)
    {
        string path = Path.Join(ModuleHost.ModuleDirectory, "PSRemotingDsc.psm1").Replace("\"", "`\"", StringComparison.Ordinal);
        var result = _host.Invoke($$"""
            param($Method, $Property)
            $dscType = & ([scriptblock]::Create("using module ""{{path}}""`nreturn [PSRemotingEndpoint]::new()"))
            foreach ($key in $Property.Keys) { $dscType.$key = $Property.$key }
            $dscType.$Method()
            """.Replace("param($Method, $Property)", "$Method, $Property = $args", StringComparison.Ordinal), method, property);
        return result;
    }

    private bool TestMethod(Hashtable property) => (bool)Assert.Single(InvokeDscResource("Test", property)).BaseObject;

    private PSObject GetMethod(Hashtable property) => Assert.Single(InvokeDscResource("Get", property));

    private void SetMethod(Hashtable property) => Assert.Empty(InvokeDscResource("Set", property));
}
