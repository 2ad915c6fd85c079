using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>A <c>&lt;Capability Type='Shell' /&gt;</c> of a resource.</summary>
public sealed class PluginCapability
{
    public PluginCapability(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Type = type;
    }

    /// <summary><c>Shell</c> for PowerShell endpoints; WMI-style plugins use Get, Put, Enumerate….</summary>
    public string Type { get; set; }

    /// <summary>Attributes other than Type (SupportsFragment, SupportsFiltering…), kept for the round trip.</summary>
    public IList<XAttribute> AdditionalAttributes { get; } = [];
}
