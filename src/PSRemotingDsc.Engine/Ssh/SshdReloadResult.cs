namespace PSRemotingDsc.Ssh;

/// <summary>The outcome of a reload, a sentence for the log, and the sshd process id when one was found.</summary>
public sealed record SshdReloadResult(SshdReloadOutcome Outcome, string Message, int? ProcessId);
