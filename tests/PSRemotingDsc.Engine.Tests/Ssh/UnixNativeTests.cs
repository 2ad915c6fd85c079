using System.Globalization;
using PSRemotingDsc.IO;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class UnixNativeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void GetOwner_AgreesWithCoreutilsStat()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "File owners are read on Linux and macOS only.");
        Skip.IfNot(Environment.IsPrivilegedProcess, "Giving a file to another uid needs root.");
        string path = _dir.Combine("owned");
        File.WriteAllText(path, "x");
        Tool.RunOrThrow("chown", "1234:5678", path);

        (uint uid, uint gid) = UnixNative.GetOwner(path);

        Assert.Equal("1234:5678", $"{uid}:{gid}");
        Assert.StartsWith($"{uid}:{gid}:", Tool.OwnerAndMode(path), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void SetOwner_ChangesTheOwnerAsCoreutilsSeesIt()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "File owners are set on Linux and macOS only.");
        Skip.IfNot(Environment.IsPrivilegedProcess, "Giving a file to another uid needs root.");
        string path = _dir.Combine("owned");
        File.WriteAllText(path, "x");

        UnixNative.SetOwner(path, 4321, 8765);

        Assert.StartsWith("4321:8765:", Tool.OwnerAndMode(path), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GetOwner_OfAMissingFile_ThrowsIOExceptionNamingIt()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "File owners are read on Linux and macOS only.");
        string path = _dir.Combine("absent");

        var error = Assert.Throws<IOException>(() => UnixNative.GetOwner(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Kill_WithSignalZero_TellsALiveProcessFromAnExitedOne()
    {
        Skip.If(OperatingSystem.IsWindows(), "Signals are a Unix concept.");
        using var exited = System.Diagnostics.Process.Start("true")!;
        Assert.True(exited.WaitForExit(TimeSpan.FromSeconds(10)));
        int deadPid = exited.Id;
        exited.Dispose();

        Assert.Equal(0, UnixNative.Kill(Environment.ProcessId, 0));
        Assert.True(SshdServiceControl.IsAlive(Environment.ProcessId));
        Assert.False(SshdServiceControl.IsAlive(deadPid), deadPid.ToString(CultureInfo.InvariantCulture));
    }
}
