using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public sealed class PowerShellHomeReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("7.6.9")]
    [InlineData("7.6.0-preview.5")]
    [InlineData("7.5.0-rc.1")]
    [InlineData("7.3.0-preview.8-29-g52c6b12")]
    public void TryRead_ReturnsTheVersionFromTheEngineAssembly(string version)
    {
        string psHome = FixtureInstallation.Create(temp.Path, version);

        var installation = PowerShellHomeReader.TryRead(psHome, "test");

        Assert.NotNull(installation);
        Assert.Equal(PowerShellVersion.Parse(version), installation.Version);
        Assert.Equal(psHome, installation.PSHome);
        Assert.Equal(Path.Join(psHome, PowerShellHomeReader.ExecutableName), installation.Executable);
        Assert.Equal("test", installation.Origin);
    }

    [Theory]
    [InlineData("7.6.9 SHA: 3a0b9fb386a321f664ab6dd6a39abaf2313c76bf+3a0b9fb386a321f664ab6dd6a39abaf2313c76bf", "7.6.9")]
    [InlineData("7.6.0-preview.5 SHA: abc", "7.6.0-preview.5")]
    [InlineData("7.4.6", "7.4.6")]
    [InlineData("7.4.6+abcdef", "7.4.6")]
    public void TryRead_StripsTheSourceSuffix_LikePowerShellDoes(string informationalVersion, string expected)
    {
        string psHome = FixtureInstallation.CreateWithInformationalVersion(temp.Combine("home"), informationalVersion);

        Assert.Equal(expected, PowerShellHomeReader.TryRead(psHome, "test")?.Version.ToString());
    }

    [Fact]
    public void TryRead_TrimsATrailingSeparator_FromPSHome()
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");

        Assert.Equal(psHome, PowerShellHomeReader.TryRead(psHome + Path.DirectorySeparatorChar, "test")?.PSHome);
    }

    [Fact]
    public void TryRead_ReturnsNull_WhenPwshIsMissing()
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        File.Delete(Path.Join(psHome, PowerShellHomeReader.ExecutableName));

        Assert.Null(PowerShellHomeReader.TryRead(psHome, "test"));
    }

    [SkippableFact]
    public void TryRead_ReturnsNull_WhenPwshIsNotExecutable()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no executable bit.");
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Join(psHome, "pwsh"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Assert.Null(PowerShellHomeReader.TryRead(psHome, "test"));
    }

    [Fact]
    public void TryRead_ReturnsNull_WhenTheEngineAssemblyIsMissing()
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        File.Delete(Path.Join(psHome, "System.Management.Automation.dll"));

        Assert.Null(PowerShellHomeReader.TryRead(psHome, "test"));
    }

    [Fact]
    public void TryRead_ReturnsNull_WhenTheEngineAssemblyIsNotAnAssembly()
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        File.WriteAllText(Path.Join(psHome, "System.Management.Automation.dll"), "MZ not really");

        Assert.Null(PowerShellHomeReader.TryRead(psHome, "test"));
    }

    [Fact]
    public void TryRead_ReturnsNull_WhenTheAssemblyIsNotSystemManagementAutomation()
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        FixtureInstallation.WriteAssembly(Path.Join(psHome, "System.Management.Automation.dll"), "Something.Else", "7.4.6");

        Assert.Null(PowerShellHomeReader.TryRead(psHome, "test"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a version")]
    public void TryRead_ReturnsNull_WhenTheInformationalVersionIsMissingOrInvalid(string? informationalVersion)
    {
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        FixtureInstallation.WriteAssembly(Path.Join(psHome, "System.Management.Automation.dll"), "System.Management.Automation", informationalVersion);

        Assert.Null(PowerShellHomeReader.TryRead(psHome, "test"));
    }

    [Fact]
    public void TryRead_ReturnsNull_ForAMissingOrRelativeDirectory()
    {
        Assert.Null(PowerShellHomeReader.TryRead(temp.Combine("missing"), "test"));
        Assert.Null(PowerShellHomeReader.TryRead("relative/dir", "test"));
        Assert.Null(PowerShellHomeReader.TryRead(string.Empty, "test"));
    }

    [SkippableFact]
    public void TryRead_ResolvesASymlinkedPSHome_ToItsTarget()
    {
        TestPaths.RequireSymbolicLinks();
        string psHome = FixtureInstallation.Create(temp.Path, "7.4.6");
        string link = temp.Combine("link-to-7.4.6");
        Directory.CreateSymbolicLink(link, psHome);

        Assert.Equal(psHome, PowerShellHomeReader.TryRead(link, "test")?.PSHome);
    }
}
