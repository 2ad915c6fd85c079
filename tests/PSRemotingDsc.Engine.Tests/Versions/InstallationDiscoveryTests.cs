using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public sealed class InstallationDiscoveryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FindInstallations_FindsChildrenOfAnExtraRoot_SortedByVersionDescending()
    {
        string root = temp.Combine("powershell");
        FixtureInstallation.Create(root, "7.4.6", "7.4");
        FixtureInstallation.Create(root, "7.6.0-preview.5", "7-preview");
        FixtureInstallation.Create(root, "7.6.9", "7");
        Directory.CreateDirectory(Path.Join(root, "not-powershell"));

        var installations = Discover(new InstallationDiscoveryOptions { IncludeWellKnown = false, ExtraRoots = [root] });

        Assert.Equal(["7.6.9", "7.6.0-preview.5", "7.4.6"], installations.Select(i => i.Version.ToString()));
        Assert.Equal([Path.Join(root, "7"), Path.Join(root, "7-preview"), Path.Join(root, "7.4")], installations.Select(i => i.PSHome));
        Assert.All(installations, i => Assert.Equal("extra-root", i.Origin));
    }

    [Fact]
    public void FindInstallations_AcceptsAnExtraRootThatIsItselfAPSHome()
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.5.0-rc.1");

        var installation = Assert.Single(Discover(new InstallationDiscoveryOptions { IncludeWellKnown = false, ExtraRoots = [psHome] }));

        Assert.Equal(psHome, installation.PSHome);
        Assert.Equal("7.5.0-rc.1", installation.Version.ToString());
    }

    [Fact]
    public void FindInstallations_ReadsExtraRoots_FromTheEnvironmentVariable()
    {
        string first = FixtureInstallation.Create(temp.Combine("a"), "7.4.6");
        string second = FixtureInstallation.Create(temp.Combine("b"), "7.6.9");
        string value = string.Join(Path.PathSeparator, first, string.Empty, second);
        var environment = new Dictionary<string, string?> { [InstallationDiscovery.ExtraRootsVariable] = value };

        var options = InstallationDiscoveryOptions.FromEnvironment(name => environment.GetValueOrDefault(name));
        var installations = Discover(new InstallationDiscoveryOptions { IncludeWellKnown = false, ExtraRoots = options.ExtraRoots });

        Assert.Equal([first, second], options.ExtraRoots);
        Assert.Equal([second, first], installations.Select(i => i.PSHome));
    }

    [SkippableFact]
    public void FindInstallations_DeduplicatesByResolvedPSHome_KeepingTheFirstOrigin()
    {
        TestPaths.RequireSymbolicLinks();
        string root = temp.Combine("opt");
        string psHome = FixtureInstallation.Create(root, "7.6.9", "7");
        string linkRoot = temp.Combine("linked");
        Directory.CreateSymbolicLink(linkRoot, root);

        var installations = Discover(new InstallationDiscoveryOptions
        {
            WellKnownRoots = [new DiscoveryRoot(root, "opt")],
            Registry = new FakeRegistry(),
            ExtraRoots = [linkRoot, psHome],
        });

        var installation = Assert.Single(installations);
        Assert.Equal(psHome, installation.PSHome);
        Assert.Equal("opt", installation.Origin);
    }

    [SkippableFact]
    public void FindInstallations_FollowsSymlinkedPwshOnPath_ToItsInstallation()
    {
        Skip.If(OperatingSystem.IsWindows(), "Symlinked 'pwsh'/'pwsh-preview' launchers on PATH are the Linux/macOS packages' layout; on Windows PATH holds pwsh.exe itself.");
        string stable = FixtureInstallation.Create(temp.Combine("opt"), "7.6.9", "7");
        string preview = FixtureInstallation.Create(temp.Combine("opt"), "7.6.0-preview.5", "7-preview");
        string bin = Directory.CreateDirectory(temp.Combine("bin")).FullName;
        string otherBin = Directory.CreateDirectory(temp.Combine("other-bin")).FullName;
        File.CreateSymbolicLink(Path.Join(bin, "pwsh"), Path.Join(stable, PowerShellHomeReader.ExecutableName));
        // A relative link through another link, like /usr/bin/pwsh-preview -> ../../opt/.../pwsh
        File.CreateSymbolicLink(Path.Join(otherBin, "pwsh-real"), Path.Join("..", "opt", "7-preview", PowerShellHomeReader.ExecutableName));
        File.CreateSymbolicLink(Path.Join(bin, "pwsh-preview"), Path.Join(otherBin, "pwsh-real"));
        FixtureInstallation.WriteExecutable(Path.Join(bin, "pwsh-wrapper"));

        var installations = Discover(new InstallationDiscoveryOptions
        {
            IncludeWellKnown = false,
            PathVariable = string.Join(Path.PathSeparator, temp.Combine("missing"), "relative/bin", bin),
        });

        Assert.Equal([stable, preview], installations.Select(i => i.PSHome));
        Assert.All(installations, i => Assert.Equal("PATH", i.Origin));
    }

    [Fact]
    public void FindInstallations_FindsAGlobalDotnetTool_InTheToolStore()
    {
        string home = temp.Combine("home");
        string rid = OperatingSystem.IsWindows() ? "win" : "unix";
        string psHome = FixtureInstallation.CreateWithInformationalVersion(
            Path.Join(home, ".dotnet", "tools", ".store", "powershell", "7.4.6", "powershell", "7.4.6", "tools", "net8.0", "any", rid),
            "7.4.6 SHA: abc");
        // The shim next to the store is not an installation.
        FixtureInstallation.WriteExecutable(Path.Join(home, ".dotnet", "tools", "pwsh"));

        var installation = Assert.Single(Discover(new InstallationDiscoveryOptions { IncludeWellKnown = false, HomeDirectory = home }));

        Assert.Equal(psHome, installation.PSHome);
        Assert.Equal("dotnet-tool (global)", installation.Origin);
        Assert.Equal("7.4.6", installation.Version.ToString());
    }

    [Fact]
    public void FindInstallations_FindsLocalDotnetTools_InTheNuGetPackagesFolder()
    {
        string packages = temp.Combine("packages");
        string rid = OperatingSystem.IsWindows() ? "win" : "unix";
        string otherRid = OperatingSystem.IsWindows() ? "unix" : "win";
        string newer = FixtureInstallation.CreateWithInformationalVersion(Path.Join(packages, "powershell", "7.6.9", "tools", "net10.0", "any", rid), "7.6.9 SHA: abc");
        string older = FixtureInstallation.CreateWithInformationalVersion(Path.Join(packages, "powershell", "7.4.6", "tools", "net8.0", "any", rid), "7.4.6 SHA: abc");
        FixtureInstallation.CreateWithInformationalVersion(Path.Join(packages, "powershell", "7.4.6", "tools", "net8.0", "any", otherRid), "7.4.6 SHA: abc");
        FixtureInstallation.CreateWithInformationalVersion(Path.Join(packages, "not-powershell", "7.4.6", "tools", "net8.0", "any", rid), "7.4.6 SHA: abc");

        var installations = Discover(new InstallationDiscoveryOptions { IncludeWellKnown = false, NuGetPackagesDirectory = packages });

        Assert.Equal([newer, older], installations.Select(i => i.PSHome));
        Assert.All(installations, i => Assert.Equal("dotnet-tool (local)", i.Origin));
    }

    [Fact]
    public void FindInstallations_UsesNuGetPackagesVariable_BeforeTheHomeFolder()
    {
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = "/custom/packages", ["HOME"] = "/home/user", ["USERPROFILE"] = "/home/user" };

        var options = InstallationDiscoveryOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal("/custom/packages", options.NuGetPackagesDirectory);
        Assert.Equal("/home/user", options.HomeDirectory);
    }

    [Fact]
    public void FromEnvironment_DefaultsTheNuGetFolder_ToTheHomeFolder()
    {
        var environment = new Dictionary<string, string?> { ["HOME"] = "/home/user", ["USERPROFILE"] = "/home/user" };

        var options = InstallationDiscoveryOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal(Path.Join("/home/user", ".nuget", "packages"), options.NuGetPackagesDirectory);
        Assert.Empty(options.ExtraRoots);
    }

    [Fact]
    public void FindInstallations_ReadsWellKnownRootsAndRegistry_OnlyWhenIncluded()
    {
        string root = temp.Combine("opt");
        FixtureInstallation.Create(root, "7.6.9", "7");
        string fromRegistry = FixtureInstallation.Create(temp.Combine("msi"), "7.4.6", "7");
        var registry = new FakeRegistry(fromRegistry, temp.Combine("uninstalled"));

        var included = Discover(new InstallationDiscoveryOptions { WellKnownRoots = [new DiscoveryRoot(root, "opt")], Registry = registry });
        var excluded = Discover(new InstallationDiscoveryOptions { IncludeWellKnown = false, WellKnownRoots = [new DiscoveryRoot(root, "opt")], Registry = registry });

        Assert.Equal([("7.6.9", "opt"), ("7.4.6", "registry")], included.Select(i => (i.Version.ToString(), i.Origin)));
        Assert.Empty(excluded);
    }

    [Fact]
    public void FindInstallations_ReturnsNothing_WhenNoLocationExists()
    {
        var installations = Discover(new InstallationDiscoveryOptions
        {
            WellKnownRoots = [new DiscoveryRoot(temp.Combine("missing"), "opt")],
            Registry = new FakeRegistry(),
            HomeDirectory = temp.Combine("missing-home"),
            NuGetPackagesDirectory = temp.Combine("missing-packages"),
            PathVariable = temp.Combine("missing-bin"),
            ExtraRoots = [temp.Combine("missing-root"), "relative"],
        });

        Assert.Empty(installations);
    }

    [Fact]
    public void DefaultWellKnownRoots_ListThePlatformsInstallLocations()
    {
        var roots = InstallationDiscoveryOptions.DefaultWellKnownRoots.Select(root => root.Path).ToList();

        if (OperatingSystem.IsWindows())
        {
            Assert.Contains(roots, root => root.EndsWith(@"\PowerShell", StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            Assert.Contains("/opt/microsoft/powershell", roots);
            Assert.Contains("/usr/local/microsoft/powershell", roots);
            Assert.Contains("/snap/powershell/current/opt/powershell", roots);
            Assert.Contains("/snap/powershell-preview/current/opt/powershell", roots);
        }
    }

    [SkippableFact]
    public void WindowsRegistry_ReturnsNothing_OffWindows()
    {
        Skip.If(OperatingSystem.IsWindows(), "On Windows the registry may really list installations.");

        Assert.Empty(new WindowsPowerShellRegistry().GetInstallLocations());
    }

    private static IReadOnlyList<PowerShellInstallation> Discover(InstallationDiscoveryOptions options) =>
        new InstallationDiscovery(options).FindInstallations();

    private sealed class FakeRegistry(params string[] locations) : IPowerShellRegistry
    {
        public IReadOnlyList<string> GetInstallLocations() => locations;
    }
}
