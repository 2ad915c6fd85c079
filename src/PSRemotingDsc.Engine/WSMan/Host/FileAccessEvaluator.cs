namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Decides, from a file's ACEs, whether a non-admin member of BUILTIN\Users or of Remote Management Users can
/// open it the way ConfigFileReader does (GENERIC_READ | GENERIC_WRITE). A member's token is taken to hold the group
/// SID plus Everyone (S-1-1-0) and Authenticated Users (S-1-5-11); deny ACEs win (canonical order).
/// </summary>
internal static class FileAccessEvaluator
{
    internal const string UsersSid = "S-1-5-32-545";
    internal const string RemoteManagementUsersSid = "S-1-5-32-580";
    internal const string EveryoneSid = "S-1-1-0";
    internal const string AuthenticatedUsersSid = "S-1-5-11";

    /// <summary>FILE_GENERIC_READ: READ_DATA, READ_EA, READ_ATTRIBUTES, READ_CONTROL, SYNCHRONIZE.</summary>
    internal const int FileGenericRead = 0x120089;

    /// <summary>FILE_GENERIC_WRITE: WRITE_DATA, APPEND_DATA, WRITE_EA, WRITE_ATTRIBUTES, READ_CONTROL, SYNCHRONIZE.</summary>
    internal const int FileGenericWrite = 0x120116;

    private const int FileAllAccess = 0x1F01FF;
    private const int GenericAll = 0x10000000;
    private const int GenericExecute = 0x20000000;
    private const int GenericWrite = 0x40000000;
    private const int GenericRead = unchecked((int)0x80000000);
    private const int FileGenericExecute = 0x1200A0;

    internal static readonly (string Sid, string Name)[] Principals =
    [
        (UsersSid, "Users"),
        (RemoteManagementUsersSid, "Remote Management Users"),
    ];

    /// <summary>An access control entry that applies to the file itself (inherit-only entries already dropped).</summary>
    internal readonly record struct FileAce(string Sid, bool Allow, int Mask);

    internal static IReadOnlyList<MissingFileAccess> Evaluate(string path, IEnumerable<FileAce> aces)
    {
        List<FileAce> entries = aces.ToList();
        var missing = new List<MissingFileAccess>();
        foreach ((string sid, string name) in Principals)
        {
            string[] token = [sid, EveryoneSid, AuthenticatedUsersSid];
            int allowed = 0, denied = 0;
            foreach (FileAce ace in entries.Where(a => token.Contains(a.Sid, StringComparer.OrdinalIgnoreCase)))
            {
                if (ace.Allow)
                {
                    allowed |= MapGeneric(ace.Mask);
                }
                else
                {
                    denied |= MapGeneric(ace.Mask);
                }
            }

            int effective = allowed & ~denied;
            if ((effective & FileGenericRead) != FileGenericRead)
            {
                missing.Add(new MissingFileAccess(sid, name, "read", path));
            }

            if ((effective & FileGenericWrite) != FileGenericWrite)
            {
                missing.Add(new MissingFileAccess(sid, name, "write", path));
            }
        }

        return missing;
    }

    private static int MapGeneric(int mask)
    {
        int mapped = mask & 0x0FFFFFFF & ~0x0E000000;
        if ((mask & GenericAll) != 0)
        {
            mapped |= FileAllAccess;
        }

        if ((mask & GenericRead) != 0)
        {
            mapped |= FileGenericRead;
        }

        if ((mask & GenericWrite) != 0)
        {
            mapped |= FileGenericWrite;
        }

        if ((mask & GenericExecute) != 0)
        {
            mapped |= FileGenericExecute;
        }

        return mapped;
    }
}
