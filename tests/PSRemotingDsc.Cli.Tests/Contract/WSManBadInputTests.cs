using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

/// <summary>Bad WSMan input through the real process: its own exit code, one JSON error line on stderr, nothing written in the image.</summary>
public sealed class WSManBadInputTests : IDisposable
{
    private readonly WSManImageFixture _fixture = new();

    public WSManBadInputTests()
    {
        // Something to lose: a registered endpoint with its plugin folder, and Windows PowerShell's endpoint.
        ContractAssert.Succeeded(_fixture.Invoker.Invoke("set", _fixture.Endpoint(new JsonObject { ["restart"] = "never" })));
        _fixture.Image.Register("microsoft.powershell",
            "<PlugInConfiguration xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"microsoft.powershell\" Filename=\"%windir%\\system32\\pwrshplugin.dll\" SDKVersion=\"2\" XmlRenderingType=\"text\" Enabled=\"true\"/>");
        _fixture.Image.AgeAllFiles(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
    }

    public void Dispose() => _fixture.Dispose();

    public static TheoryData<string, JsonObject, int, string> Cases() => new()
    {
        { "SDDL that does not parse", new JsonObject { ["securityDescriptorSddl"] = "O:NSG:BAD:P(A;;GA;;;BA" }, 15, "SddlInvalid" },
        { "unknown SID alias", new JsonObject { ["securityDescriptorSddl"] = "O:NSG:BAD:P(A;;GA;;;QQ)" }, 15, "SidAliasUnknown" },
        { "quota below the range", new JsonObject { ["maxShellsPerUser"] = 0 }, 17, "QuotaOutOfRange" },
        { "idle timeout above the maximum", new JsonObject { ["idleTimeoutMs"] = 7200000, ["maxIdleTimeoutMs"] = 60000 }, 17, "QuotaOutOfRange" },
        { "invalid plugin name", new JsonObject { ["name"] = "-PowerShell" }, 16, "PluginNameInvalid" },
        { "Windows PowerShell's endpoint", new JsonObject { ["name"] = "Microsoft.PowerShell", ["force"] = true }, 14, "EndpointProtected" },
        { "sshdConfigPath with transport wsman", new JsonObject { ["sshdConfigPath"] = TestPaths.Absolute("/etc/ssh/sshd_config") }, 3, "PropertyNotForTransport" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Set_WithBadWSManInput_FailsWithItsOwnExitCode_AndWritesNothing(string problem, JsonObject extra, int exitCode, string errorId)
    {
        IReadOnlyList<string> before = _fixture.Image.Listing();

        foreach (string operation in new[] { "set", "test", "delete" })
        {
            DscInvocation run = _fixture.Invoker.Invoke(operation, _fixture.Endpoint(extra));

            Assert.True(run.ExitCode == exitCode, $"{problem} ({operation}): {run}");
            Assert.Empty(run.Stdout);
            var error = Assert.Single(ContractAssert.Traces(run));
            Assert.Equal("error", error.Level);
            Assert.StartsWith(errorId + ": ", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, _fixture.Image.Listing());
    }
}
