using PSRemotingDsc.PowerShell.MachineConfiguration;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.PowerShell.Tests.MachineConfiguration;

/// <summary>
/// The input behind examples/machine-configuration/: the configuration of PSRemotingEndpoint.ps1 as
/// <see cref="MofWriter"/> takes it, with fixed user, time and host so that the committed MOF can be compared byte for byte.
/// </summary>
internal static class MachineConfigurationExample
{
    public const string Name = "PSRemotingSsh";

    public const string ModuleName = "PSRemotingDsc";

    public const string ModuleVersion = "0.1.0";

    public static string Directory => Path.Join(RepositoryPaths.Examples, "machine-configuration");

    public static string MofPath => Path.Join(Directory, Name + ".mof");

    public static MofMetadata Metadata { get; } = new("psremotingdsc", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), "build-host");

    public static IReadOnlyList<MofResource> Resources { get; } =
    [
        MofResource.Create(
            "PSRemotingEndpoint",
            "PowerShell7",
            ModuleName,
            ModuleVersion,
            [
                new MofProperty("Version", MofValue.FromText("7")),
                new MofProperty("Transport", MofValue.FromText("SSH")),
                new MofProperty("Ensure", MofValue.FromText("Present")),
            ]),
    ];

    public static string Mof() => MofWriter.Write(Name, Resources, Metadata);
}
