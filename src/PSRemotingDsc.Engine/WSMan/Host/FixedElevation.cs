namespace PSRemotingDsc.WSMan.Host;

/// <summary>An elevation answer given as data (tests, planning against an image).</summary>
public sealed record FixedElevation(bool IsElevated) : IElevation;
