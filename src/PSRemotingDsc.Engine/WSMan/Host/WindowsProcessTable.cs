using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>Every process's id, parent id and executable name, from a Toolhelp32 snapshot.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class WindowsProcessTable
{
    private const uint SnapProcess = 0x00000002; // TH32CS_SNAPPROCESS
    private const int MaxPath = 260;
    private const int MaxProcesses = 1_000_000; // a bound on the walk, far above any real table

    /// <summary>PROCESSENTRY32W (tlhelp32.h).</summary>
    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    private struct ProcessEntry32W
    {
        public uint Size;
        public uint Usage;
        public uint ProcessId;
        public nuint DefaultHeapId;
        public uint ModuleId;
        public uint Threads;
        public uint ParentProcessId;
        public int PriorityClassBase;
        public uint Flags;
        public fixed char ExeFile[MaxPath];
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial nint CreateToolhelp32Snapshot(uint flags, uint processId);

    [LibraryImport("kernel32.dll", EntryPoint = "Process32FirstW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool Process32First(nint snapshot, ProcessEntry32W* entry);

    [LibraryImport("kernel32.dll", EntryPoint = "Process32NextW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool Process32Next(nint snapshot, ProcessEntry32W* entry);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CloseHandle(nint handle);

    /// <summary>The table; empty when the snapshot cannot be taken (the caller then sees "not inside").</summary>
    internal static IReadOnlyDictionary<int, ProcessSessionContext.ProcessEntry> Read()
    {
        var table = new Dictionary<int, ProcessSessionContext.ProcessEntry>();
        nint snapshot = CreateToolhelp32Snapshot(SnapProcess, 0);
        if (snapshot == -1 || snapshot == 0)
        {
            return table;
        }

        try
        {
            ProcessEntry32W entry = default;
            entry.Size = (uint)sizeof(ProcessEntry32W);
            bool more = Process32First(snapshot, &entry);
            for (int i = 0; more && i < MaxProcesses; i++)
            {
                string name = new string(entry.ExeFile, 0, MaxPath).Split('\0', 2)[0];
                table[(int)entry.ProcessId] = new((int)entry.ParentProcessId, name);
                entry.Size = (uint)sizeof(ProcessEntry32W);
                more = Process32Next(snapshot, &entry);
            }
        }
        finally
        {
            CloseHandle(snapshot);
        }

        return table;
    }
}
