namespace PSRemotingDsc.WSMan.Security;

/// <summary>What writing an <see cref="Endpoints.AccessMode"/> produces: the plugin's security descriptor and its <c>Enabled</c> flag.</summary>
/// <param name="SecurityDescriptor">The plugin's descriptor after the change, canonical.</param>
/// <param name="Enabled">The value for the plugin's <c>Enabled</c> attribute: false only for <see cref="Endpoints.AccessMode.Disabled"/>.</param>
public sealed record AccessModeOutcome(SecurityDescriptor SecurityDescriptor, bool Enabled);
