using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>Every PowerShell installation and every PowerShell endpoint of one machine, with its state: what a drift report shows.</summary>
/// <param name="Installations">The installations discovered, as endpoints are bound to them.</param>
/// <param name="SshdConfigPath">The sshd_config the SSH section read.</param>
/// <param name="Sections">One section per transport this machine has (SSH everywhere, WSMan on Windows).</param>
public sealed record MachineInventory(IReadOnlyList<PowerShellInstallation> Installations, string SshdConfigPath, IReadOnlyList<InventorySection> Sections);
