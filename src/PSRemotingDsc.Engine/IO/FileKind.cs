namespace PSRemotingDsc.IO;

/// <summary>What a path names, symbolic links followed unless the caller asked otherwise.</summary>
public enum FileKind
{
    /// <summary>
    /// Nothing: the path does not exist, a component of it is not a directory, or it is a symbolic link whose
    /// target does not exist (or a chain of links that loops).
    /// </summary>
    Missing,

    /// <summary>A regular file, the only kind <see cref="RegularFile"/> reads.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link itself; reported only when links are not followed.</summary>
    SymbolicLink,

    /// <summary>A character device such as <c>/dev/zero</c>, or on Windows a <c>\\.\</c> device path; reading one may never end.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A FIFO (named pipe); opening one without a writer blocks forever.</summary>
    Fifo,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A file type none of the other values describes.</summary>
    Other,
}
