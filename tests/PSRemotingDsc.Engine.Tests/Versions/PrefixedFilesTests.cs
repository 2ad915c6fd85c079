using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public sealed class PrefixedFilesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public void Find_ReturnsWhatDirectoryGetFilesReturns_ForEveryKindOfEntry()
    {
        TestPaths.RequireSymbolicLinks();
        string bin = Directory.CreateDirectory(temp.Combine("bin")).FullName;
        string target = temp.WriteFile("target/pwsh", "x");
        string targetDirectory = Path.GetDirectoryName(target)!;
        temp.WriteFile("bin/pwsh", "x");
        temp.WriteFile("bin/pwsh-7.6.9", "x");
        temp.WriteFile("bin/pwsh.sh", "x");
        temp.WriteFile("bin/Pwsh-upper", "x");
        temp.WriteFile("bin/xpwsh", "x");
        temp.WriteFile("bin/pwsh-é", "x");
        Directory.CreateDirectory(Path.Join(bin, "pwsh-directory"));
        File.CreateSymbolicLink(Path.Join(bin, "pwsh-preview"), target);
        File.CreateSymbolicLink(Path.Join(bin, "pwsh-dangling"), Path.Join(targetDirectory, "missing"));
        Directory.CreateSymbolicLink(Path.Join(bin, "pwsh-link-to-directory"), targetDirectory);

        string[] found = PrefixedFiles.Find(bin, "pwsh");

        string[] expected = Directory.GetFiles(bin, "pwsh*");
        Array.Sort(expected, StringComparer.Ordinal);
        Assert.Equal(expected, found);
        Assert.Contains(Path.Join(bin, "pwsh-dangling"), found);
        Assert.DoesNotContain(Path.Join(bin, "pwsh-link-to-directory"), found);
        Assert.DoesNotContain(Path.Join(bin, "pwsh-directory"), found);
    }

    [Fact]
    public void Find_ThrowsIOException_ForAMissingDirectory()
    {
        Assert.ThrowsAny<IOException>(() => PrefixedFiles.Find(temp.Combine("missing"), "pwsh"));
    }

    [Fact]
    public void Find_ThrowsIOException_ForAFile()
    {
        string file = temp.WriteFile("file", "x");

        Assert.ThrowsAny<IOException>(() => PrefixedFiles.Find(file, "pwsh"));
    }
}
