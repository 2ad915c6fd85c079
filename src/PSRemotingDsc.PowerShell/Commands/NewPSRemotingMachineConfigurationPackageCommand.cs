using System.Collections;
using System.Globalization;
using System.Management.Automation;
using PSRemotingDsc.PowerShell.DscResources;
using PSRemotingDsc.PowerShell.MachineConfiguration;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>
/// New-PSRemotingMachineConfigurationPackage: writes an Azure Machine Configuration package (<c>&lt;Name&gt;.zip</c>:
/// the MOF, the metaconfig and this module) for <c>PSRemotingEndpoint</c> instances, without PSDesiredStateConfiguration
/// or GuestConfiguration, laid out as <c>New-GuestConfigurationPackage</c> lays it out.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSRemotingMachineConfigurationPackage", SupportsShouldProcess = true)]
[OutputType(typeof(MachineConfigurationPackageResult))]
public sealed class NewPSRemotingMachineConfigurationPackageCommand : PSCmdlet
{
    private const string InstanceNameKey = "InstanceName";

    /// <summary>The package name: the zip's and the MOF's file name, the configuration name and the assignment name.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// One hashtable per <c>PSRemotingEndpoint</c> instance, with its properties (<c>@{ Version = '7'; Transport = 'SSH' }</c>)
    /// and optionally <c>InstanceName</c>, the configuration block's name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public Hashtable[] Endpoint { get; set; } = [];

    /// <summary>Audit (report only) or AuditAndSet (a policy may also apply it).</summary>
    [Parameter]
    public PackageType Type { get; set; } = PackageType.AuditAndSet;

    /// <summary>The folder the zip is written to; the current location when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The package version in the metaconfig.</summary>
    [Parameter]
    [ValidatePattern(@"^\d+\.\d+\.\d+$")]
    public string PackageVersion { get; set; } = "1.0.0";

    /// <summary>How often, in minutes, Machine Configuration evaluates the package (15 or more).</summary>
    [Parameter]
    [ValidateRange(15, 1440)]
    public int FrequencyMinutes { get; set; } = 15;

    /// <summary>Replaces a package of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Checks the instances, writes the package and its SHA256.</summary>
    protected override void EndProcessing()
    {
        // The folder the module was imported from (a host may have loaded this assembly from elsewhere first).
        string moduleDirectory = MyInvocation.MyCommand.Module?.ModuleBase
            ?? System.IO.Path.GetDirectoryName(typeof(NewPSRemotingMachineConfigurationPackageCommand).Assembly.Location)!;
        string moduleVersion = typeof(NewPSRemotingMachineConfigurationPackageCommand).Assembly.GetName().Version!.ToString(3);
        string outputDirectory = GetUnresolvedProviderPathFromPSPath(Path ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath);
        var resources = new List<MofResource>();
        try
        {
            for (int index = 0; index < Endpoint.Length; index++)
            {
                resources.Add(ToResource(Endpoint[index], index, moduleVersion));
            }

            string zip = System.IO.Path.Join(outputDirectory, Name + ".zip");
            if (!ShouldProcess(zip, $"Write the {Type} machine configuration package with {resources.Count} PSRemotingEndpoint instance(s)"))
            {
                return;
            }

            MachineConfigurationPackageResult result = MachineConfigurationPackage.Write(Name, Type, moduleDirectory, outputDirectory, resources, MofMetadata.ForCurrentProcess(),
                new MachineConfigurationPackageOptions { Version = PackageVersion, FrequencyMinutes = FrequencyMinutes, Overwrite = Force });
            WriteObject(result);
        }
        catch (ArgumentException exception)
        {
            ThrowTerminatingError(new ErrorRecord(exception, "PackageInputInvalid", ErrorCategory.InvalidArgument, Endpoint));
        }
        catch (IOException exception)
        {
            ThrowTerminatingError(new ErrorRecord(exception, "PackageWriteFailed", ErrorCategory.WriteError, outputDirectory));
        }
        catch (UnauthorizedAccessException exception)
        {
            ThrowTerminatingError(new ErrorRecord(exception, "PackageWriteDenied", ErrorCategory.PermissionDenied, outputDirectory));
        }
    }

    /// <summary>One instance, checked against the class: known properties, keys set, restricted values in the class's spelling.</summary>
    internal static MofResource ToResource(Hashtable endpoint, int index, string moduleVersion)
    {
        string position = $"Endpoint[{index}]";
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in endpoint)
        {
            properties[entry.Key?.ToString() ?? string.Empty] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
        }

        string? instanceName = properties.Remove(InstanceNameKey, out object? named) ? named?.ToString() : null;
        string[] unknown = [.. properties.Keys.Where(key => !PSRemotingEndpointClass.Configurable.Any(property => property.Name.Equals(key, StringComparison.OrdinalIgnoreCase)))];
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"{position} has the key(s) '{string.Join("', '", unknown)}', which PSRemotingEndpoint does not have. Use: {string.Join(", ", PSRemotingEndpointClass.Configurable.Select(property => property.Name))}, {InstanceNameKey}.");
        }

        foreach (string key in PSRemotingEndpointClass.Keys.Where(key => properties.GetValueOrDefault(key) is null or ""))
        {
            throw new ArgumentException($"{position} does not set {key}, a key property of PSRemotingEndpoint; every instance must set {string.Join(" and ", PSRemotingEndpointClass.Keys)}.");
        }

        string version = properties["Version"]!.ToString()!;
        if (!VersionSpec.TryParse(version, out _, out string? versionError))
        {
            throw new ArgumentException($"{position}: {versionError}");
        }

        var mofProperties = new List<MofProperty>();
        foreach ((string name, string[]? values) in PSRemotingEndpointClass.Configurable)
        {
            if (properties.GetValueOrDefault(name) is { } value)
            {
                mofProperties.Add(new MofProperty(name, ToMofValue(position, name, value, values)));
            }
        }

        instanceName ??= $"PowerShell{version}_{properties["Transport"]}";
        return MofResource.Create(PSRemotingEndpointClass.Name, instanceName, "PSRemotingDsc", moduleVersion, mofProperties);
    }

    private static MofValue ToMofValue(string position, string name, object value, string[]? accepted)
    {
        switch (value)
        {
            case bool flag:
                return MofValue.FromBoolean(flag);
            case SwitchParameter flag:
                return MofValue.FromBoolean(flag.IsPresent);
            case string text when accepted is not null:
                return MofValue.FromText(accepted.FirstOrDefault(candidate => candidate.Equals(text, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"{position}: {name} is '{text}'; use one of: {string.Join(", ", accepted)}."));
            case string text:
                return MofValue.FromText(text);
            case IDictionary:
                throw new ArgumentException($"{position}: {name} is a hashtable, which a package cannot carry yet (a MOF needs MSFT_KeyValuePair instances); leave {name} out, or compile the configuration with PSDesiredStateConfiguration.");
            case IEnumerable items:
                return MofValue.FromTextArray(items.Cast<object?>().Select(item => Convert.ToString(item is PSObject wrapped ? wrapped.BaseObject : item, CultureInfo.InvariantCulture) ?? string.Empty));
            default:
                return MofValue.FromText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }
}
