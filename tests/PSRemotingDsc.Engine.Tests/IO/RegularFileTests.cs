using System.Diagnostics;
using PSRemotingDsc.IO;

namespace PSRemotingDsc.Tests.IO;

public sealed class RegularFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadAllBytes_ReadsARegularFile_AndOneThroughASymbolicLink()
    {
        string path = _dir.WriteFile("sshd_config", "Port 22\n");
        string link = _dir.Combine("link");
        File.CreateSymbolicLink(link, path);

        Assert.Equal("Port 22\n"u8.ToArray(), RegularFile.ReadAllBytes(path));
        Assert.Equal("Port 22\n"u8.ToArray(), RegularFile.ReadAllBytes(link));
        Assert.Equal(FileKind.SymbolicLink, RegularFile.Inspect(link, followLinks: false));
    }

    [SkippableTheory]
    [InlineData("/dev/null", FileKind.CharacterDevice)]
    [InlineData("/dev/zero", FileKind.CharacterDevice)]
    public void ReadAllBytes_RefusesADevice_BeforeReading(string device, FileKind kind)
    {
        Skip.IfNot(File.Exists(device) || OperatingSystem.IsLinux(), $"{device} does not exist here.");
        string link = _dir.Combine("link-to-device");
        File.CreateSymbolicLink(link, device);

        var direct = Assert.Throws<NotRegularFileException>(() => RegularFile.ReadAllBytes(device));
        var linked = Assert.Throws<NotRegularFileException>(() => RegularFile.ReadAllBytes(link));

        Assert.Equal((kind, kind), (direct.Kind, linked.Kind));
    }

    [SkippableFact]
    public void ReadAllBytes_RefusesAFifoWithoutAWriter_WithoutBlocking()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        string fifo = _dir.Combine("fifo");
        Tool.RunOrThrow("mkfifo", fifo);

        var clock = Stopwatch.StartNew();
        Task<NotRegularFileException> read = Task.Run(() => Assert.Throws<NotRegularFileException>(() => RegularFile.ReadAllBytes(fifo)));

        Assert.True(read.Wait(TimeSpan.FromSeconds(10)), "Reading a FIFO without a writer must not block.");
        Assert.Equal(FileKind.Fifo, read.Result.Kind);
    }

    [Fact]
    public void ReadAllBytes_RefusesADirectory_AndReportsMissingFiles()
    {
        Assert.Equal(FileKind.Directory, Assert.Throws<NotRegularFileException>(() => RegularFile.ReadAllBytes(_dir.Path)).Kind);
        Assert.Throws<FileNotFoundException>(() => RegularFile.ReadAllBytes(_dir.Combine("missing")));
        string dangling = _dir.Combine("dangling");
        File.CreateSymbolicLink(dangling, _dir.Combine("gone"));
        Assert.Equal(FileKind.Missing, RegularFile.Inspect(dangling));
        Assert.Throws<FileNotFoundException>(() => RegularFile.ReadAllBytes(dangling));
    }

    [Fact]
    public void ReadAllBytes_RefusesAFileOverTheLimit_AndReadsOneAtIt()
    {
        string path = _dir.WriteFile("big", new string('#', 1000));

        var error = Assert.Throws<FileTooLargeException>(() => RegularFile.ReadAllBytes(path, limit: 999));

        Assert.Equal((1000L, 999L), (error.Size, error.Limit));
        Assert.Equal(1000, RegularFile.ReadAllBytes(path, limit: 1000).Length);
    }
}
