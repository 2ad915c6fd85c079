namespace PSRemotingDsc.Fuzzing;

/// <summary>A fuzz target found a broken invariant (a round trip that changes text, a query that contradicts another).</summary>
public sealed class FuzzInvariantException : Exception
{
    public FuzzInvariantException()
        : this("A fuzzing invariant does not hold.")
    {
    }

    public FuzzInvariantException(string message)
        : base(message)
    {
    }

    public FuzzInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
