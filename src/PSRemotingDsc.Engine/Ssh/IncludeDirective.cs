namespace PSRemotingDsc.Ssh;

/// <summary>
/// One pattern of an <c>Include</c> line (a line may name several; each gets its own directive with the same
/// line number). <see cref="Pattern"/> is unquoted and unresolved: relative patterns are resolved by
/// <see cref="SshdConfiguration"/>.
/// </summary>
/// <param name="Pattern">One file name or glob pattern, unquoted, as written.</param>
/// <param name="File">The file the Include line is in.</param>
/// <param name="LineNumber">The 1-based line number of the Include line.</param>
/// <param name="InMatchBlock">True when the line follows a <c>Match</c> line of the same file.</param>
public sealed record IncludeDirective(string Pattern, string File, int LineNumber, bool InMatchBlock);
