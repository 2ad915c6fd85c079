namespace PSRemotingDsc.Drift;

/// <summary>
/// One difference between the desired and the registered endpoint, in the Azure Machine Configuration
/// <c>Reasons</c> shape: <see cref="Code"/> is stable (<c>PSRemotingEndpoint:PSRemotingEndpoint:Missing</c>),
/// <see cref="Phrase"/> is a sentence for a person. <see cref="Property"/> is the instance property that differs.
/// </summary>
public sealed record Reason(string Code, string Phrase, string Property)
{
    /// <summary>What every <see cref="Code"/> starts with: <c>&lt;ResourceName&gt;:&lt;ResourceName&gt;:</c>, as Machine Configuration expects.</summary>
    public const string CodePrefix = "PSRemotingEndpoint:PSRemotingEndpoint:";

    /// <summary>The reason with the stable code of <paramref name="id"/>.</summary>
    /// <param name="id">The stable identifier; its name becomes the end of <see cref="Code"/>.</param>
    /// <param name="phrase">One sentence for a person: what differs and where.</param>
    /// <param name="property">The wire name of the instance property that differs.</param>
    public static Reason Create(ReasonId id, string phrase, string property) => new(CodePrefix + id, phrase, property);

    /// <summary>The properties the reasons name, each once, in order: dsc's list of differing or changed properties.</summary>
    public static string[] PropertiesOf(IEnumerable<Reason> reasons) => [.. reasons.Select(reason => reason.Property).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether this reason has the stable id <paramref name="id"/>.</summary>
    public bool Is(ReasonId id) => string.Equals(Code, CodePrefix + id, StringComparison.Ordinal);
}
