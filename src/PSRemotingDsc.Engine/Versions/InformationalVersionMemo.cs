using System.Collections.Concurrent;

namespace PSRemotingDsc.Versions;

/// <summary>
/// The informational versions already read in this process, each valid while its file keeps its size and last write
/// time. A long-lived host (the PowerShell module, called every few minutes by Machine Configuration) then stats each
/// System.Management.Automation.dll instead of parsing its metadata again; a replaced or updated file is read anew.
/// </summary>
internal static class InformationalVersionMemo
{
    private const int Capacity = 256;
    private static readonly ConcurrentDictionary<string, (long Length, DateTime WrittenAt, string? Version)> s_read = new(StringComparer.Ordinal);

    public static string? GetOrRead(string assemblyPath, Func<string, string?> read)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(assemblyPath);
            if (!file.Exists)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return read(assemblyPath);
        }

        (long length, DateTime writtenAt) = (file.Length, file.LastWriteTimeUtc);
        if (s_read.TryGetValue(assemblyPath, out var known) && known.Length == length && known.WrittenAt == writtenAt)
        {
            return known.Version;
        }

        string? version = read(assemblyPath);
        if (s_read.Count >= Capacity)
        {
            s_read.Clear();
        }

        s_read[assemblyPath] = (length, writtenAt, version);
        return version;
    }
}
