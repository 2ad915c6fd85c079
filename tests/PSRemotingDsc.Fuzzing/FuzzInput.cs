namespace PSRemotingDsc.Fuzzing;

/// <summary>One input with where it came from ("corpus sddl/remote-win8.sddl", "generated #1234").</summary>
public sealed record FuzzInput(string Origin, byte[] Bytes)
{
    public string Base64 => Convert.ToBase64String(Bytes);
}
