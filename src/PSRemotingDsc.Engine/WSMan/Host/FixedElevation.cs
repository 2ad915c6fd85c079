namespace PSRemotingDsc.WSMan.Host;

/// <summary>An elevation answer given as data (tests, planning against an image).</summary>
/// <param name="IsElevated">The answer <see cref="IElevation.IsElevated"/> gives.</param>
public sealed record FixedElevation(bool IsElevated) : IElevation;
