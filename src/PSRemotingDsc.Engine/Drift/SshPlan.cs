using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Drift;

/// <summary>
/// The edits that bring sshd_config to the desired state: the documents to write (already edited in
/// memory) and a description of each change. An empty plan writes nothing.
/// </summary>
public sealed record SshPlan(IReadOnlyList<SshdConfigDocument> ModifiedDocuments, IReadOnlyList<PlannedChange> Changes)
{
    public bool ChangesConfiguration => ModifiedDocuments.Count > 0;
}
