namespace PSRemotingDsc.Errors;

/// <summary>
/// One row of the error table (<see cref="ErrorIds"/>): the stable error ID, the exit code it ends the
/// process with, and one line on when it happens.
/// </summary>
/// <param name="Id">The stable identifier reported before the message, like a PowerShell FullyQualifiedErrorId.</param>
/// <param name="ExitCode">The process exit code for this error.</param>
/// <param name="Description">When this error happens, in one line.</param>
public sealed record ErrorDefinition(string Id, ExitCode ExitCode, string Description)
{
    /// <summary>The ID, as written before the message.</summary>
    public override string ToString() => Id;
}
