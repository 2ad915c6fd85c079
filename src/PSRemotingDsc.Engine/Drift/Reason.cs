namespace PSRemotingDsc.Drift;

/// <summary>
/// One difference between the desired and the registered endpoint, in the Azure Machine Configuration
/// <c>Reasons</c> shape: <see cref="Code"/> is stable (<c>PSRemotingEndpoint:PSRemotingEndpoint:Missing</c>),
/// <see cref="Phrase"/> is a sentence for a person. <see cref="Property"/> is the instance property that differs.
/// </summary>
public sealed record Reason(string Code, string Phrase, string Property)
{
    public const string CodePrefix = "PSRemotingEndpoint:PSRemotingEndpoint:";

    public static Reason Create(ReasonId id, string phrase, string property) => new(CodePrefix + id, phrase, property);
}
