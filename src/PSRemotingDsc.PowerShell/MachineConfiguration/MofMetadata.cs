using System.Globalization;

namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>
/// What PSDesiredStateConfiguration takes from the machine that compiles a configuration and writes into the MOF
/// header and its <c>OMI_ConfigurationDocument</c>: the user, the time, the host and the target node. Passed in, so
/// that a test or a reproducible build gets the same bytes every time.
/// </summary>
/// <param name="GeneratedBy">The user name (<c>@GeneratedBy</c>, <c>Author</c>); PSDesiredStateConfiguration uses <see cref="Environment.UserName"/>.</param>
/// <param name="GenerationDate">The time (<c>@GenerationDate</c>, <c>GenerationDate</c>), written as <c>MM/dd/yyyy HH:mm:ss</c> like PowerShell's <c>"$(Get-Date)"</c>; also the time stamp of every package entry.</param>
/// <param name="GenerationHost">The computer name (<c>@GenerationHost</c>, <c>GenerationHost</c>); PSDesiredStateConfiguration uses <see cref="Environment.MachineName"/>.</param>
/// <param name="TargetNode">The node the document is for (<c>@TargetNode</c>); <c>localhost</c> for a configuration without a node block, which is what machine configuration takes.</param>
public sealed record MofMetadata(string GeneratedBy, DateTime GenerationDate, string GenerationHost, string TargetNode = "localhost")
{
    /// <summary>The metadata PSDesiredStateConfiguration would write in this process now: user, local time, host, <c>localhost</c>.</summary>
    public static MofMetadata ForCurrentProcess() =>
        new(Environment.UserName, DateTime.Now, Environment.MachineName);

    /// <summary>The date as PowerShell renders a <see cref="DateTime"/> in a string: invariant culture, <c>MM/dd/yyyy HH:mm:ss</c>.</summary>
    internal string GenerationDateText => GenerationDate.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
