using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

/// <summary>Against the real PowerShell 7.6.9 dotnet tool (dotnet-tools.json at the repo root; run 'dotnet tool restore').</summary>
public class RealDotnetToolTests
{
    private const string ToolVersion = "7.6.9";

    [SkippableFact]
    public void TryRead_ReadsTheRealEngineAssembly_OfTheDotnetToolPwsh()
    {
        string psHome = RequireToolPSHome();

        var installation = PowerShellHomeReader.TryRead(psHome, "test");

        Assert.NotNull(installation);
        Assert.Equal(PowerShellVersion.Parse(ToolVersion), installation.Version);
        Assert.False(installation.Version.IsPreRelease);
    }

    [SkippableFact]
    public void Discovery_FindsTheDotnetToolPwsh_FromTheEnvironment()
    {
        string psHome = PathIdentity.Resolve(RequireToolPSHome());

        var installations = new InstallationDiscovery().FindInstallations();

        var tool = Assert.Single(installations, installation => installation.PSHome == psHome);
        Assert.Equal(ToolVersion, tool.Version.ToString());
        Assert.Equal("dotnet-tool (local)", tool.Origin);
        Assert.Equal(Path.Join(psHome, PowerShellHomeReader.ExecutableName), tool.Executable);
        Assert.Equal(tool, new InstallationResolver(new InstallationDiscovery()).Resolve(VersionSpec.Parse("7.6.9"), null));
    }

    private static string RequireToolPSHome()
    {
        var options = InstallationDiscoveryOptions.FromEnvironment();
        Skip.If(options.NuGetPackagesDirectory is null, "No NuGet packages folder (neither NUGET_PACKAGES nor a home directory is set).");
        string toolsDirectory = Path.Join(options.NuGetPackagesDirectory, "powershell", ToolVersion, "tools");
        string? framework = Directory.Exists(toolsDirectory) ? Directory.GetDirectories(toolsDirectory, "net*").FirstOrDefault() : null;
        Skip.If(framework is null, $"The PowerShell {ToolVersion} dotnet tool is not in {toolsDirectory}; run 'dotnet tool restore' in the repository.");
        return Path.Join(framework, "any", OperatingSystem.IsWindows() ? "win" : "unix");
    }
}
