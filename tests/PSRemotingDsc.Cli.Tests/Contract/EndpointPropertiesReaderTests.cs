using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Cli.Tests.Contract;

public sealed class EndpointPropertiesReaderTests
{
    private static readonly string AbsolutePath = OperatingSystem.IsWindows() ? @"C:\\ProgramData\\ssh\\sshd_config" : "/etc/ssh/sshd_config";
    private static readonly string AbsoluteHome = OperatingSystem.IsWindows() ? @"C:\\pwsh\\7" : "/opt/microsoft/powershell/7";

    [Fact]
    public void Read_ReturnsEverySettableProperty()
    {
        var properties = EndpointPropertiesReader.Read(
            $$"""{"version":"7.4","transport":"ssh","name":"ps74","pshome":"{{AbsoluteHome}}","_exist":false,"sshdConfigPath":"{{AbsolutePath}}","arguments":["-ConfigurationFile","/etc/x.pssc"],"restart":"never"}""");

        Assert.Equal("7.4", properties.Version);
        Assert.Equal(Transport.Ssh, properties.Transport);
        Assert.Equal("ps74", properties.Name);
        Assert.Equal(AbsoluteHome.Replace(@"\\", @"\", StringComparison.Ordinal), properties.PSHome);
        Assert.False(properties.Exist);
        Assert.False(properties.ShouldExist);
        Assert.Equal(AbsolutePath.Replace(@"\\", @"\", StringComparison.Ordinal), properties.SshdConfigPath);
        Assert.Equal(["-ConfigurationFile", "/etc/x.pssc"], properties.Arguments);
        Assert.Equal(RestartPolicy.Never, properties.Restart);
    }

    [Theory]
    [InlineData("{\"version\":\"7\",\"name\":\"power\\udc00\"}", "UnsafeValue", ExitCode.UnsafeValue, "Property 'name' contains a lone UTF-16 surrogate escape")]
    [InlineData("{\"arguments\":[\"\\ud83d\\ud83d\"]}", "UnsafeValue", ExitCode.UnsafeValue, "Property 'arguments[0]' contains a lone UTF-16 surrogate escape")]
    [InlineData("{\"version\":\"7\",\"n\\ud800ame\":\"x\"}", "PropertyNotUnicode", ExitCode.InvalidProperty, "A property name is not valid Unicode text")]
    public void Read_RejectsAnEscapedUnpairedSurrogate(string json, string errorId, ExitCode exitCode, string message)
    {
        // Found by fuzzing: System.Text.Json's InvalidOperationException escaped as an unexpected error (exit 1).
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointPropertiesReader.Read(json));

        Assert.Equal((errorId, exitCode), (error.ErrorId, error.ExitCode));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsTextWithAnUnpairedSurrogate_AsInvalidJson()
    {
        // Found by fuzzing: a Windows command line can carry one; JsonDocument.Parse(string) threw ArgumentException (exit 1).
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointPropertiesReader.Read("{\"version\":\"7\uD800\"}"));

        Assert.Equal(ExitCode.InvalidJson, error.ExitCode);
        Assert.Equal("InputNotJson", error.ErrorId);
    }

    [Theory]
    [InlineData("wsman", Transport.Wsman)]
    [InlineData("ssh", Transport.Ssh)]
    public void Read_AcceptsBothTransports(string text, Transport expected) =>
        Assert.Equal(expected, EndpointPropertiesReader.Read($$"""{"transport":"{{text}}"}""").Transport);

    [Theory]
    [InlineData("never", RestartPolicy.Never)]
    [InlineData("ifNeeded", RestartPolicy.IfNeeded)]
    [InlineData("always", RestartPolicy.Always)]
    public void Read_AcceptsEveryRestartPolicy(string text, RestartPolicy expected) =>
        Assert.Equal(expected, EndpointPropertiesReader.Read($$"""{"restart":"{{text}}"}""").Restart);

    [Fact]
    public void Read_TreatsNullAsUnset()
    {
        var properties = EndpointPropertiesReader.Read("""{"version":null,"transport":null,"name":null,"pshome":null,"_exist":null,"sshdConfigPath":null,"arguments":null,"restart":null}""");

        Assert.Equal(new EndpointProperties(), properties);
        Assert.True(properties.ShouldExist);
    }

    [Fact]
    public void Read_AcceptsAndIgnoresReadOnlyOutputProperties()
    {
        var properties = EndpointPropertiesReader.Read(
            """{"version":"7","resolvedVersion":"7.6.9","resolvedPshome":"/opt/x","reasons":[{"code":"a","phrase":"b"}],"_inDesiredState":false,"_restartRequired":[{"service":"sshd"}],"_metadata":{"x":1},"_name":"powershell-7"}""");

        Assert.Equal(new EndpointProperties { Version = "7" }, properties);
    }

    [Fact]
    public void Read_AcceptsAnEmptyArgumentList_AsSetToNothing()
    {
        var properties = EndpointPropertiesReader.Read("""{"arguments":[]}""");

        Assert.NotNull(properties.Arguments);
        Assert.Empty(properties.Arguments);
    }

    [Theory]
    [InlineData(null, "InputMissing")]
    [InlineData("", "InputMissing")]
    [InlineData("  \n", "InputMissing")]
    [InlineData("{\"version\":", "InputNotJson")]
    [InlineData("{version:7}", "InputNotJson")]
    [InlineData("[]", "InputNotObject")]
    [InlineData("\"7\"", "InputNotObject")]
    [InlineData("null", "InputNotObject")]
    public void Read_FailsWithInvalidJson_ForInputThatIsNoJsonObject(string? json, string errorId) =>
        AssertFails(json, errorId, ExitCode.InvalidJson);

    [Fact]
    public void Read_NamesTheLine_OfMalformedJson()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointPropertiesReader.Read("{\n\"version\": \"7\",\n}"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"versoin":"7"}""", "PropertyUnknown")]
    [InlineData("""{"Version":"7"}""", "PropertyUnknown")]
    [InlineData("""{"unknown":null}""", "PropertyUnknown")]
    [InlineData("""{"version":7}""", "PropertyTypeInvalid")]
    [InlineData("""{"_exist":"true"}""", "PropertyTypeInvalid")]
    [InlineData("""{"arguments":"-NoLogo"}""", "PropertyTypeInvalid")]
    [InlineData("""{"arguments":[1]}""", "PropertyTypeInvalid")]
    [InlineData("""{"name":["a"]}""", "PropertyTypeInvalid")]
    [InlineData("""{"version":"7","version":"7.4"}""", "PropertyDuplicated")]
    [InlineData("""{"version":"7.x"}""", "VersionSpecInvalid")]
    [InlineData("""{"transport":"winrm"}""", "TransportInvalid")]
    [InlineData("""{"transport":"SSH"}""", "TransportInvalid")]
    [InlineData("""{"restart":"sometimes"}""", "RestartInvalid")]
    [InlineData("""{"pshome":"opt/powershell/7"}""", "PSHomeNotAbsolute")]
    public void Read_FailsWithInvalidProperty(string json, string errorId) =>
        AssertFails(json, errorId, ExitCode.InvalidProperty);

    [Fact]
    public void Read_FailsWithNameTooLong_Above128Characters()
    {
        Assert.Equal(new string('a', 128), EndpointPropertiesReader.Read($$"""{"name":"{{new string('a', 128)}}"}""").Name);

        AssertFails($$"""{"name":"{{new string('a', 129)}}"}""", "NameTooLong", ExitCode.InvalidProperty);
    }

    [Fact]
    public void Read_NamesTheKnownProperties_ForAnUnknownOne()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointPropertiesReader.Read("""{"versoin":"7"}"""));

        Assert.Contains("'versoin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("version, transport, name, pshome, _exist, sshdConfigPath, arguments, restart", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"a\nb"}""")]
    [InlineData("""{"name":"a\rb"}""")]
    [InlineData("""{"name":"a\"b"}""")]
    [InlineData("""{"name":"a'b"}""")]
    [InlineData("""{"name":"a`b"}""")]
    [InlineData("""{"name":"a\u0001b"}""")]
    [InlineData("""{"name":"a b"}""")]
    [InlineData("""{"name":"a\tb"}""")]
    [InlineData("""{"name":"a#b"}""")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"a\\b"}""")]
    [InlineData("""{"name":"a=b"}""")]
    [InlineData("""{"arguments":["-File","a\nSubsystem x /bin/sh"]}""")]
    [InlineData("""{"arguments":["a b"]}""")]
    [InlineData("""{"arguments":["#x"]}""")]
    [InlineData("""{"arguments":["\"x\""]}""")]
    [InlineData("""{"arguments":["x\u007f"]}""")]
    [InlineData("""{"arguments":[""]}""")]
    [InlineData("""{"pshome":"/opt/p\nwsh"}""")]
    [InlineData("""{"sshdConfigPath":"/etc/ssh/sshd_config#"}""")]
    public void Read_FailsWithUnsafeValue_ForConfigurationSyntaxInNamesArgumentsAndPaths(string json) =>
        AssertFails(json, "UnsafeValue", ExitCode.UnsafeValue);

    [Fact]
    public void Read_NamesTheArgumentIndex_OfAnUnsafeArgument()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => EndpointContract.CheckValues(EndpointPropertiesReader.Read("""{"arguments":["-NoLogo","a b"]}""")));

        Assert.Contains("'arguments[1]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FailsWithConfigPathInvalid_ForARelativeSshdConfigPath() =>
        AssertFails("""{"sshdConfigPath":"ssh/sshd_config"}""", "SshdConfigPathNotAbsolute", ExitCode.ConfigPathInvalid);

    /// <summary>Reads as the CLI does, then checks the values as the engine does when it builds the desired endpoint.</summary>
    private static void AssertFails(string? json, string errorId, ExitCode exitCode)
    {
        var error = Assert.Throws<PSRemotingDscException>(() =>
        {
            EndpointProperties properties = EndpointPropertiesReader.Read(json);
            EndpointContract.CheckValues(properties);
            _ = properties.Version is null ? null : VersionSpec.Parse(properties.Version);
        });

        Assert.Equal((errorId, exitCode), (error.ErrorId, error.ExitCode));
    }
}
