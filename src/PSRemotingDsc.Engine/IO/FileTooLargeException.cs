namespace PSRemotingDsc.IO;

/// <summary>A file is larger than the caller reads; nothing was read from it.</summary>
public sealed class FileTooLargeException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>, with a message that gives both sizes.</summary>
    /// <param name="path">The file that was refused, as the caller named it.</param>
    /// <param name="size">The file's size in bytes, or the bytes read so far when it grew past the limit while being read.</param>
    /// <param name="limit">The most bytes the caller reads.</param>
    public FileTooLargeException(string path, long size, long limit)
        : base($"'{path}' has {size:N0} bytes; at most {limit:N0} are read.")
    {
        Path = path;
        Size = size;
        Limit = limit;
    }

    /// <summary>Creates the exception with an empty <see cref="Path"/> and sizes of 0.</summary>
    public FileTooLargeException()
        : this(string.Empty, 0, 0)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, an empty <see cref="Path"/> and sizes of 0.</summary>
    /// <param name="message">The message.</param>
    public FileTooLargeException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the error that caused it; <see cref="Path"/> is empty and the sizes are 0.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public FileTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The file that was refused, as the caller named it; empty when the exception was made from a message alone.</summary>
    public string Path { get; }

    /// <summary>
    /// The file's size in bytes; when the file grew past the limit while being read, the bytes read so far
    /// (<see cref="Limit"/> + 1). 0 when not known.
    /// </summary>
    public long Size { get; }

    /// <summary>The most bytes the caller reads from the file; 0 when not known.</summary>
    public long Limit { get; }
}
