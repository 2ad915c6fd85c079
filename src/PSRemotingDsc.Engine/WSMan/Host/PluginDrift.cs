namespace PSRemotingDsc.WSMan.Host;

/// <summary>One difference, with a sentence naming the file.</summary>
/// <param name="Kind">What differs, a stable code.</param>
/// <param name="Message">A sentence for a person, naming the file and the consequence.</param>
public sealed record PluginDrift(PluginDriftKind Kind, string Message)
{
    /// <summary><c>Kind: Message</c>, for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}: {Message}";
}
