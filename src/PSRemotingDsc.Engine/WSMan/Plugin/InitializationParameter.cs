namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// One <c>&lt;Param Name='…' Value='…' /&gt;</c> of <c>InitializationParameters</c>. <see cref="Value"/> is the
/// unescaped text (for <c>sessionconfigurationdata</c> it is the XML fragment PowerShell escapes once).
/// </summary>
/// <param name="Name">The parameter name as written; looked up ignoring case.</param>
/// <param name="Value">The unescaped value.</param>
public sealed record InitializationParameter(string Name, string Value);
