namespace PSRemotingDsc.WSMan.Host;

/// <summary>One difference, with a sentence naming the file.</summary>
public sealed record PluginDrift(PluginDriftKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
