using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// The <c>&lt;Quotas … /&gt;</c> of a plugin. A null quota is not set (WinRM then applies its own default).
/// Values are <see cref="long"/> so that an out-of-range value read from WinRM is kept and reported, not wrapped.
/// </summary>
public sealed class PluginQuotas
{
    /// <summary>The attribute name of <see cref="IdleTimeoutms"/>.</summary>
    public const string IdleTimeoutmsName = "IdleTimeoutms";

    /// <summary>The attribute name of <see cref="MaxConcurrentUsers"/>.</summary>
    public const string MaxConcurrentUsersName = "MaxConcurrentUsers";

    /// <summary>The attribute name of <see cref="MaxProcessesPerShell"/>.</summary>
    public const string MaxProcessesPerShellName = "MaxProcessesPerShell";

    /// <summary>The attribute name of <see cref="MaxMemoryPerShellMB"/>.</summary>
    public const string MaxMemoryPerShellMBName = "MaxMemoryPerShellMB";

    /// <summary>The attribute name of <see cref="MaxShellsPerUser"/>.</summary>
    public const string MaxShellsPerUserName = "MaxShellsPerUser";

    /// <summary>The attribute name of <see cref="MaxConcurrentCommandsPerShell"/>.</summary>
    public const string MaxConcurrentCommandsPerShellName = "MaxConcurrentCommandsPerShell";

    /// <summary>The attribute name of <see cref="MaxShells"/>.</summary>
    public const string MaxShellsName = "MaxShells";

    /// <summary>The attribute name of <see cref="MaxIdleTimeoutms"/>.</summary>
    public const string MaxIdleTimeoutmsName = "MaxIdleTimeoutms";

    /// <summary>
    /// <c>int.MaxValue</c>: PowerShell's "unbounded" default for every quota but IdleTimeoutms
    /// (NewPSSessionConfigurationOptionCommand.cs, <c>Default…</c> fields).
    /// </summary>
    public const long Unbounded = int.MaxValue;

    private readonly Dictionary<string, long> values = new(StringComparer.Ordinal);

    /// <summary>The quota names in the order PowerShell writes them (<c>WSManConfigurationOption.ConstructQuotas</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        IdleTimeoutmsName,
        MaxConcurrentUsersName,
        MaxProcessesPerShellName,
        MaxMemoryPerShellMBName,
        MaxShellsPerUserName,
        MaxConcurrentCommandsPerShellName,
        MaxShellsName,
        MaxIdleTimeoutmsName,
    ];

    /// <summary>Attributes of <c>Quotas</c> other than <see cref="Names"/> (MaxConcurrentOperationsPerUser…), kept for the round trip.</summary>
    public IList<XAttribute> AdditionalAttributes { get; } = [];

    /// <summary>True when no quota of <see cref="Names"/> is set and there are no additional attributes.</summary>
    public bool IsEmpty => values.Count == 0 && AdditionalAttributes.Count == 0;

    /// <summary>Milliseconds a session may stay idle before WinRM closes it (PowerShell's default 7200000, two hours); null when not set.</summary>
    public long? IdleTimeoutms { get => this[IdleTimeoutmsName]; set => this[IdleTimeoutmsName] = value; }

    /// <summary>How many users may have sessions on the endpoint at the same time; null when not set.</summary>
    public long? MaxConcurrentUsers { get => this[MaxConcurrentUsersName]; set => this[MaxConcurrentUsersName] = value; }

    /// <summary>How many processes one session may run at the same time; null when not set.</summary>
    public long? MaxProcessesPerShell { get => this[MaxProcessesPerShellName]; set => this[MaxProcessesPerShellName] = value; }

    /// <summary>The memory one session may use, child processes included, in megabytes; null when not set.</summary>
    public long? MaxMemoryPerShellMB { get => this[MaxMemoryPerShellMBName]; set => this[MaxMemoryPerShellMBName] = value; }

    /// <summary>How many sessions one user may have open on the endpoint at the same time; null when not set.</summary>
    public long? MaxShellsPerUser { get => this[MaxShellsPerUserName]; set => this[MaxShellsPerUserName] = value; }

    /// <summary>How many commands may run at the same time in one session; null when not set.</summary>
    public long? MaxConcurrentCommandsPerShell { get => this[MaxConcurrentCommandsPerShellName]; set => this[MaxConcurrentCommandsPerShellName] = value; }

    /// <summary>How many sessions may be open on the endpoint at the same time, all users together; null when not set.</summary>
    public long? MaxShells { get => this[MaxShellsName]; set => this[MaxShellsName] = value; }

    /// <summary>The longest idle timeout, in milliseconds, a client may ask for (for example for a disconnected session); null when not set.</summary>
    public long? MaxIdleTimeoutms { get => this[MaxIdleTimeoutmsName]; set => this[MaxIdleTimeoutmsName] = value; }

    /// <summary>A quota by its exact attribute name (one of <see cref="Names"/>); null when not set.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public long? this[string name]
    {
        get => values.TryGetValue(CheckName(name), out long value) ? value : null;
        set
        {
            CheckName(name);
            if (value is long set)
            {
                values[name] = set;
            }
            else
            {
                values.Remove(name);
            }
        }
    }

    /// <summary>
    /// What <c>Register-PSSessionConfiguration</c> writes in PowerShell 7.4–7.6
    /// (<c>WSManConfigurationOption.LoadFromDefaults</c>): IdleTimeoutms 7200000 (7200 s × 1000), every other quota
    /// <see cref="Unbounded"/>; MaxIdleTimeoutms is written as int.MaxValue, not multiplied.
    /// </summary>
    public static PluginQuotas CreateRegisterDefaults() => new()
    {
        IdleTimeoutms = 7_200_000,
        MaxConcurrentUsers = Unbounded,
        MaxProcessesPerShell = Unbounded,
        MaxMemoryPerShellMB = Unbounded,
        MaxShellsPerUser = Unbounded,
        MaxConcurrentCommandsPerShell = Unbounded,
        MaxShells = Unbounded,
        MaxIdleTimeoutms = Unbounded,
    };

    /// <summary>
    /// <see cref="CreateRegisterDefaults"/> as <c>Enable-PSRemoting</c> leaves them: its <c>Register-Endpoint</c> then
    /// sets MaxShellsPerUser to 25 and MaxIdleTimeoutms to 2147483647 (CustomShellCommands.cs ~4736).
    /// </summary>
    public static PluginQuotas CreateEnablePSRemotingDefaults()
    {
        var quotas = CreateRegisterDefaults();
        quotas.MaxShellsPerUser = 25;
        quotas.MaxIdleTimeoutms = int.MaxValue;
        return quotas;
    }

    /// <summary>The quotas that are set, in <see cref="Names"/> order.</summary>
    public IEnumerable<KeyValuePair<string, long>> GetSetQuotas()
    {
        foreach (string name in Names)
        {
            if (values.TryGetValue(name, out long value))
            {
                yield return new(name, value);
            }
        }
    }

    private static string CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a WinRM plugin quota. Use one of: {string.Join(", ", Names)}.", nameof(name));
        }

        return name;
    }
}
