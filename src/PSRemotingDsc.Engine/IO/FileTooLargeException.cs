namespace PSRemotingDsc.IO;

/// <summary>A file is larger than the caller reads; nothing was read from it.</summary>
public sealed class FileTooLargeException : IOException
{
    public FileTooLargeException(string path, long size, long limit)
        : base($"'{path}' has {size:N0} bytes; at most {limit:N0} are read.")
    {
        Path = path;
        Size = size;
        Limit = limit;
    }

    public FileTooLargeException()
        : this(string.Empty, 0, 0)
    {
    }

    public FileTooLargeException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    public FileTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public string Path { get; }

    public long Size { get; }

    public long Limit { get; }
}
