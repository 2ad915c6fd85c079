using System.Runtime.Versioning;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class SshdBinaryValidatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Validate_AcceptsAConfigWithAUsableHostKey()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, SshdTestEnvironment.Config(_dir, SshdTestEnvironment.CreateHostKey(_dir), 2222));

        SshdValidationResult result = new SshdBinaryValidator(sshd).Validate(path);

        Assert.True(result.IsValid, result.Diagnostics);
    }

    [SkippableFact]
    public void Validate_RejectsAnUnknownKeyword_WithSshdsOwnMessage()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(path, SshdTestEnvironment.Config(_dir, SshdTestEnvironment.CreateHostKey(_dir), 2222) + "Frobnicate yes\n");

        SshdValidationResult result = new SshdBinaryValidator(sshd).Validate(path);

        Assert.False(result.IsValid);
        Assert.Contains($"{path}: line 9: Bad configuration option: Frobnicate", result.Diagnostics, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Validate_RejectsADuplicateSubsystem()
    {
        string sshd = SshdTestEnvironment.RequireSshd();
        string path = _dir.Combine("sshd_config");
        File.WriteAllText(
            path,
            SshdTestEnvironment.Config(_dir, SshdTestEnvironment.CreateHostKey(_dir), 2222)
            + "Subsystem powershell /usr/bin/pwsh -sshs\nSubsystem powershell /opt/pwsh -sshs\n");

        SshdValidationResult result = new SshdBinaryValidator(sshd).Validate(path);

        // OpenSSH 9.2 (Debian 12) rejects it; newer releases ignore the later line (ENVIRONMENT.md).
        Skip.If(result.IsValid, "This OpenSSH ignores a repeated Subsystem instead of rejecting it.");
        Assert.Contains("already defined", result.Diagnostics, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Validate_RejectsAMissingFile()
    {
        string sshd = SshdTestEnvironment.RequireSshd();

        SshdValidationResult result = new SshdBinaryValidator(sshd).Validate(_dir.Combine("absent_config"));

        Assert.False(result.IsValid);
        Assert.Contains("absent_config", result.Diagnostics, StringComparison.Ordinal);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Validate_StopsASshdThatDoesNotFinish_AndSaysSo()
    {
        Skip.If(OperatingSystem.IsWindows(), "Uses a POSIX shell script as the stand-in executable.");
        // A real executable that ignores its arguments and hangs, where sshd would be.
        string hanging = _dir.Combine("sshd");
        File.WriteAllText(hanging, "#!/bin/sh\nexec sleep 30\n");
        File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var validator = new SshdBinaryValidator(hanging, TimeSpan.FromMilliseconds(300));

        var started = DateTime.UtcNow;
        var error = Assert.Throws<PSRemotingDscException>(() => validator.Validate(_dir.Combine("sshd_config")));

        Assert.Equal("SshdValidationTimedOut", error.ErrorId);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Validate_WithAMissingExecutable_ThrowsNamingIt()
    {
        string missing = _dir.Combine("no-sshd-here");

        var error = Assert.Throws<PSRemotingDscException>(() => new SshdBinaryValidator(missing).Validate(_dir.Combine("sshd_config")));

        Assert.Equal("SshdNotStartable", error.ErrorId);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
