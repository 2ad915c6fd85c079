namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// One way the actual plugin configuration differs from the desired one.
/// </summary>
/// <param name="Kind">What part of the document it is about.</param>
/// <param name="Name">The attribute, parameter, quota or capability name (<c>Filename</c>, <c>PSVersion</c>, <c>MaxShellsPerUser</c>, <c>Sddl</c>, <c>Shell</c>), or the resource URI for a missing resource.</param>
/// <param name="Path">Where, XPath-like: <c>PlugInConfiguration/@Filename</c>, <c>InitializationParameters/Param[@Name='PSVersion']</c>, <c>Quotas/@MaxShellsPerUser</c>.</param>
/// <param name="Expected">The desired value as written in the desired document.</param>
/// <param name="Actual">The actual value; null when it is absent.</param>
public sealed record PluginDifference(PluginDifferenceKind Kind, string Name, string Path, string? Expected, string? Actual)
{
    /// <summary>"PlugInConfiguration/@Filename: expected '…', found '…'" or "…: expected '…', missing".</summary>
    public override string ToString() =>
        Actual is null ? $"{Path}: expected '{Expected}', missing" : $"{Path}: expected '{Expected}', found '{Actual}'";
}
