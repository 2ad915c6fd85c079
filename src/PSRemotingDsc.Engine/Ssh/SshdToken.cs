namespace PSRemotingDsc.Ssh;

/// <summary>
/// One argument of an sshd_config line after quote removal, with the span it occupies in the line text
/// (<see cref="Start"/> inclusive, <see cref="End"/> exclusive), so edits can keep everything around it.
/// </summary>
internal readonly record struct SshdToken(string Value, int Start, int End);
