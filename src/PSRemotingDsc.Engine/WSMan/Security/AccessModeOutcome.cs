namespace PSRemotingDsc.WSMan.Security;

/// <summary>What writing an <see cref="AccessMode"/> produces: the plugin's security descriptor and its <c>Enabled</c> flag.</summary>
public sealed record AccessModeOutcome(SecurityDescriptor SecurityDescriptor, bool Enabled);
