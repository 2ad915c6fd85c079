using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class SshdConfigWriterStaleTempTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RemoveStaleTempFiles_RemovesOnlyTheWritersOwnLeftovers_ForThatFile()
    {
        string config = _dir.WriteFile("sshd_config", "Port 22\n");
        string[] ours =
        [
            _dir.WriteFile(".sshd_config.psremotingdsc-0123456789ab.tmp", ""),
            _dir.WriteFile(".sshd_config.psremotingdsc.bak.psremotingdsc-ba9876543210.tmp", "old"),
        ];
        string[] theirs =
        [
            _dir.WriteFile(".sshd_config.psremotingdsc-0123456789AB.tmp", "upper-case hex: not ours"),
            _dir.WriteFile(".sshd_config.psremotingdsc-0123.tmp", "too short"),
            _dir.WriteFile(".sshd_config.keep.tmp", "someone else's"),
            _dir.WriteFile(".other_config.psremotingdsc-0123456789ab.tmp", "another file's"),
            _dir.WriteFile("sshd_config.psremotingdsc.bak", "the backup"),
            _dir.WriteFile(".sshd_config.psremotingdsc.lock", ""),
        ];
        Directory.CreateDirectory(_dir.Combine(".sshd_config.psremotingdsc-aaaaaaaaaaaa.tmp"));

        IReadOnlyList<string> removed = SshdConfigWriter.RemoveStaleTempFiles(config);

        Assert.Equal(ours.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.All(ours, path => Assert.False(File.Exists(path)));
        Assert.All(theirs, path => Assert.True(File.Exists(path)));
        Assert.True(Directory.Exists(_dir.Combine(".sshd_config.psremotingdsc-aaaaaaaaaaaa.tmp")));
    }
}
