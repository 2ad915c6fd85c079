namespace PSRemotingDsc.PowerShell.DscResources;

/// <summary>
/// The configurable properties of the class resource <c>PSRemotingEndpoint</c> (PSRemotingDsc.psm1), as a MOF names
/// them, with the values each accepts where the class restricts them (<c>ValidateSet</c>). A test compares this with the
/// class's <c>[DscProperty()]</c> declarations.
/// </summary>
internal static class PSRemotingEndpointClass
{
    public const string Name = "PSRemotingEndpoint";

    /// <summary>The key properties, which every instance must set.</summary>
    public static readonly string[] Keys = ["Version", "Transport"];

    /// <summary>Every configurable property in declaration order; the value is the accepted values, or null for any.</summary>
    public static readonly IReadOnlyList<(string Name, string[]? Values)> Configurable =
    [
        ("Version", null),
        ("Transport", ["SSH", "WSMan"]),
        ("Name", null),
        ("PSHome", null),
        ("Ensure", ["Present", "Absent"]),
        ("SshdConfigPath", null),
        ("Arguments", null),
        ("Restart", ["Never", "IfNeeded", "Always"]),
        ("AccessMode", ["Disabled", "Local", "Remote"]),
        ("SecurityDescriptorSddl", null),
        ("SessionConfigurationFile", null),
        ("RunAsVirtualAccount", null),
        ("UseSharedProcess", null),
        ("Quotas", null),
    ];
}
