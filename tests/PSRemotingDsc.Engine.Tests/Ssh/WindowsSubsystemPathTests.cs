using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public class WindowsSubsystemPathTests
{
    [Theory]
    [InlineData("C:/Program Files/PowerShell/7/pwsh.exe", true)]
    [InlineData("C:\\Tools\\pwsh\t7\\pwsh.exe", true)]
    [InlineData("C:/progra~1/powershell/7/pwsh.exe", false)]
    [InlineData("/usr/bin/pwsh", false)]
    public void NeedsWorkaround_IsTrueExactlyWhenThePathContainsWhitespace(string path, bool expected)
    {
        Assert.Equal(expected, WindowsSubsystemPath.NeedsWorkaround(path));
    }

    [Fact]
    public void ToShortPath_ReturnsAPathWithoutSpacesUnchanged_WithoutAskingTheResolver()
    {
        var resolver = new FakeResolver(_ => throw new InvalidOperationException("must not be called"));

        Assert.Equal("C:/progra~1/powershell/7/pwsh.exe", WindowsSubsystemPath.ToShortPath("C:/progra~1/powershell/7/pwsh.exe", resolver));
        Assert.Empty(resolver.Requests);
    }

    [Fact]
    public void ToShortPath_ReturnsTheResolversShortName_ForAPathWithSpaces()
    {
        var resolver = new FakeResolver(_ => "C:\\PROGRA~1\\POWERS~1\\7\\pwsh.exe");

        Assert.Equal("C:\\PROGRA~1\\POWERS~1\\7\\pwsh.exe", WindowsSubsystemPath.ToShortPath("C:\\Program Files\\PowerShell\\7\\pwsh.exe", resolver));
        Assert.Equal(["C:\\Program Files\\PowerShell\\7\\pwsh.exe"], resolver.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("C:\\Program Files\\PowerShell\\7\\pwsh.exe")]
    public void ToShortPath_ReturnsNull_WhenThereIsNoShortNameWithoutSpaces(string? resolved)
    {
        var resolver = new FakeResolver(_ => resolved);

        Assert.Null(WindowsSubsystemPath.ToShortPath("C:\\Program Files\\PowerShell\\7\\pwsh.exe", resolver));
    }

    [SkippableFact]
    public void WindowsShortPathResolver_ShortensProgramFiles_OrReportsThatShortNamesAreOff()
    {
        Skip.IfNot(OperatingSystem.IsWindows(), "GetShortPathNameW exists only on Windows; this runs in the Windows CI job.");
        if (!OperatingSystem.IsWindows())
        {
            return;
        }

        var programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
        var resolver = new WindowsShortPathResolver();

        var shortPath = resolver.GetShortPath(programFiles);

        Assert.NotNull(shortPath);
        Assert.True(shortPath == programFiles || !WindowsSubsystemPath.NeedsWorkaround(shortPath), $"short path '{shortPath}'");
        Assert.Null(resolver.GetShortPath(Path.Combine(programFiles, Guid.NewGuid().ToString("N"))));
    }

    private sealed class FakeResolver(Func<string, string?> resolve) : IShortPathResolver
    {
        public List<string> Requests { get; } = [];

        public string? GetShortPath(string longPath)
        {
            Requests.Add(longPath);
            return resolve(longPath);
        }
    }
}
