using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// A WinRM plugin configuration (<c>ConfigXML</c> of <c>HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Plugin\&lt;Name&gt;</c>).
/// Root attributes are kept as the strings written (<c>True</c>, <c>true</c>); null means "absent". Unknown attributes
/// and elements are kept in the <c>Additional…</c> lists so that <see cref="Parse"/> then <see cref="ToXml"/> loses nothing.
/// </summary>
public sealed class PluginConfiguration
{
    /// <summary>The namespace of <c>PlugInConfiguration</c> and its children.</summary>
    public const string Namespace = "http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration";

    /// <summary>An empty configuration for plugin <paramref name="name"/>: every attribute absent, no resources, no quotas.</summary>
    /// <param name="name">The plugin (endpoint) name; not validated here.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public PluginConfiguration(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The plugin (endpoint) name, e.g. <c>PowerShell.7.4.6</c>.</summary>
    public string Name { get; set; }

    /// <summary>The plugin DLL as written, <c>%windir%</c> unexpanded.</summary>
    public string? Filename { get; set; }

    /// <summary>The version of the WinRM plugin API the plugin is written for; PowerShell writes <c>2</c>.</summary>
    public string? SDKVersion { get; set; }

    /// <summary>How WinRM hands XML to the plugin, <c>text</c> or <c>XmlReader</c>; PowerShell writes <c>text</c>.</summary>
    public string? XmlRenderingType { get; set; }

    /// <summary>Whether WinRM loads the plugin (<c>True</c> or <c>False</c>); a disabled endpoint refuses every session.</summary>
    public string? Enabled { get; set; }

    /// <summary><c>32</c> or <c>64</c>; WinRM adds it when absent.</summary>
    public string? Architecture { get; set; }

    /// <summary>
    /// <c>true</c> when sessions of this plugin share one host process; absent (as PowerShell writes it by default)
    /// means each session gets its own <c>wsmprovhost.exe</c>.
    /// </summary>
    public string? UseSharedProcess { get; set; }

    /// <summary><c>true</c> when sessions run as a temporary virtual administrator account instead of the connecting user.</summary>
    public string? RunAsVirtualAccount { get; set; }

    /// <summary>Semicolon-separated groups the virtual account is made a member of; only with <see cref="RunAsVirtualAccount"/>.</summary>
    public string? RunAsVirtualAccountGroups { get; set; }

    /// <summary>
    /// What happens when the output buffer of a disconnected session fills: <c>Block</c> (the command waits,
    /// PowerShell's default) or <c>Drop</c> (the oldest output is discarded).
    /// </summary>
    public string? OutputBufferingMode { get; set; }

    /// <summary>Seconds a host process with no session left is kept before it exits; PowerShell writes <c>0</c>.</summary>
    public string? ProcessIdleTimeoutSec { get; set; }

    /// <summary>Whether WinRM restarts the plugin automatically; PowerShell does not write it.</summary>
    public string? AutoRestart { get; set; }

    /// <summary>The account sessions run as instead of the connecting user (<c>-RunAsCredential</c>), or null; the password is <see cref="RunAsPassword"/>.</summary>
    public string? RunAsUser { get; set; }

    /// <summary>Write-only secret: kept for the round trip, never compared nor shown in differences.</summary>
    public string? RunAsPassword { get; set; }

    /// <summary>The <c>xml:lang</c> attribute (<c>en-US</c>).</summary>
    public string? Lang { get; set; }

    /// <summary>Root attributes not listed above, kept for the round trip.</summary>
    public IList<XAttribute> AdditionalAttributes { get; } = [];

    /// <summary>
    /// A root attribute by its WinRM name (<c>UseSharedProcess</c>), or null when absent: the settings a property can bind
    /// to through <c>PropertyDeclaration.WinRMAttribute</c>. Names not listed above are read from <see cref="AdditionalAttributes"/>.
    /// </summary>
    public string? GetAttribute(string name) => name switch
    {
        nameof(UseSharedProcess) => UseSharedProcess,
        nameof(OutputBufferingMode) => OutputBufferingMode,
        nameof(ProcessIdleTimeoutSec) => ProcessIdleTimeoutSec,
        nameof(AutoRestart) => AutoRestart,
        nameof(RunAsVirtualAccountGroups) => RunAsVirtualAccountGroups,
        _ => AdditionalAttributes.FirstOrDefault(attribute => attribute.Name.LocalName == name && attribute.Name.Namespace == XNamespace.None)?.Value,
    };

    /// <summary>Sets the root attribute <paramref name="name"/> (see <see cref="GetAttribute"/>); null removes it.</summary>
    public void SetAttribute(string name, string? value)
    {
        switch (name)
        {
            case nameof(UseSharedProcess): UseSharedProcess = value; break;
            case nameof(OutputBufferingMode): OutputBufferingMode = value; break;
            case nameof(ProcessIdleTimeoutSec): ProcessIdleTimeoutSec = value; break;
            case nameof(AutoRestart): AutoRestart = value; break;
            case nameof(RunAsVirtualAccountGroups): RunAsVirtualAccountGroups = value; break;
            default:
                XAttribute? existing = AdditionalAttributes.FirstOrDefault(attribute => attribute.Name.LocalName == name && attribute.Name.Namespace == XNamespace.None);
                if (existing is not null)
                {
                    AdditionalAttributes.Remove(existing);
                }

                if (value is not null)
                {
                    AdditionalAttributes.Add(new XAttribute(name, value));
                }

                break;
        }
    }

    /// <summary>The <c>InitializationParameters</c> the plugin receives (PSVersion, session configuration data…), in document order.</summary>
    public InitializationParameters InitializationParameters { get; } = new();

    /// <summary>The resources in document order; a PowerShell endpoint has one.</summary>
    public IList<PluginResource> Resources { get; } = [];

    /// <summary>Null when the document has no <c>Quotas</c> element.</summary>
    public PluginQuotas? Quotas { get; set; }

    /// <summary>Root child elements other than InitializationParameters, Resources and Quotas, kept for the round trip.</summary>
    public IList<XElement> AdditionalElements { get; } = [];

    /// <summary>
    /// Parses a <c>ConfigXML</c> value as WinRM returns it or as PowerShell writes it: any attribute order and quote
    /// style, with or without the PluginConfiguration namespace, with a BOM, comments or leading whitespace.
    /// </summary>
    /// <param name="xml">The document.</param>
    /// <param name="source">What the document is, for messages (the plugin name or a file); defaults to the Name attribute.</param>
    /// <exception cref="Errors.PSRemotingDscException">PluginXmlInvalid (<see cref="Errors.ExitCode.ConfigUnreadable"/>), naming the plugin, line and what is malformed.</exception>
    public static PluginConfiguration Parse(string xml, string? source = null) => PluginXmlReader.Read(xml, source);

    /// <summary>
    /// The document as PowerShell 7.4–7.6 writes it (<c>pluginXmlFormat</c> of CustomShellCommands.cs): single quotes,
    /// PowerShell's attribute order and whitespace, XML-escaped values. Attributes and elements PowerShell never writes
    /// (AutoRestart, RunAsUser, xml:lang, additional ones) follow PowerShell's in the same style.
    /// </summary>
    /// <param name="newLine">The line break; PowerShell on Windows uses CRLF.</param>
    public string ToXml(string newLine = "\r\n") => PluginXmlWriter.Write(this, newLine);

    /// <summary>The resource with that URI (case-insensitive); null when absent.</summary>
    public PluginResource? FindResource(string resourceUri)
    {
        ArgumentNullException.ThrowIfNull(resourceUri);
        return Resources.FirstOrDefault(resource => string.Equals(resource.ResourceUri, resourceUri, StringComparison.OrdinalIgnoreCase));
    }
}
