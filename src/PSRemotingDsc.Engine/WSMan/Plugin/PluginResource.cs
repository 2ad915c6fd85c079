using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>A <c>&lt;Resource&gt;</c> of <c>Resources</c>: its URI, its security entries and its capabilities.</summary>
public sealed class PluginResource
{
    public PluginResource(string resourceUri)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceUri);
        ResourceUri = resourceUri;
    }

    /// <summary><c>http://schemas.microsoft.com/powershell/&lt;Name&gt;</c> for a PowerShell endpoint.</summary>
    public string ResourceUri { get; set; }

    public string? SupportsOptions { get; set; }

    public string? ExactMatch { get; set; }

    public IList<PluginSecurity> Security { get; } = [];

    public IList<PluginCapability> Capabilities { get; } = [];

    /// <summary>Attributes other than ResourceUri, SupportsOptions and ExactMatch, kept for the round trip.</summary>
    public IList<XAttribute> AdditionalAttributes { get; } = [];

    /// <summary>Child elements other than Security and Capability, kept for the round trip.</summary>
    public IList<XElement> AdditionalElements { get; } = [];
}
