namespace PSRemotingDsc.IO;

/// <summary>A path that must name a regular file names something else; nothing was read from it.</summary>
public sealed class NotRegularFileException : IOException
{
    public NotRegularFileException(string path, FileKind kind)
        : base($"'{path}' is {kind.Describe()}, not a regular file.")
    {
        Path = path;
        Kind = kind;
    }

    public NotRegularFileException()
        : this(string.Empty, FileKind.Other)
    {
    }

    public NotRegularFileException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public NotRegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>What the path names instead.</summary>
    public FileKind Kind { get; }
}
