using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests;

/// <summary>
/// The built psremotingdsc, driven through the checked-in manifest as dsc drives it, against a Windows machine image
/// under a temp root (<c>PSREMOTINGDSC_WSMAN_IMAGE</c>) and fixture installations that ship a pwrshplugin.dll
/// (<c>PSREMOTINGDSC_PSHOME_ROOTS</c>). Runs on every OS: nothing of this machine's WinRM is touched. Instances pin
/// <c>pshome</c>, so a real PowerShell of the same version on the machine (the Windows CI job installs one) is not picked.
/// </summary>
public sealed class WSManImageFixture : IDisposable
{
    public WSManImageFixture()
    {
        Directory = new TempDirectory();
        Image = new WindowsImage(Directory.Combine("image"));
        string installations = Directory.Combine("installations");
        V7219 = FixtureInstallation.CreateWithPlugin(installations, "7.2.19");
        V746 = FixtureInstallation.CreateWithPlugin(installations, "7.4.6");
        V769 = FixtureInstallation.CreateWithPlugin(installations, "7.6.9");
        Invoker = new DscCommandInvoker(
            RepositoryPaths.ManifestPath,
            CliUnderTest.Directory,
            new Dictionary<string, string>
            {
                ["PSREMOTINGDSC_PSHOME_ROOTS"] = installations,
                ["PSREMOTINGDSC_WSMAN_IMAGE"] = Image.Root,
            });
    }

    public TempDirectory Directory { get; }

    public WindowsImage Image { get; }

    public string V7219 { get; }

    public string V746 { get; }

    public string V769 { get; }

    public DscCommandInvoker Invoker { get; }

    /// <summary>A WSMan instance for version 7.4 pinned to the fixture 7.4.6, with <paramref name="extra"/> properties.</summary>
    public string Endpoint(JsonObject? extra = null)
    {
        var properties = new JsonObject { ["version"] = "7.4", ["transport"] = "wsman", ["pshome"] = V746 };
        foreach ((string name, JsonNode? value) in extra ?? [])
        {
            properties[name] = value?.DeepClone();
        }

        return properties.ToJsonString();
    }

    public void Dispose() => Directory.Dispose();
}
