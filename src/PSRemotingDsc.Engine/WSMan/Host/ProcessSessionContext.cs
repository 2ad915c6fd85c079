namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Detects a WinRM-hosted caller from this process's ancestry: WinRM runs every PowerShell remoting session in a
/// <c>wsmprovhost.exe</c> process, so a psremotingdsc started from such a session (directly, or through dsc.exe or
/// pwsh) has it as an ancestor. The parent chain is read from a Toolhelp32 process snapshot (AOT-safe P/Invoke) and
/// walked at most <see cref="MaxDepth"/> steps.
/// </summary>
/// <remarks>
/// <para>Override: when the environment variable <see cref="EndpointOverrideVariable"/> is set and not empty, its
/// value is taken as the name of the endpoint carrying the session (and the process counts as inside one). It lets
/// a caller that knows <c>$PSSenderInfo.ConfigurationName</c> pass it down, and lets tests simulate a session.</para>
/// <para>Limits: a process whose parent exited is re-parented to nothing, so the chain can break early (a miss);
/// Windows reuses process ids, so a long-gone parent's id may now name another process (a false alarm, which only
/// asks for <c>force</c>). Off Windows there is no WinRM and the answer is "not inside" unless overridden.</para>
/// </remarks>
public sealed class ProcessSessionContext : IRemotingSessionContext
{
    /// <summary>
    /// The environment variable that names the endpoint carrying the session; set and not blank, it overrides the
    /// ancestry check (its value is trimmed).
    /// </summary>
    public const string EndpointOverrideVariable = "PSREMOTINGDSC_SESSION_ENDPOINT";

    /// <summary>The executable WinRM runs each PowerShell remoting session in; compared ignoring case.</summary>
    public const string WinRMHostProcessName = "wsmprovhost.exe";

    /// <summary>The most parent links followed from this process before giving up (a miss).</summary>
    public const int MaxDepth = 64;

    private readonly Lazy<(bool Inside, string? Endpoint, string Evidence)> _answer;

    /// <summary>
    /// The context of the current process. Nothing is read until a property is first used; the answer is then
    /// kept for the life of the object.
    /// </summary>
    public ProcessSessionContext()
        : this(Environment.GetEnvironmentVariable, Environment.ProcessId, ReadProcessTable)
    {
    }

    internal ProcessSessionContext(Func<string, string?> getEnvironmentVariable, int processId, Func<IReadOnlyDictionary<int, ProcessEntry>> readProcessTable)
    {
        _answer = new(() => Detect(getEnvironmentVariable, processId, readProcessTable));
    }

    /// <inheritdoc />
    public bool IsInsideWinRMSession => _answer.Value.Inside;

    /// <inheritdoc />
    /// <remarks>Known only from <see cref="EndpointOverrideVariable"/>; the ancestry check never finds a name.</remarks>
    public string? EndpointName => _answer.Value.Endpoint;

    /// <inheritdoc />
    public string Evidence => _answer.Value.Evidence;

    /// <summary>One row of the process table: parent id and executable file name.</summary>
    internal readonly record struct ProcessEntry(int ParentId, string ExecutableName);

    /// <summary>The nearest ancestor of <paramref name="processId"/> named <paramref name="executableName"/>, or null; never more than <see cref="MaxDepth"/> steps, never loops.</summary>
    internal static int? FindAncestor(IReadOnlyDictionary<int, ProcessEntry> table, int processId, string executableName)
    {
        var seen = new HashSet<int> { processId };
        int current = processId;
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            if (!table.TryGetValue(current, out ProcessEntry entry) || entry.ParentId == 0 || !seen.Add(entry.ParentId))
            {
                return null;
            }

            current = entry.ParentId;
            if (table.TryGetValue(current, out ProcessEntry parent) && string.Equals(parent.ExecutableName, executableName, StringComparison.OrdinalIgnoreCase))
            {
                return current;
            }
        }

        return null;
    }

    private static (bool, string?, string) Detect(Func<string, string?> getEnvironmentVariable, int processId, Func<IReadOnlyDictionary<int, ProcessEntry>> readProcessTable)
    {
        string? overridden = getEnvironmentVariable(EndpointOverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return (true, overridden.Trim(), EndpointOverrideVariable);
        }

        IReadOnlyDictionary<int, ProcessEntry> table = readProcessTable();
        if (FindAncestor(table, processId, WinRMHostProcessName) is int host)
        {
            return (true, null, $"ancestor {WinRMHostProcessName} (PID {host})");
        }

        return (false, null, table.Count == 0 ? "no process table on this platform" : $"no {WinRMHostProcessName} among the ancestors");
    }

    private static IReadOnlyDictionary<int, ProcessEntry> ReadProcessTable() =>
        OperatingSystem.IsWindows() ? WindowsProcessTable.Read() : new Dictionary<int, ProcessEntry>();
}
