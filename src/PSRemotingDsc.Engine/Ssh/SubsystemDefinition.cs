namespace PSRemotingDsc.Ssh;

/// <summary>
/// A <c>Subsystem</c> line. <see cref="Name"/> is unquoted; <see cref="Command"/> is the rest of the line as
/// written (quotes kept, a trailing comment removed), ready for <see cref="SubsystemCommandLine.Parse"/>; it is
/// "" when the line has no command (sshd rejects that). <see cref="InMatchBlock"/> is true when the line
/// follows a <c>Match</c> line of the same file.
/// </summary>
/// <param name="Name">The subsystem name, unquoted (<c>powershell</c>).</param>
/// <param name="Command">The rest of the line as written, or "" when there is none.</param>
/// <param name="File">The file the line is in.</param>
/// <param name="LineNumber">The 1-based line number.</param>
/// <param name="InMatchBlock">True when the line follows a <c>Match</c> line of the same file.</param>
public sealed record SubsystemDefinition(string Name, string Command, string File, int LineNumber, bool InMatchBlock);
