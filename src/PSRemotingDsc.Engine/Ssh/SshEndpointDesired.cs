using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// The SSH endpoint the user asked for, after defaults and version resolution. <see cref="Arguments"/> is
/// null when the user did not set it (then existing extra arguments are kept and not compared).
/// <see cref="Installation"/> may be null only when the endpoint should not exist.
/// </summary>
public sealed record SshEndpointDesired(
    string Name,
    bool Exist,
    PowerShellInstallation? Installation,
    string? Executable,
    IReadOnlyList<string>? Arguments);
