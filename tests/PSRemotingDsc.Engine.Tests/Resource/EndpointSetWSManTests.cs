using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Tests.WSMan.Plugin;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>
/// <see cref="EndpointSetResource"/> over WSMan against a Windows machine image (<see cref="WSManEnvironment.ForImage"/>):
/// purge removes PowerShell 6+ plugins not desired and never Windows PowerShell's, by name, by plugin or by PSVersion.
/// </summary>
public sealed class EndpointSetWSManTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly WindowsImage _image;
    private readonly ResourceEnvironment _environment;

    public EndpointSetWSManTests()
    {
        _image = new WindowsImage(_dir.Combine("image"));
        string root = _dir.Combine("powershell");
        _environment = new ResourceEnvironment
        {
            Installations = new FixedInstallationSource(
                FixtureInstallation.CreateWithPlugin(root, "7.4.6"),
                FixtureInstallation.CreateWithPlugin(root, "7.6.9", "7"),
                FixtureInstallation.CreateWithPlugin(root, "7.7.0-preview.1", "7-preview")),
            Trace = NullTraceSink.Instance,
            FindSshd = () => null,
            IsWindows = true,
            DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
            WSMan = WSManEnvironment.ForImage(_image.Root),
        };

        new EndpointResource(_environment).Set(new EndpointProperties { Version = "7.4", Transport = Transport.Wsman, Restart = RestartPolicy.Never }, whatIf: false);
        _image.Register("microsoft.powershell", PluginFixtures.Document(PluginFixtures.WindowsPowerShell));
        _image.Register("Legacy.Ops", PluginFixtures.Document(PluginFixtures.WindowsPowerShell).Replace("Name=\"microsoft.powershell\"", "Name=\"Legacy.Ops\"", StringComparison.Ordinal));
        _image.Register("Old.Five", PluginFixtures.Document(PluginFixtures.Stale72)
            .Replace("Name=\"PowerShell.7\"", "Name=\"Old.Five\"", StringComparison.Ordinal)
            .Replace("Name=\"PSVersion\" Value=\"7.2\"", "Name=\"PSVersion\" Value=\"5.1\"", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Test_NamesTheUndesiredPowerShell7Plugin_NotWindowsPowerShells()
    {
        EndpointSetResult result = new EndpointSetResource(_environment).Test(Props("7", "7-preview"));

        Assert.Equal(["7", "7-preview"], result.State.MissingVersions);
        Assert.Equal(["PowerShell.7.4"], result.State.UndesiredEndpoints);
        Assert.False(result.State.InDesiredState);
    }

    [Fact]
    public void Set_WithPurge_RegistersTheDesired_RemovesOnlyThePowerShell7PluginNotDesired()
    {
        var resource = new EndpointSetResource(_environment);

        EndpointSetResult result = resource.Set(Props("7", "7-preview"), whatIf: false);

        Assert.Equal(["Legacy.Ops", "Old.Five", "PowerShell.7", "PowerShell.7-preview", "microsoft.powershell"],
            Directory.GetDirectories(_image.PluginRegistry).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(result.Changes, change => change.Description.Contains("Legacy.Ops", StringComparison.Ordinal)
            || change.Description.Contains("Old.Five", StringComparison.Ordinal) || change.Description.Contains("microsoft.powershell", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(result.State.Reasons);
        Assert.True(resource.Test(Props("7", "7-preview")).State.InDesiredState);
        Assert.Empty(resource.Set(Props("7", "7-preview"), whatIf: false).Changes);
    }

    [Fact]
    public void SetWhatIf_ChangesNothingInTheImage()
    {
        IReadOnlyList<string> before = _image.Listing();

        EndpointSetResult result = new EndpointSetResource(_environment).Set(Props("7", "7-preview"), whatIf: true);

        Assert.NotEmpty(result.Changes);
        Assert.Equal(before, _image.Listing());
    }

    private static EndpointSetProperties Props(params string[] versions) => new() { Versions = versions, Transport = Transport.Wsman, Purge = true };
}
