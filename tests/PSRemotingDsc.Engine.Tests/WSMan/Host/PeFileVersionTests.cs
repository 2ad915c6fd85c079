using System.Reflection;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class PeFileVersionTests
{
    [SkippableFact]
    public void TryRead_ReadsTheFileVersionOfARealNativePlugin()
    {
        Skip.If(NativePluginFixture.Path is null, NativePluginFixture.MissingReason);

        Version? version = PeFileVersion.TryRead(NativePluginFixture.Path!);

        Assert.NotNull(version);
        Assert.True(version.Major >= 6, $"pwrshplugin.dll version {version}");
    }

    [SkippableFact]
    public void TryRead_SeesAPatchedVersion_SoTheWalkerReadsTheResourceNotAConstant()
    {
        Skip.If(NativePluginFixture.Path is null, NativePluginFixture.MissingReason);
        using var temp = new TempDirectory();
        string patched = temp.Combine("pwrshplugin.dll");

        NativePluginFixture.WriteWithVersion(NativePluginFixture.Path!, patched, new Version(1, 2, 3, 4));

        Assert.Equal(new Version(1, 2, 3, 4), PeFileVersion.TryRead(patched));
    }

    [Fact]
    public void TryRead_AgreesWithTheFileVersionCompiledIntoTheRuntimeLibrary()
    {
        // Every csc-built assembly carries a Win32 VERSIONINFO whose file version is AssemblyFileVersion.
        Assembly assembly = typeof(PeFileVersion).Assembly;
        string expected = assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()!.Version;

        Assert.Equal(Version.Parse(expected), PeFileVersion.TryRead(assembly.Location));
    }

    [Fact]
    public void TryRead_ReturnsNull_ForAFileThatIsNotAPortableExecutable()
    {
        using var temp = new TempDirectory();

        Assert.Null(PeFileVersion.TryRead(temp.WriteFile("fake.dll", "not a PE image")));
    }
}
