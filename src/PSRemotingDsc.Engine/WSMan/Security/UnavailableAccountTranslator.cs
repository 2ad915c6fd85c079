namespace PSRemotingDsc.WSMan.Security;

/// <summary>Where account names cannot be looked up (a machine image, a system that is not Windows): every translation fails.</summary>
public sealed class UnavailableAccountTranslator : IAccountTranslator
{
    /// <summary>The one instance.</summary>
    public static UnavailableAccountTranslator Instance { get; } = new();

    private UnavailableAccountTranslator()
    {
    }

    /// <inheritdoc/>
    public string Description => "nowhere: account names cannot be translated to SIDs here (not Windows, or a machine image)";

    /// <inheritdoc/>
    public bool IsAvailable => false;

    /// <inheritdoc/>
    public Sid? Translate(string account, out string? problem)
    {
        problem = "account names cannot be translated to SIDs here (not Windows, or a machine image)";
        return null;
    }
}
