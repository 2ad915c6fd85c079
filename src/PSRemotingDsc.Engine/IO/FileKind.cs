namespace PSRemotingDsc.IO;

/// <summary>What a path names, symbolic links followed unless the caller asked otherwise.</summary>
public enum FileKind
{
    /// <summary>Nothing, or a symbolic link whose target does not exist.</summary>
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}
