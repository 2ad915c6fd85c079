namespace PSRemotingDsc.WSMan.Host;

/// <summary>One missing precondition: a stable id and a sentence that says what is wrong and how to fix it.</summary>
/// <param name="Id">Which precondition is missing.</param>
/// <param name="Message">What is wrong and the command or step that fixes it.</param>
public sealed record WSManPrecondition(WSManPreconditionId Id, string Message)
{
    /// <summary><c>Id: Message</c>, for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {Message}";
}
