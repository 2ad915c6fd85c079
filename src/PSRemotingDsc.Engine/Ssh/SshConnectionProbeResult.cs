namespace PSRemotingDsc.Ssh;

/// <summary>What <see cref="SshConnectionProbe"/> found when it started an SSH endpoint the way sshd would (<c>verifyConnection</c>).</summary>
/// <param name="Connected">True when the command answered PowerShell's remoting handshake and opened a runspace pool.</param>
/// <param name="Failure">What failed, as a phrase (sshd -T's error, the exit code and first stderr line, the timeout...); null when connected.</param>
/// <param name="EffectiveCommand">
/// The command sshd's effective configuration (<c>sshd -T</c>, after Match blocks) runs for the name when it is not the
/// definition the resource observed; null when they agree or sshd could not be asked.
/// </param>
/// <param name="RemoteVersion">The <c>PSVersion</c> the server reported in its application private data, when it did.</param>
public sealed record SshConnectionProbeResult(bool Connected, string? Failure, SubsystemCommandLine? EffectiveCommand = null, string? RemoteVersion = null)
{
    /// <summary>A probe that could not get the endpoint to answer.</summary>
    public static SshConnectionProbeResult Failed(string failure) => new(false, failure);
}
