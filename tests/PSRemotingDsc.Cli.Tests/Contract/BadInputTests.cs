using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>Bad input: its own exit code, a clear error trace naming the problem, and nothing written.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ResourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    public static TheoryData<string, string, int, string> Cases()
    {
        string v = $"\"version\":\"{RealPowerShell.Version}\",\"transport\":\"ssh\",\"sshdConfigPath\":\"{{config}}\"";
        return new TheoryData<string, string, int, string>
        {
            { "empty input", "", 2, "InputMissing" },
            { "malformed JSON", "{\"version\":", 2, "InputNotJson" },
            { "not an object", "[1,2]", 2, "InputNotObject" },
            { "unknown property", "{" + v + ",\"colour\":\"blue\"}", 3, "PropertyUnknown" },
            { "wrong type", "{\"version\":7}", 3, "PropertyTypeInvalid" },
            { "invalid version spec", "{\"version\":\"seven\"}", 3, "VersionSpecInvalid" },
            { "missing version", "{\"name\":\"x\",\"transport\":\"ssh\",\"sshdConfigPath\":\"{config}\"}", 3, "VersionRequired" },
            { "invalid restart", "{" + v + ",\"restart\":\"sometimes\"}", 3, "RestartInvalid" },
            { "version not installed", "{\"version\":\"6.0.99\",\"transport\":\"ssh\",\"sshdConfigPath\":\"{config}\"}", 4, "PowerShellVersionNotInstalled" },
            { "pshome that is not PowerShell", "{" + v + ",\"pshome\":\"" + TestPaths.JsonEscaped(TestPaths.Absolute("/nonexistent/powershell")) + "\"}", 4, "PSHomeNotFound" },
            { "name with a newline", "{" + v + ",\"name\":\"evil\\nPermitRootLogin yes\"}", 5, "UnsafeValue" },
            { "name with a quote", "{" + v + ",\"name\":\"a\\\"b\"}", 5, "UnsafeValue" },
            { "name with a control character", "{" + v + ",\"name\":\"a\\u0007b\"}", 5, "UnsafeValue" },
            { "argument with a space", "{" + v + ",\"arguments\":[\"-File x\"]}", 5, "UnsafeValue" },
            { "argument with a comment marker", "{" + v + ",\"arguments\":[\"#x\"]}", 5, "UnsafeValue" },
            { "relative sshdConfigPath", "{\"version\":\"7.6.9\",\"sshdConfigPath\":\"etc/ssh/sshd_config\"}", 6, "SshdConfigPathNotAbsolute" },
            { "missing sshdConfigPath", "{\"version\":\"7.6.9\",\"transport\":\"ssh\",\"sshdConfigPath\":\"" + TestPaths.JsonEscaped(TestPaths.Absolute("/nonexistent/sshd_config")) + "\"}", 6, "SshdConfigNotFound" },
        };
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Set_WithBadInput_FailsWithItsOwnExitCode_AndWritesNothing(string problem, string input, int exitCode, string errorId)
    {
        Skip.If(RealPowerShell.PSHome is null, RealPowerShell.MissingReason);
        byte[] before = File.ReadAllBytes(_fixture.ConfigPath);
        DateTime written = File.GetLastWriteTimeUtc(_fixture.ConfigPath);

        // The path goes into a JSON string literal: escaped, or a Windows path's backslashes would break the JSON.
        DscInvocation run = _fixture.Invoker.Invoke("set", input.Replace("{config}", TestPaths.JsonEscaped(_fixture.ConfigPath), StringComparison.Ordinal));

        Assert.True(run.ExitCode == exitCode, $"{problem}: {run}");
        Assert.Empty(run.Stdout);
        var error = Assert.Single(ContractAssert.Traces(run));
        Assert.Equal("error", error.Level);
        Assert.StartsWith(errorId + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_fixture.ConfigPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(_fixture.ConfigPath));
        Assert.Single(Directory.GetFiles(_fixture.Directory.Path));
    }

    [SkippableFact]
    public void WSManTransport_OnLinux_FailsWithUnsupportedPlatform_AndSaysToUseSsh()
    {
        Skip.If(OperatingSystem.IsWindows(), "WSMan is the supported transport on Windows.");

        DscInvocation run = _fixture.Invoker.Invoke("test", _fixture.Input(new JsonObject { ["version"] = "7", ["transport"] = "wsman" }));

        Assert.Equal(7, run.ExitCode);
        Assert.Contains("\\\"transport\\\": \\\"ssh\\\"", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_FailsWithInvalidArguments()
    {
        var invoker = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory);
        var start = new System.Diagnostics.ProcessStartInfo(CliUnderTest.ExecutablePath, "frobnicate")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = invoker.ManifestDirectory,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(12, process.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
    }
}
