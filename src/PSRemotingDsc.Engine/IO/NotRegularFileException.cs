namespace PSRemotingDsc.IO;

/// <summary>A path that must name a regular file names something else; nothing was read from it.</summary>
public sealed class NotRegularFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>, with a message that says what it names instead.</summary>
    /// <param name="path">The path as the caller gave it.</param>
    /// <param name="kind">What the path names instead of a regular file.</param>
    public NotRegularFileException(string path, FileKind kind)
        : base($"'{path}' is {kind.Describe()}, not a regular file.")
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>Creates the exception with an empty <see cref="Path"/> and <see cref="FileKind.Other"/> as <see cref="Kind"/>.</summary>
    public NotRegularFileException()
        : this(string.Empty, FileKind.Other)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>; <see cref="Path"/> is empty and <see cref="Kind"/> is <see cref="FileKind.Missing"/> (its default).</summary>
    /// <param name="message">The message.</param>
    public NotRegularFileException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the error that caused it; <see cref="Path"/> is empty and <see cref="Kind"/> is <see cref="FileKind.Missing"/> (its default).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public NotRegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The path as the caller gave it; empty when the exception was made from a message alone.</summary>
    public string Path { get; }

    /// <summary>What the path names instead.</summary>
    public FileKind Kind { get; }
}
