namespace PSRemotingDsc.IO;

/// <summary>Words for a <see cref="FileKind"/> in messages.</summary>
public static class FileKindNames
{
    /// <summary>"a character device", "a FIFO (named pipe)", ...</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
