namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>Bad input rows for set, after Contract/BadInputTests and WSManBadInputTests, pinned to the fixture installations.</summary>
internal static class GoldenBadInputRows
{
    public static IReadOnlyList<(string Name, string Input)> All()
    {
        const string V = "\"version\":\"7.4.6\",\"transport\":\"ssh\",\"sshdConfigPath\":\"{config}\"";
        const string W = "\"version\":\"7.4\",\"transport\":\"wsman\"";
        return
        [
            ("empty-input", ""),
            ("malformed-json", "{\"version\":"),
            ("not-an-object", "[1,2]"),
            ("unknown-property", "{" + V + ",\"colour\":\"blue\"}"),
            ("wrong-type", "{\"version\":7}"),
            ("invalid-version-spec", "{\"version\":\"seven\"}"),
            ("missing-version", "{\"name\":\"x\",\"transport\":\"ssh\",\"sshdConfigPath\":\"{config}\"}"),
            ("invalid-restart", "{" + V + ",\"restart\":\"sometimes\"}"),
            ("version-not-installed", "{\"version\":\"6.0.99\",\"transport\":\"ssh\",\"sshdConfigPath\":\"{config}\"}"),
            ("pshome-not-powershell", "{" + V + ",\"pshome\":\"/nonexistent/powershell\"}"),
            ("name-with-newline", "{" + V + ",\"name\":\"evil\\nPermitRootLogin yes\"}"),
            ("name-with-quote", "{" + V + ",\"name\":\"a\\\"b\"}"),
            ("name-with-control-character", "{" + V + ",\"name\":\"a\\u0007b\"}"),
            ("argument-with-space", "{" + V + ",\"arguments\":[\"-File x\"]}"),
            ("argument-with-comment-marker", "{" + V + ",\"arguments\":[\"#x\"]}"),
            ("relative-sshd-config-path", "{\"version\":\"7.6.9\",\"sshdConfigPath\":\"etc/ssh/sshd_config\"}"),
            ("missing-sshd-config", "{\"version\":\"7.6.9\",\"transport\":\"ssh\",\"sshdConfigPath\":\"/nonexistent/sshd_config\"}"),
            ("unknown-transport", "{\"version\":\"7.4\",\"transport\":\"carrier-pigeon\"}"),
            ("wsman-property-on-ssh", "{" + V + ",\"maxShellsPerUser\":5}"),
            ("wsman-invalid-sddl", "{" + W + ",\"securityDescriptorSddl\":\"garbage\"}"),
            ("wsman-name-with-slash", "{" + W + ",\"name\":\"bad/name\"}"),
            ("wsman-invalid-access-mode", "{" + W + ",\"accessMode\":\"Everywhere\"}"),
            ("wsman-pshome-not-powershell", "{" + W + ",\"pshome\":\"/nonexistent/powershell\"}"),
        ];
    }
}
