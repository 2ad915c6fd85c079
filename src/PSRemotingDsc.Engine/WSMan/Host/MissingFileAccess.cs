namespace PSRemotingDsc.WSMan.Host;

/// <summary>One right one principal lacks on one file.</summary>
/// <param name="Sid">"S-1-5-32-580".</param>
/// <param name="Principal">"Remote Management Users" (English, for messages; the SID is what counts).</param>
/// <param name="Right">"read" or "write".</param>
/// <param name="Path">The file.</param>
public sealed record MissingFileAccess(string Sid, string Principal, string Right, string Path)
{
    /// <summary>The gap as a sentence fragment for messages: <c>Remote Management Users (S-1-5-32-580) cannot write 'C:\…\RemotePowerShellConfig.txt'</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Principal} ({Sid}) cannot {Right} '{Path}'";
}
