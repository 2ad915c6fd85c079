using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// The edits that bring sshd_config to the desired state: the documents to write (already edited in
/// memory) and a description of each change. An empty plan writes nothing.
/// </summary>
/// <param name="ModifiedDocuments">The documents to write, edited in memory.</param>
/// <param name="Changes">One entry per edit.</param>
public sealed record SshPlan(IReadOnlyList<SshdConfigDocument> ModifiedDocuments, IReadOnlyList<PlannedChange> Changes) : EndpointPlan(Changes)
{
    /// <summary>Whether any file is written.</summary>
    public bool ChangesConfiguration => ModifiedDocuments.Count > 0;

    /// <summary>sshd reads its configuration only when it starts or reloads.</summary>
    public override bool RestartNeeded => ChangesConfiguration;
}
