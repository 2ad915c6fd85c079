namespace PSRemotingDsc.Errors;

/// <summary>
/// An error the user can act on. <see cref="ErrorId"/> is a stable identifier (like PowerShell's
/// FullyQualifiedErrorId), <see cref="ExitCode"/> decides the process exit code.
/// </summary>
public sealed class PSRemotingDscException : Exception
{
    public PSRemotingDscException(string errorId, ExitCode exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        ExitCode = exitCode;
    }

    public PSRemotingDscException()
        : this("Unexpected", ExitCode.UnexpectedError, "Unexpected error.")
    {
    }

    public PSRemotingDscException(string message)
        : this("Unexpected", ExitCode.UnexpectedError, message)
    {
    }

    public PSRemotingDscException(string message, Exception innerException)
        : this("Unexpected", ExitCode.UnexpectedError, message, innerException)
    {
    }

    public string ErrorId { get; }

    public ExitCode ExitCode { get; }
}
