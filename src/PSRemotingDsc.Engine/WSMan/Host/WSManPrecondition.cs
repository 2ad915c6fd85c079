namespace PSRemotingDsc.WSMan.Host;

/// <summary>One missing precondition: a stable id and a sentence that says what is wrong and how to fix it.</summary>
public sealed record WSManPrecondition(WSManPreconditionId Id, string Message)
{
    public override string ToString() => $"{Id}: {Message}";
}
