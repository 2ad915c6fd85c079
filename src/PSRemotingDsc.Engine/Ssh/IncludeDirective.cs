namespace PSRemotingDsc.Ssh;

/// <summary>
/// One pattern of an <c>Include</c> line (a line may name several; each gets its own directive with the same
/// line number). <see cref="Pattern"/> is unquoted and unresolved: relative patterns are resolved by
/// <see cref="SshdConfiguration"/>.
/// </summary>
public sealed record IncludeDirective(string Pattern, string File, int LineNumber, bool InMatchBlock);
