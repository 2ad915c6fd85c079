namespace PSRemotingDsc.Ssh;

/// <summary>Checks an sshd configuration file the way sshd itself would read it.</summary>
public interface ISshdValidator
{
    /// <summary>Validates the file at <paramref name="configPath"/>; never changes it.</summary>
    SshdValidationResult Validate(string configPath);
}
