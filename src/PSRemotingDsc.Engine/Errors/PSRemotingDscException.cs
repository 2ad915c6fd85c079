namespace PSRemotingDsc.Errors;

/// <summary>
/// An error the user can act on. <see cref="Error"/> is its row in the error table (<see cref="ErrorIds"/>),
/// which gives the stable <see cref="ErrorId"/> (like PowerShell's FullyQualifiedErrorId) and the
/// <see cref="ExitCode"/> that decides the process exit code. A throw site names only the row and the message.
/// </summary>
public sealed class PSRemotingDscException : Exception
{
    /// <summary>Creates an error from a row of the error table; the usual way to throw.</summary>
    /// <param name="error">The row of <see cref="ErrorIds"/> that names this error and its exit code.</param>
    /// <param name="message">What was wrong and what to do, naming the file and line where there is one.</param>
    /// <param name="innerException">The error that caused this one, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public PSRemotingDscException(ErrorDefinition error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates an <see cref="ErrorIds.Unexpected"/> error with the message "Unexpected error."</summary>
    public PSRemotingDscException()
        : this(ErrorIds.Unexpected, "Unexpected error.")
    {
    }

    /// <summary>Creates an <see cref="ErrorIds.Unexpected"/> error with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public PSRemotingDscException(string message)
        : this(ErrorIds.Unexpected, message)
    {
    }

    /// <summary>Creates an <see cref="ErrorIds.Unexpected"/> error with <paramref name="message"/> and the error that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public PSRemotingDscException(string message, Exception innerException)
        : this(ErrorIds.Unexpected, message, innerException)
    {
    }

    /// <summary>The row of the error table this error comes from.</summary>
    public ErrorDefinition Error { get; }

    /// <summary>The stable error ID, e.g. <c>SshdConfigLocked</c>.</summary>
    public string ErrorId => Error.Id;

    /// <summary>The exit code the process ends with, from the error table.</summary>
    public ExitCode ExitCode => Error.ExitCode;
}
