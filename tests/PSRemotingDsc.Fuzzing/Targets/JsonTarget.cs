using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.Fuzzing.Targets;

/// <summary>
/// The instance JSON of <c>--input</c> and stdin: <see cref="EndpointPropertiesReader.Read(string)"/> either returns
/// properties or throws <see cref="PSRemotingDscException"/> with an exit code other than "unexpected error".
/// </summary>
public sealed class JsonTarget : FuzzTarget
{
    public override string Name => "json";

    public override string Description => "EndpointPropertiesReader.Read: properties, or PSRemotingDscException with a specific exit code";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\\"", "null", "true", "false", "-0", "1e999",
        "9223372036854775808", "\uFEFF", "\u2028", "\uD800", "\uDC00", "\u0000",
        "\"version\"", "\"7\"", "\"7.4\"", "\"7-preview\"", "\"7.6.0-preview.5\"", "\"transport\"", "\"ssh\"", "\"wsman\"",
        "\"name\"", "\"pshome\"", "\"_exist\"", "\"sshdConfigPath\"", "\"/etc/ssh/sshd_config\"", "\"arguments\"",
        "\"restart\"", "\"ifNeeded\"", "\"accessMode\"", "\"Local\"", "\"securityDescriptorSddl\"", "\"O:NSG:BAD:P(A;;GA;;;BA)\"",
        "\"sessionConfigurationFile\"", "\"C:\\\\jea.pssc\"", "\"runAsVirtualAccount\"", "\"idleTimeoutMs\"", "\"maxShells\"",
        "\"maxMemoryPerShellMB\"", "\"verifyConnection\"", "\"force\"", "\"reasons\"", "\"_metadata\"", "\"resolvedVersion\"",
    ];

    public override IReadOnlyList<(string Open, string Close)> Nesting { get; } = [("[", "]"), ("{\"a\":", "}")];

    protected override void Execute(string text, ReadOnlySpan<byte> input) => EndpointPropertiesReader.Read(text);

    protected override bool IsDocumentedFailure(Exception exception) =>
        exception is PSRemotingDscException { ExitCode: not ExitCode.UnexpectedError };
}
