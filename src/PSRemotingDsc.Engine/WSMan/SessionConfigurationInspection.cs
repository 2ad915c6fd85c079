namespace PSRemotingDsc.WSMan;

/// <summary>
/// The registered session configuration copy of one plugin against the declared source file (see
/// <see cref="SessionConfigurationFiles.Inspect"/>).
/// </summary>
/// <param name="Source">The declared <c>sessionConfigurationFile</c>.</param>
/// <param name="Registered">The plugin's <c>configfilepath</c>, or null when it has none.</param>
/// <param name="Folder">Where copies belong: <c>&lt;PSHOME of the bound installation&gt;\SessionConfig</c>.</param>
/// <param name="State">How the registration stands.</param>
/// <param name="Detail">One sentence on what differs; empty when it matches.</param>
public sealed record SessionConfigurationInspection(string Source, string? Registered, string Folder, SessionConfigurationState State, string Detail)
{
    /// <summary>Whether the registration is in the desired state.</summary>
    public bool Matches => State == SessionConfigurationState.Matches;
}
