namespace PSRemotingDsc.Ssh;

/// <summary>The outcome of a reload, a sentence for the log, and the sshd process id when one was found.</summary>
/// <param name="Outcome">Whether a running sshd re-read the configuration.</param>
/// <param name="Message">What was done or why nothing ran, for the log (names the pid file or service where it matters).</param>
/// <param name="ProcessId">The sshd process that reloaded; null when none was running.</param>
public sealed record SshdReloadResult(SshdReloadOutcome Outcome, string Message, int? ProcessId);
