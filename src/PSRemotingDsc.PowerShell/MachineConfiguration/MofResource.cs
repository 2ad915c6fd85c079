namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>
/// One resource instance of a MOF document, such as a <c>PSRemotingEndpoint</c> block of a DSC configuration: its
/// class and its properties in the order they are written, including the ones PSDesiredStateConfiguration adds
/// (<c>ResourceID</c>, <c>SourceInfo</c>, <c>ModuleName</c>, <c>ModuleVersion</c>). <c>ConfigurationName</c> is not
/// one of them: <see cref="MofWriter"/> appends it, as PSDesiredStateConfiguration does.
/// </summary>
public sealed class MofResource
{
    /// <summary>The property naming the instance, <c>[FriendlyName]InstanceName</c>.</summary>
    public const string ResourceIdProperty = "ResourceID";

    /// <summary>The property saying where the block was in the configuration script.</summary>
    public const string SourceInfoProperty = "SourceInfo";

    /// <summary>The property naming the module that implements the resource.</summary>
    public const string ModuleNameProperty = "ModuleName";

    /// <summary>The property giving the version of that module.</summary>
    public const string ModuleVersionProperty = "ModuleVersion";

    /// <summary>The property <see cref="MofWriter"/> appends to every resource instance.</summary>
    public const string ConfigurationNameProperty = "ConfigurationName";

    // Properties of OMI_BaseResource that this writer does not produce: a caller cannot smuggle them in either.
    private static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        ConfigurationNameProperty, "DependsOn", "PsDscRunAsCredential",
    };

    private MofResource(string className, IReadOnlyList<MofProperty> properties, string resourceId, string moduleName, string moduleVersion)
    {
        ClassName = className;
        Properties = properties;
        ResourceId = resourceId;
        ModuleName = moduleName;
        ModuleVersion = moduleVersion;
    }

    /// <summary>The CIM class of the instance, e.g. <c>PSRemotingEndpoint</c>; the instance alias is derived from it.</summary>
    public string ClassName { get; }

    /// <summary>The value of <c>ResourceID</c>, e.g. <c>[PSRemotingEndpoint]PowerShell7</c>.</summary>
    public string ResourceId { get; }

    /// <summary>The value of <c>ModuleName</c>.</summary>
    public string ModuleName { get; }

    /// <summary>The value of <c>ModuleVersion</c>.</summary>
    public string ModuleVersion { get; }

    /// <summary>Every property in the order it is written.</summary>
    public IReadOnlyList<MofProperty> Properties { get; }

    /// <summary>
    /// An instance of a resource as a configuration block declares it: <c>ResourceID</c> first, then
    /// <paramref name="properties"/> in their order, then <c>SourceInfo</c> (when given), <c>ModuleName</c> and
    /// <c>ModuleVersion</c>. PSDesiredStateConfiguration writes the same properties in hash-table order, which differs
    /// from one PowerShell process to the next; this order is fixed so that the same input always gives the same bytes.
    /// </summary>
    /// <param name="className">The CIM class, e.g. <c>PSRemotingEndpoint</c>.</param>
    /// <param name="instanceName">The block's name, e.g. <c>PowerShell7</c>; not empty.</param>
    /// <param name="moduleName">The module implementing the class, e.g. <c>PSRemotingDsc</c>.</param>
    /// <param name="moduleVersion">That module's version, e.g. <c>0.1.0</c>.</param>
    /// <param name="properties">The declared properties; a name may appear once and none of the added ones may appear.</param>
    /// <param name="friendlyName">The resource's friendly name for <c>ResourceID</c>; the class name when <see langword="null"/> (class-based resources).</param>
    /// <param name="sourceInfo">The <c>SourceInfo</c> value (<c>path::line::column::FriendlyName</c>), or <see langword="null"/> to write none.</param>
    /// <exception cref="ArgumentException">A name is not a MOF identifier, empty, repeated or reserved.</exception>
    public static MofResource Create(
        string className,
        string instanceName,
        string moduleName,
        string moduleVersion,
        IEnumerable<MofProperty> properties,
        string? friendlyName = null,
        string? sourceInfo = null)
    {
        ArgumentNullException.ThrowIfNull(instanceName);
        ArgumentNullException.ThrowIfNull(properties);
        if (instanceName.Length == 0)
        {
            throw new ArgumentException("The resource instance name cannot be empty.", nameof(instanceName));
        }

        friendlyName ??= className;
        MofNames.RequireIdentifier(friendlyName, nameof(friendlyName));
        var ordered = new List<MofProperty> { new(ResourceIdProperty, MofValue.FromText($"[{friendlyName}]{instanceName}")) };
        foreach (MofProperty property in properties)
        {
            ArgumentNullException.ThrowIfNull(property, nameof(properties));
            if (IsAdded(property.Name))
            {
                throw new ArgumentException(
                    $"The property '{property.Name}' is written by the MOF writer itself; pass it through the parameters of {nameof(Create)}.",
                    nameof(properties));
            }

            ordered.Add(property);
        }

        if (sourceInfo is not null)
        {
            ordered.Add(new MofProperty(SourceInfoProperty, MofValue.FromText(sourceInfo)));
        }

        ordered.Add(new MofProperty(ModuleNameProperty, MofValue.FromText(moduleName)));
        ordered.Add(new MofProperty(ModuleVersionProperty, MofValue.FromText(moduleVersion)));
        return FromOrderedProperties(className, ordered);
    }

    /// <summary>
    /// An instance whose properties are written exactly in the given order, as PSDesiredStateConfiguration wrote them in
    /// a given MOF. <c>ResourceID</c>, <c>ModuleName</c> and <c>ModuleVersion</c> must be among them, as strings.
    /// </summary>
    /// <param name="className">The CIM class.</param>
    /// <param name="properties">Every property, in writing order.</param>
    /// <exception cref="ArgumentException">A name is not a MOF identifier, is repeated or unsupported, or a required property is missing.</exception>
    public static MofResource FromOrderedProperties(string className, IEnumerable<MofProperty> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        MofNames.RequireIdentifier(className, nameof(className));
        MofProperty[] list = [.. properties];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (MofProperty property in list)
        {
            ArgumentNullException.ThrowIfNull(property, nameof(properties));
            MofNames.RequireIdentifier(property.Name, nameof(properties));
            ArgumentNullException.ThrowIfNull(property.Value, nameof(properties));
            if (!seen.Add(property.Name))
            {
                throw new ArgumentException($"The property '{property.Name}' appears more than once in the instance of {className}.", nameof(properties));
            }

            if (Unsupported.Contains(property.Name))
            {
                throw new ArgumentException($"The property '{property.Name}' is not supported by this MOF writer.", nameof(properties));
            }
        }

        string resourceId = RequiredText(list, ResourceIdProperty, className);
        string moduleName = RequiredText(list, ModuleNameProperty, className);
        string moduleVersion = RequiredText(list, ModuleVersionProperty, className);
        if (!resourceId.StartsWith('[') || resourceId.IndexOf(']', StringComparison.Ordinal) is < 2 || resourceId.EndsWith(']'))
        {
            throw new ArgumentException($"The ResourceID '{resourceId}' is not of the form [FriendlyName]InstanceName.", nameof(properties));
        }

        MofNames.RequireModuleName(moduleName, nameof(properties));
        if (moduleVersion.Length == 0)
        {
            throw new ArgumentException("The module version cannot be empty.", nameof(properties));
        }

        return new MofResource(className, list, resourceId, moduleName, moduleVersion);
    }

    private static bool IsAdded(string name) =>
        name.Equals(ResourceIdProperty, StringComparison.OrdinalIgnoreCase)
        || name.Equals(SourceInfoProperty, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ModuleNameProperty, StringComparison.OrdinalIgnoreCase)
        || name.Equals(ModuleVersionProperty, StringComparison.OrdinalIgnoreCase);

    private static string RequiredText(MofProperty[] properties, string name, string className)
    {
        MofProperty? property = Array.Find(properties, candidate => candidate.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return property switch
        {
            null => throw new ArgumentException($"The instance of {className} has no {name}.", nameof(properties)),
            { Value.Kind: MofValueKind.Text } => property.Value.Text,
            _ => throw new ArgumentException($"The {name} of the instance of {className} must be a string.", nameof(properties)),
        };
    }
}
