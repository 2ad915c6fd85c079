using System.Text;
using System.Runtime.Versioning;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class SshdConfigWriterTests : IDisposable
{
    private const string Marker = ".psremotingdsc-";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_ReplacesContent_AndKeepsThePreviousBytesAsBackup()
    {
        string path = _dir.Combine("sshd_config");
        byte[] old = Encoding.UTF8.GetBytes("# old\r\nPort 22\n\tMatch User x # tabs, CRLF and all\n");
        File.WriteAllBytes(path, old);

        WriteResult result = new SshdConfigWriter(validator: null).Write(path, "Port 2222\n");

        Assert.Equal("Port 2222\n", File.ReadAllText(path));
        Assert.Equal(path + ".psremotingdsc.bak", result.BackupPath);
        Assert.Equal(old, File.ReadAllBytes(result.BackupPath!));
        Assert.Equal(path, result.Path);
        Assert.False(result.Validated);
        Assert.Empty(result.Warnings);
        Assert.Equal(["sshd_config", "sshd_config.psremotingdsc.bak"], _dir.EntryNames());
    }

    [Fact]
    public void Write_OfTheSameBytes_TouchesNothing()
    {
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "Port 22\n");
        var mtime = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, mtime);

        WriteResult result = new SshdConfigWriter(new RejectEverything()).Write(path, "Port 22\n");

        Assert.True(result.Unchanged);
        Assert.Null(result.BackupPath);
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(path));
        Assert.Equal(["sshd_config"], _dir.EntryNames());
    }

    [Fact]
    public void Write_OfNewBytes_IsNotUnchanged()
    {
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "Port 22\n");

        Assert.False(new SshdConfigWriter(validator: null).Write(path, "Port 22\r\n").Unchanged);
        Assert.Equal("Port 22\r\n", File.ReadAllText(path));
    }

    [Fact]
    public void Write_OverwritesAnOlderBackup()
    {
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "first\n");
        var writer = new SshdConfigWriter(validator: null);

        writer.Write(path, "second\n");
        WriteResult result = writer.Write(path, "third\n");

        Assert.Equal("third\n", File.ReadAllText(path));
        Assert.Equal("second\n", File.ReadAllText(result.BackupPath!));
    }

    [Fact]
    public void Write_WritesTextAsUtf8WithoutByteOrderMark()
    {
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "x\n");

        new SshdConfigWriter(validator: null).Write(path, "Banner /etc/issue.ünïcode\n");

        Assert.Equal(Encoding.UTF8.GetBytes("Banner /etc/issue.ünïcode\n"), File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_CreatesAMissingFile_WithoutBackup()
    {
        string path = _dir.Combine("sshd_config");

        WriteResult result = new SshdConfigWriter(validator: null).Write(path, "Port 22\n");

        Assert.Equal("Port 22\n", File.ReadAllText(path));
        Assert.Null(result.BackupPath);
        Assert.Equal(["sshd_config"], _dir.EntryNames());
    }

    [SkippableTheory]
    [InlineData("600")]
    [InlineData("644")]
    [InlineData("640")]
    [UnsupportedOSPlatform("windows")]
    public void Write_KeepsTheFileMode_OnTheFileAndTheBackup(string octalMode)
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes do not exist on Windows.");
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "old\n");
        var mode = (UnixFileMode)Convert.ToInt32(octalMode, 8);
        File.SetUnixFileMode(path, mode);

        WriteResult result = new SshdConfigWriter(validator: null).Write(path, "new\n");

        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(mode, File.GetUnixFileMode(result.BackupPath!));
        Assert.EndsWith(":" + octalMode, Tool.OwnerAndMode(path), StringComparison.Ordinal);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Write_KeepsTheOwner_OnTheFileAndTheBackup()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix owners do not exist on Windows.");
        Skip.IfNot(Environment.IsPrivilegedProcess, "Giving a file to another uid needs root.");
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "old\n");
        Tool.RunOrThrow("chown", "1234:4321", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        WriteResult result = new SshdConfigWriter(validator: null).Write(path, "new\n");

        Assert.Equal("1234:4321:600", Tool.OwnerAndMode(path));
        Assert.Equal("1234:4321:600", Tool.OwnerAndMode(result.BackupPath!));
        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [SkippableFact]
    public void Write_ThroughASymbolicLink_ReplacesTheTarget_AndKeepsTheLink()
    {
        Skip.If(OperatingSystem.IsWindows(), "Creating symbolic links on Windows needs a privilege the CI may not have.");
        string realDir = Directory.CreateDirectory(_dir.Combine("real")).FullName;
        string target = Path.Combine(realDir, "sshd_config");
        File.WriteAllText(target, "old\n");
        string link = _dir.Combine("sshd_config");
        File.CreateSymbolicLink(link, target);

        WriteResult result = new SshdConfigWriter(validator: null).Write(link, "new\n");

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal("old\n", File.ReadAllText(result.BackupPath!));
        Assert.Equal(["sshd_config"], Directory.EnumerateFileSystemEntries(realDir).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void Write_RejectedBySshd_LeavesTheOriginalByteIdentical_AndNoTempFile()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string hostKey = SshdTestEnvironment.CreateHostKey(_dir);
        string path = _dir.Combine("sshd_config");
        string original = SshdTestEnvironment.Config(_dir, hostKey, 2222);
        File.WriteAllText(path, original);
        DateTime mtime = File.GetLastWriteTimeUtc(path);
        IReadOnlyList<string> before = _dir.EntryNames();

        var writer = new SshdConfigWriter(new SshdBinaryValidator(sshd));
        var error = Assert.Throws<PSRemotingDscException>(() => writer.Write(path, original + "NoSuchKeywordAtAll yes\n"));

        Assert.Equal(ExitCode.ValidationFailed, error.ExitCode);
        Assert.Equal("SshdConfigValidationFailed", error.ErrorId);
        Assert.Contains("Bad configuration option: NoSuchKeywordAtAll", error.Message, StringComparison.Ordinal);
        Assert.Contains("original file is unchanged", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, error.Message, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(original), File.ReadAllBytes(path));
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(path));
        Assert.Equal(before, _dir.EntryNames());
    }

    [SkippableFact]
    public void Write_AcceptedBySshd_IsValidated()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string hostKey = SshdTestEnvironment.CreateHostKey(_dir);
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, SshdTestEnvironment.Config(_dir, hostKey, 2222));
        string updated = SshdTestEnvironment.Config(_dir, hostKey, 2222) + "Subsystem powershell /usr/bin/pwsh -sshs -NoLogo\n";

        WriteResult result = new SshdConfigWriter(new SshdBinaryValidator(sshd)).Write(path, updated);

        Assert.True(result.Validated);
        Assert.Empty(result.Warnings);
        Assert.Equal(updated, File.ReadAllText(path));
    }

    [SkippableFact]
    public void Write_WhenTheOriginalFailsTheSameWay_ProceedsWithAWarning()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string hostKey = SshdTestEnvironment.CreateHostKey(_dir);
        string path = _dir.Combine("sshd_config");
        string broken = SshdTestEnvironment.Config(_dir, hostKey, 2222) + "NoSuchKeywordAtAll yes\n";
        File.WriteAllText(path, broken);
        // The edit adds a line above the bad one, so sshd reports it at another line number: still the same problem.
        string updated = "# managed by PSRemotingDsc\n" + broken + "Subsystem powershell /usr/bin/pwsh -sshs\n";

        WriteResult result = new SshdConfigWriter(new SshdBinaryValidator(sshd)).Write(path, updated);

        Assert.False(result.Validated);
        string warning = Assert.Single(result.Warnings);
        Assert.Contains("Bad configuration option: NoSuchKeywordAtAll", warning, StringComparison.Ordinal);
        Assert.Equal(updated, File.ReadAllText(path));
        Assert.Equal(broken, File.ReadAllText(result.BackupPath!));
    }

    [SkippableFact]
    public void Write_WhenTheOriginalFailsDifferently_IsRejected()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string hostKey = SshdTestEnvironment.CreateHostKey(_dir);
        string path = _dir.Combine("sshd_config");
        string broken = SshdTestEnvironment.Config(_dir, hostKey, 2222) + "NoSuchKeywordAtAll yes\n";
        File.WriteAllText(path, broken);

        var writer = new SshdConfigWriter(new SshdBinaryValidator(sshd));
        var error = Assert.Throws<PSRemotingDscException>(() => writer.Write(path, broken + "AnotherBadKeyword no\n"));

        Assert.Equal(ExitCode.ValidationFailed, error.ExitCode);
        Assert.Equal(broken, File.ReadAllText(path));
        Assert.Equal(["hostkey", "hostkey.pub", "sshd_config"], _dir.EntryNames());
    }

    [Fact]
    public void Write_WhenTheBackupCannotBeWritten_LeavesTheOriginalAndNoTempFile()
    {
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "old\n");
        // A non-empty directory where the backup must go: a real I/O failure after the temp file was written.
        Directory.CreateDirectory(path + ".psremotingdsc.bak");
        File.WriteAllText(Path.Combine(path + ".psremotingdsc.bak", "keep"), "x");

        var error = Assert.Throws<PSRemotingDscException>(() => new SshdConfigWriter(validator: null).Write(path, "new\n"));

        Assert.Equal(ExitCode.UnexpectedError, error.ExitCode);
        Assert.Contains(path + ".psremotingdsc.bak", error.Message, StringComparison.Ordinal);
        Assert.Contains("original file is unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["sshd_config", "sshd_config.psremotingdsc.bak"], _dir.EntryNames());
    }

    [SkippableFact]
    public void Write_NeverReplacesASpecialFileWhereTheBackupGoes()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, "old\n");
        Tool.RunOrThrow("mkfifo", path + ".psremotingdsc.bak");

        var error = Assert.Throws<PSRemotingDscException>(() => new SshdConfigWriter(validator: null).Write(path, "new\n"));

        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal("fifo", Tool.RunOrThrow("stat", "-c", "%F", path + ".psremotingdsc.bak").Trim());
        Assert.Equal(["sshd_config", "sshd_config.psremotingdsc.bak"], _dir.EntryNames());
    }

    [Fact]
    public void Write_WhenTheTargetIsADirectory_FailsAndLeavesNothingBehind()
    {
        string path = Directory.CreateDirectory(_dir.Combine("sshd_config")).FullName;

        var error = Assert.Throws<PSRemotingDscException>(() => new SshdConfigWriter(validator: null).Write(path, "new\n"));

        Assert.Equal(("SshdConfigNotRegularFile", ExitCode.ConfigPathInvalid), (error.ErrorId, error.ExitCode));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(["sshd_config"], _dir.EntryNames());
        Assert.Empty(Directory.EnumerateFileSystemEntries(path));
    }

    [Fact]
    public void Write_WhenTheParentIsAFile_FailsNamingTheFile()
    {
        string parent = _dir.Combine("not-a-directory");
        File.WriteAllText(parent, "x");
        string path = Path.Combine(parent, "sshd_config");

        var error = Assert.Throws<PSRemotingDscException>(() => new SshdConfigWriter(validator: null).Write(path, "new\n"));

        Assert.Equal(ExitCode.UnexpectedError, error.ExitCode);
        Assert.Contains("not-a-directory", error.Message, StringComparison.Ordinal);
        Assert.Equal(["not-a-directory"], _dir.EntryNames());
    }

    [SkippableFact]
    public void Write_InAnImmutableDirectory_IsPermissionDenied_AndChangesNothing()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess, "Needs root on Linux to set the immutable attribute (chattr +i).");
        string sub = Directory.CreateDirectory(_dir.Combine("etc-ssh")).FullName;
        string path = Path.Combine(sub, "sshd_config");
        File.WriteAllText(path, "old\n");
        (int chattr, string output) = Tool.Run("chattr", "+i", sub);
        Skip.If(chattr != 0, $"This filesystem does not support the immutable attribute: {output}");
        try
        {
            var error = Assert.Throws<PSRemotingDscException>(() => new SshdConfigWriter(validator: null).Write(path, "new\n"));

            Assert.Equal(ExitCode.PermissionDenied, error.ExitCode);
            Assert.Equal("SshdConfigWriteDenied", error.ErrorId);
            Assert.Equal("old\n", File.ReadAllText(path));
            Assert.Equal(["sshd_config"], Directory.EnumerateFileSystemEntries(sub).Select(Path.GetFileName));
        }
        finally
        {
            Tool.RunOrThrow("chattr", "-i", sub);
        }
    }

    [Fact]
    public void NormaliseDiagnostics_IgnoresWhichCopyWasCheckedAndTheLineNumber()
    {
        string fromTemp = "/etc/ssh/.sshd_config.psremotingdsc-0a1b.tmp: line 12: Bad configuration option: Foo\r\n/etc/ssh/.sshd_config.psremotingdsc-0a1b.tmp: terminating, 1 bad configuration options\r\n";
        string fromOriginal = "/etc/ssh/sshd_config: line 11: Bad configuration option: Foo\n/etc/ssh/sshd_config: terminating, 1 bad configuration options";

        Assert.Equal(
            SshdConfigWriter.NormaliseDiagnostics(fromOriginal, "/etc/ssh/sshd_config", "/etc/ssh/sshd_config"),
            SshdConfigWriter.NormaliseDiagnostics(fromTemp, "/etc/ssh/.sshd_config.psremotingdsc-0a1b.tmp", "/etc/ssh/sshd_config"));
        Assert.NotEqual(
            SshdConfigWriter.NormaliseDiagnostics(fromOriginal.Replace("Foo", "Bar", StringComparison.Ordinal), "/etc/ssh/sshd_config", "/etc/ssh/sshd_config"),
            SshdConfigWriter.NormaliseDiagnostics(fromTemp, "/etc/ssh/.sshd_config.psremotingdsc-0a1b.tmp", "/etc/ssh/sshd_config"));
    }

    /// <summary>Proves a write did not get as far as validation: any call fails the test.</summary>
    private sealed class RejectEverything : ISshdValidator
    {
        public SshdValidationResult Validate(string configPath) => throw new InvalidOperationException($"validated {configPath}");
    }
}
