using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>A <c>&lt;Capability Type='Shell' /&gt;</c> of a resource.</summary>
public sealed class PluginCapability
{
    /// <summary>A capability of <paramref name="type"/>, with no other attributes.</summary>
    /// <param name="type">The <c>Type</c> attribute, such as <c>Shell</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="type"/> is null or empty.</exception>
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
