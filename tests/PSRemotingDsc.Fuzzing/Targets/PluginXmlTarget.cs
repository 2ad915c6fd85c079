using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Fuzzing.Targets;

/// <summary>
/// A WinRM plugin <c>ConfigXML</c>: <see cref="PluginConfiguration.Parse"/> (PluginXmlReader) either returns a
/// configuration or throws <see cref="PSRemotingDscException"/> <c>PluginXmlInvalid</c>. What it returns writes
/// (<see cref="PluginConfiguration.ToXml"/>) to a document that reads back and writes the same text again, so
/// nothing read is lost or changed by a repair.
/// </summary>
public sealed class PluginXmlTarget : FuzzTarget
{
    public override string Name => "plugin-xml";

    public override string Description => "PluginConfiguration.Parse: configuration or PluginXmlInvalid; ToXml reads back and is a fixed point";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "<PlugInConfiguration", "</PlugInConfiguration>", "xmlns=", "xmlns='http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration'",
        "xmlns:p=", "p:", "xml:lang='en-US'", "Name='PowerShell.7'", "Filename='%windir%\\system32\\PowerShell\\7.4.6\\pwrshplugin.dll'",
        "Enabled='True'", "<InitializationParameters>", "</InitializationParameters>", "<Param Name='PSVersion' Value='7.4'/>",
        "<Param Name='sessionconfigurationdata' Value=''/>", "<Resources>", "</Resources>", "<Resource", "</Resource>",
        "ResourceUri='http://schemas.microsoft.com/powershell/PowerShell.7'", "SupportsOptions='true'", "ExactMatch='true'",
        "<Security", "Sddl='O:NSG:BAD:P(A;;GA;;;BA)'", "Uri=''", "<Capability Type='Shell'/>", "<Quotas", "IdleTimeoutms='7200000'",
        "MaxShellsPerUser='2147483647'", "MaxMemoryPerShellMB='-1'", "/>", "<", ">", "</", "'", "\"", "=", "&amp;", "&lt;", "&#10;",
        "&#13;", "&#9;", "&#x20;", "&#xD800;", "&#0;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version='1.0'?>",
        "<?xml version='1.0' encoding='utf-16'?>", "<!DOCTYPE x>", "<!ENTITY", "\r\n", "\r", "\t", "\uFEFF", "\u2028", "\uD800",
        "\uDC00", "\uFFFE",
    ];

    public override IReadOnlyList<(string Open, string Close)> Nesting { get; } = [("<x>", "</x>"), ("<Resources><Resource ResourceUri='u'>", "</Resource></Resources>")];

    protected override void Execute(string text, ReadOnlySpan<byte> input)
    {
        var configuration = PluginConfiguration.Parse(text);
        _ = configuration.InitializationParameters.PSVersion;
        _ = configuration.Quotas?.GetSetQuotas().ToList();
        var written = configuration.ToXml();
        PluginConfiguration again;
        try
        {
            again = PluginConfiguration.Parse(written);
        }
        catch (PSRemotingDscException ex)
        {
            throw new FuzzInvariantException($"the document ToXml wrote does not read back: {ex.Message}", ex);
        }

        var rewritten = again.ToXml();
        RequireEqual(written, rewritten, "ToXml of the document read back from ToXml is the same text");
        _ = PluginConfigurationComparison.Compare(configuration, again);
    }

    protected override bool IsDocumentedFailure(Exception exception) =>
        exception is PSRemotingDscException { ErrorId: "PluginXmlInvalid" };
}
