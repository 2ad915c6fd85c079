using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// A <c>&lt;Security Uri='…' ExactMatch='…' Sddl='…' /&gt;</c> entry of a resource. <see cref="Sddl"/> is kept as
/// the unescaped string; parsing and comparing it semantically is the SDDL parser's job.
/// </summary>
public sealed class PluginSecurity
{
    /// <summary>The resource URI the entry applies to, usually the resource's own; null when absent.</summary>
    public string? Uri { get; set; }

    /// <summary>As written (<c>true</c>, <c>False</c>); WinRM rewrites it to <c>False</c> when the element is re-created.</summary>
    public string? ExactMatch { get; set; }

    /// <summary>The security descriptor in SDDL that decides who may connect; null when absent.</summary>
    public string? Sddl { get; set; }

    /// <summary>Attributes other than Uri, ExactMatch and Sddl, kept for the round trip.</summary>
    public IList<XAttribute> AdditionalAttributes { get; } = [];
}
