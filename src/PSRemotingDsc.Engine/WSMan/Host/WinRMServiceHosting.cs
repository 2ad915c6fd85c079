using PSRemotingDsc.Platform;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// How the WinRM service is hosted: in its own process or in a shared svchost, under which account, and which privileges
/// the service control manager leaves in its token. An endpoint with <c>RunAsVirtualAccount</c> needs WinRM in its own
/// service host, as LocalSystem, with <c>SeTcbPrivilege</c>: Register-PSSessionConfiguration and
/// Set-PSSessionConfiguration move it there for <c>-RunAsVirtualAccount</c> (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs 529–533, 3534–3538;
/// MoveWinRmToIsolatedServiceHost 1299–1320).
/// </summary>
/// <param name="OwnProcess">Whether the service type is own process (<c>sc.exe config winrm type= own</c>, CustomShellCommands.cs 1301), not shared.</param>
/// <param name="Account">The account it runs as (the service's <c>ObjectName</c>, <c>SERVICE_START_NAME</c> of <c>sc.exe qc</c>), or null when unknown.</param>
/// <param name="RequiredPrivileges">The service's required privileges (<c>RequiredPrivileges</c>, <c>sc.exe qprivs</c>); empty when none are set.</param>
public sealed record WinRMServiceHosting(bool OwnProcess, string? Account, IReadOnlyList<string> RequiredPrivileges)
{
    /// <summary>The privilege a virtual-account endpoint needs WinRM to hold (CustomShellCommands.cs 1307–1309).</summary>
    public const string TcbPrivilege = "SeTcbPrivilege";

    /// <summary>The account WinRM runs as for a virtual-account endpoint, as PowerShell writes it into <c>ObjectName</c> (CustomShellCommands.cs 1313).</summary>
    public const string LocalSystem = "LocalSystem";

    /// <summary>
    /// A default Windows Server: WinRM shares the NetworkService svchost, runs as <c>NT AUTHORITY\NetworkService</c>, and
    /// its required privileges (a typical list; the exact one varies by release) do not include <c>SeTcbPrivilege</c>.
    /// </summary>
    public static WinRMServiceHosting WindowsDefault { get; } = new(
        false,
        @"NT AUTHORITY\NetworkService",
        ["SeAuditPrivilege", "SeChangeNotifyPrivilege", "SeCreateGlobalPrivilege", "SeImpersonatePrivilege"]);

    /// <summary>Whether the account is LocalSystem (<c>LocalSystem</c>, <c>.\LocalSystem</c> or <c>NT AUTHORITY\SYSTEM</c>).</summary>
    public bool RunsAsLocalSystem => Account is { } account
        && (account.Equals(LocalSystem, StringComparison.OrdinalIgnoreCase)
            || account.Equals(@".\" + LocalSystem, StringComparison.OrdinalIgnoreCase)
            || account.Equals(@"NT AUTHORITY\SYSTEM", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the token WinRM starts with holds <c>SeTcbPrivilege</c>: it is among the required privileges, or none are
    /// set (then the service control manager leaves the account's whole token, and LocalSystem's has it).
    /// </summary>
    public bool HasTcbPrivilege => RequiredPrivileges.Count == 0
        ? RunsAsLocalSystem
        : RequiredPrivileges.Contains(TcbPrivilege, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether WinRM is hosted as a <c>RunAsVirtualAccount</c> endpoint needs: own process, LocalSystem, <c>SeTcbPrivilege</c>.</summary>
    public bool IsolatedForVirtualAccounts => OwnProcess && RunsAsLocalSystem && HasTcbPrivilege;

    /// <summary>
    /// What MoveWinRmToIsolatedServiceHost(forVirtualAccount: true) leaves (CustomShellCommands.cs 1301–1313): own process,
    /// LocalSystem, and the required privileges with <c>SeTcbPrivilege</c> added when they are set and lack it.
    /// </summary>
    public WinRMServiceHosting Isolated() => new(
        true,
        LocalSystem,
        RequiredPrivileges.Count == 0 || RequiredPrivileges.Contains(TcbPrivilege, StringComparer.OrdinalIgnoreCase)
            ? RequiredPrivileges
            : [.. RequiredPrivileges, TcbPrivilege]);

    /// <summary>
    /// The hosting described by the output of <c>sc.exe qc WinRM</c> and <c>sc.exe qprivs WinRM</c>, or null when the
    /// first has no TYPE line. TYPE is hex (10 own process, 20 shared, plus 100 when interactive); the field names and
    /// the account and privilege names are not localized.
    /// </summary>
    /// <param name="qcOutput">What <c>sc.exe qc</c> printed.</param>
    /// <param name="qprivsOutput">What <c>sc.exe qprivs</c> printed.</param>
    public static WinRMServiceHosting? Parse(string qcOutput, string qprivsOutput)
    {
        ArgumentNullException.ThrowIfNull(qcOutput);
        ArgumentNullException.ThrowIfNull(qprivsOutput);
        return ServiceControlOutput.ParseServiceType(qcOutput) is int type
            ? new WinRMServiceHosting(ServiceControlOutput.IsOwnProcess(type), ServiceControlOutput.ParseStartName(qcOutput), ServiceControlOutput.ParsePrivileges(qprivsOutput))
            : null;
    }

    /// <summary>For messages: "shares a service host, runs as NT AUTHORITY\NetworkService, without SeTcbPrivilege".</summary>
    public string Describe() =>
        $"{(OwnProcess ? "runs in its own service host" : "shares a service host")}, runs as {Account ?? "an unknown account"}, {(HasTcbPrivilege ? "with" : "without")} {TcbPrivilege}";
}
