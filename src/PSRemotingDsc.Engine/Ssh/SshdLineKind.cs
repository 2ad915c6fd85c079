namespace PSRemotingDsc.Ssh;

/// <summary>What sshd makes of one line of sshd_config.</summary>
internal enum SshdLineKind
{
    /// <summary>Empty or only whitespace.</summary>
    Blank,

    /// <summary>First word starts with '#'.</summary>
    Comment,

    /// <summary>A keyword, with or without arguments.</summary>
    Directive,

    /// <summary>Anything else (for example a line starting with '='); kept verbatim and otherwise ignored.</summary>
    Other,
}
