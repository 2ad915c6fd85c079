namespace PSRemotingDsc.Ssh;

/// <summary>The verdict of an <see cref="ISshdValidator"/>: whether sshd accepts the file, and what it said.</summary>
/// <param name="IsValid">True when sshd accepts the configuration.</param>
/// <param name="Diagnostics">What sshd printed (its stderr, then stdout), trimmed; empty when it said nothing.</param>
public sealed record SshdValidationResult(bool IsValid, string Diagnostics);
