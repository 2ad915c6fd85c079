namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>
/// The starting state of a case: a copy of one sshd_config fixture (<see cref="SshdConfigFixture"/>, a file name in
/// tests/fixtures/sshd_config) and a WSMan machine image, empty or provisioned with every WSMan example instance.
/// </summary>
internal sealed record GoldenTarget(string SshdConfigFixture, bool ProvisionedImage)
{
    public const string DefaultFixture = "debian12-default.sshd_config";

    public static GoldenTarget Ssh(string fixture) => new(fixture, ProvisionedImage: false);

    public static GoldenTarget EmptyImage { get; } = new(DefaultFixture, ProvisionedImage: false);

    public static GoldenTarget ProvisionedImageTarget { get; } = new(DefaultFixture, ProvisionedImage: true);
}
