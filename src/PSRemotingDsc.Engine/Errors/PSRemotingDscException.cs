namespace PSRemotingDsc.Errors;

/// <summary>
/// An error the user can act on. <see cref="Error"/> is its row in the error table (<see cref="ErrorIds"/>),
/// which gives the stable <see cref="ErrorId"/> (like PowerShell's FullyQualifiedErrorId) and the
/// <see cref="ExitCode"/> that decides the process exit code. A throw site names only the row and the message.
/// </summary>
public sealed class PSRemotingDscException : Exception
{
    public PSRemotingDscException(ErrorDefinition error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public PSRemotingDscException()
        : this(ErrorIds.Unexpected, "Unexpected error.")
    {
    }

    public PSRemotingDscException(string message)
        : this(ErrorIds.Unexpected, message)
    {
    }

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
