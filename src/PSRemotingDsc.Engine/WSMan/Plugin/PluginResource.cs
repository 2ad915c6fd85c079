using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>A <c>&lt;Resource&gt;</c> of <c>Resources</c>: its URI, its security entries and its capabilities.</summary>
public sealed class PluginResource
{
    /// <summary>A resource with <paramref name="resourceUri"/> and nothing else: no security entries, no capabilities.</summary>
    /// <param name="resourceUri">The resource URI clients connect to.</param>
    /// <exception cref="ArgumentException"><paramref name="resourceUri"/> is null or empty.</exception>
    public PluginResource(string resourceUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceUri);
        ResourceUri = resourceUri;
    }

    /// <summary><c>http://schemas.microsoft.com/powershell/&lt;Name&gt;</c> for a PowerShell endpoint.</summary>
    public string ResourceUri { get; set; }

    /// <summary>Whether WinRM passes client options to the plugin (<c>true</c> for PowerShell endpoints), as written; null when absent.</summary>
    public string? SupportsOptions { get; set; }

    /// <summary>
    /// Whether a request must name <see cref="ResourceUri"/> exactly (<c>true</c>) or may name a URI below it, as
    /// written; null when absent.
    /// </summary>
    public string? ExactMatch { get; set; }

    /// <summary>The <c>Security</c> entries, in document order: who may use which URI. A PowerShell endpoint has one.</summary>
    public IList<PluginSecurity> Security { get; } = [];

    /// <summary>The <c>Capability</c> elements, in document order; a PowerShell endpoint has one of type <c>Shell</c>.</summary>
    public IList<PluginCapability> Capabilities { get; } = [];

    /// <summary>Attributes other than ResourceUri, SupportsOptions and ExactMatch, kept for the round trip.</summary>
    public IList<XAttribute> AdditionalAttributes { get; } = [];

    /// <summary>Child elements other than Security and Capability, kept for the round trip.</summary>
    public IList<XElement> AdditionalElements { get; } = [];
}
