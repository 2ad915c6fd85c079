using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Endpoints;

/// <summary>
/// One property of a <c>PSRemotingDsc/Endpoint</c> instance, declared once in <see cref="EndpointContract"/>: its wire
/// name, type, transports, who writes it, its constraints and description, and where its value lives in
/// <see cref="EndpointSettings"/> or <see cref="EndpointState"/>. The JSON reader, the instance schema, the state
/// writer and the README's property table are all derived from these declarations.
/// </summary>
public sealed class PropertyDeclaration
{
    private readonly Func<EndpointSettings, object?>? _setting;
    private readonly Func<EndpointSettings, object, EndpointSettings>? _with;
    private readonly Func<EndpointState, object?>? _reported;
    private readonly Action<PropertyDeclaration, object>? _check;

    private PropertyDeclaration(
        string name,
        PropertyKind kind,
        string description,
        Func<EndpointSettings, object?>? setting,
        Func<EndpointSettings, object, EndpointSettings>? with,
        Func<EndpointState, object?>? reported,
        Action<PropertyDeclaration, object>? check)
    {
        Name = name;
        Kind = kind;
        Description = description;
        _setting = setting;
        _with = with;
        _reported = reported;
        _check = check;
    }

    /// <summary>The JSON property name (<c>sshdConfigPath</c>).</summary>
    public string Name { get; }

    /// <summary>The wire type.</summary>
    public PropertyKind Kind { get; }

    /// <summary>One or two sentences for the schema and the README.</summary>
    public string Description { get; }

    /// <summary>Who writes the property.</summary>
    public PropertyAccess Access { get; private init; } = PropertyAccess.ReadWrite;

    /// <summary>The transports the property applies to.</summary>
    public TransportScope Transports { get; private init; } = TransportScope.Both;

    /// <summary>Whether the schema says <c>minLength: 1</c>.</summary>
    public bool NonEmpty { get; private init; }

    /// <summary>Whether the state writes <c>null</c> when there is no value (rather than leaving the property out).</summary>
    public bool ReportsNull { get; private init; }

    /// <summary>The default the engine applies when the property is not set (a string or a boolean), or null.</summary>
    public object? Default { get; private init; }

    /// <summary>For <see cref="PropertyKind.Enumeration"/>: the wire values and the typed values they stand for, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Values { get; private init; } = [];

    /// <summary>For <see cref="PropertyKind.Enumeration"/>: the error when the value is not one of <see cref="Values"/>.</summary>
    public ErrorDefinition? InvalidValueError { get; private init; }

    /// <summary>
    /// For a WSMan plugin setting: the root attribute of the plugin's ConfigXML it is (<c>UseSharedProcess</c>). Such a
    /// property needs no transport code: the plugin document writes it, the state reads it and the analyzer compares it
    /// (reason <c>PluginSettingDiffers</c>), as PowerShell writes a value (<c>bool.ToString()</c>, invariant numbers).
    /// </summary>
    public string? WinRMAttribute { get; private init; }

    /// <summary>For a WSMan quota: the WinRM <c>Quotas</c> attribute it sets (<c>MaxShellsPerUser</c>).</summary>
    public string? WinRMQuota { get; private init; }

    /// <summary>For a WSMan quota: the smallest value psremotingdsc writes (checked in code; not in the schema, which must admit what WinRM holds).</summary>
    public long? Minimum { get; private init; }

    /// <summary>For a WSMan quota: the largest value psremotingdsc writes.</summary>
    public long? Maximum { get; private init; }

    /// <summary>Whether the user may set the property (it is not <see cref="PropertyAccess.ReadOnly"/>).</summary>
    public bool IsSettable => Access != PropertyAccess.ReadOnly;

    /// <summary>Whether the property means something for <paramref name="transport"/>.</summary>
    public bool AppliesTo(Transport transport) =>
        (Transports & (transport == Endpoints.Transport.Ssh ? TransportScope.Ssh : TransportScope.Wsman)) != 0;

    /// <summary>The value in <paramref name="settings"/> (a string, bool, long, enum value or string list), or null when unset.</summary>
    public object? ValueOf(EndpointSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _setting is not null ? _setting(settings)
            : settings is EndpointState state && _reported is not null ? _reported(state)
            : null;
    }

    /// <summary>
    /// <paramref name="properties"/> with this property set to <paramref name="value"/>, of the type
    /// <see cref="ValueOf"/> returns. The value is checked when the engine builds the desired endpoint, not here.
    /// </summary>
    public EndpointProperties WithValue(EndpointProperties properties, object value) => (EndpointProperties)WithValue((EndpointSettings)properties, value);

    /// <summary><paramref name="settings"/> (desired or state) with this property set to <paramref name="value"/>.</summary>
    public EndpointSettings WithValue(EndpointSettings settings, object value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(value);
        return _with is not null ? _with(settings, value) : throw new InvalidOperationException($"Property '{Name}' is read-only.");
    }

    /// <summary>The wire value of an enumeration value.</summary>
    public string WireValue(object value) => Values.First(pair => pair.Value.Equals(value)).Key;

    /// <summary>The typed value of an enumeration's wire value, or null when it is not one.</summary>
    public object? ParseWireValue(string wire) => Values.FirstOrDefault(pair => string.Equals(pair.Key, wire, StringComparison.Ordinal)).Value;

    /// <summary>Throws the property's error when <paramref name="value"/> (set, of this property's type) is not acceptable.</summary>
    /// <exception cref="PSRemotingDscException">The value is unsafe or out of its constraints; nothing was changed.</exception>
    public void Check(object value) => _check?.Invoke(this, value);

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static PropertyDeclaration Settable<T>(
        string name,
        PropertyKind kind,
        Func<EndpointSettings, object?> get,
        Func<EndpointSettings, T, EndpointSettings> with,
        string description,
        Action<PropertyDeclaration, T>? check = null,
        PropertyAccess access = PropertyAccess.ReadWrite,
        TransportScope transports = TransportScope.Both,
        bool nonEmpty = false,
        object? defaultValue = null,
        IReadOnlyList<KeyValuePair<string, object>>? values = null,
        ErrorDefinition? invalidValue = null,
        string? winRMAttribute = null)
    {
        return new PropertyDeclaration(
            name, kind, description, get, (properties, value) => with(properties, (T)value), null,
            check is null ? null : (property, value) => check(property, (T)value))
        {
            Access = access,
            Transports = transports,
            NonEmpty = nonEmpty,
            Default = defaultValue,
            Values = values ?? [],
            InvalidValueError = invalidValue,
            WinRMAttribute = winRMAttribute,
        };
    }

    internal static PropertyDeclaration Quota(string name, string attribute, long minimum, long maximum) => new(
        name,
        PropertyKind.Number,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"WSMan quota {attribute}, {minimum} to {maximum}. Compared only when set."),
        settings => settings.Quotas is { } quotas && quotas.TryGetValue(attribute, out long value) ? value : null,
        (settings, value) => settings with { Quotas = new Dictionary<string, long>(settings.Quotas ?? new Dictionary<string, long>(), StringComparer.Ordinal) { [attribute] = (long)value } },
        null,
        null)
    {
        Transports = TransportScope.Wsman,
        WinRMQuota = attribute,
        Minimum = minimum,
        Maximum = maximum,
    };

    internal static PropertyDeclaration Reported(string name, PropertyKind kind, Func<EndpointState, object?> reported, string description, bool reportsNull = false, TransportScope transports = TransportScope.Both) =>
        new(name, kind, description, null, null, reported, null)
        {
            Access = PropertyAccess.ReadOnly,
            ReportsNull = reportsNull,
            Transports = transports,
        };
}
