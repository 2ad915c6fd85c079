using PSRemotingDsc.TestSupport;
using PSRemotingDsc.Versions;
using Xunit;

namespace PSRemotingDsc.Tests.Versions;

public sealed class InformationalVersionMemoTests
{
    [Fact]
    public void An_unchanged_file_is_read_once_and_a_replaced_one_again()
    {
        using var directory = new TempDirectory();
        string path = directory.WriteFile("System.Management.Automation.dll", "first");
        int reads = 0;
        string? Read(string file)
        {
            reads++;
            return File.ReadAllText(file);
        }

        Assert.Equal("first", InformationalVersionMemo.GetOrRead(path, Read));
        Assert.Equal("first", InformationalVersionMemo.GetOrRead(path, Read));
        Assert.Equal(1, reads);

        File.WriteAllText(path, "second, longer");
        Assert.Equal("second, longer", InformationalVersionMemo.GetOrRead(path, Read));
        Assert.Equal(2, reads);

        // Same size, new time stamp: an upgrade in place that kept the length is still seen.
        File.WriteAllText(path, "third, longer!");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        Assert.Equal("third, longer!", InformationalVersionMemo.GetOrRead(path, Read));
        Assert.Equal(3, reads);
    }

    [Fact]
    public void A_removed_file_has_no_version_even_after_it_was_read()
    {
        using var directory = new TempDirectory();
        string path = directory.WriteFile("System.Management.Automation.dll", "gone soon");
        Assert.Equal("gone soon", InformationalVersionMemo.GetOrRead(path, File.ReadAllText));

        File.Delete(path);

        Assert.Null(InformationalVersionMemo.GetOrRead(path, File.ReadAllText));
    }
}
