using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;
using PSRemotingDsc.PowerShell.Hosting;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.PowerShell.DscResources;

/// <summary>
/// The engine behind the class-based DSC resource <c>PSRemotingEndpoint</c> (PSRemotingDsc.psm1): reads the PowerShell
/// class's properties, calls the engine in process and, for Get, fills a new instance of the class with the state and
/// its <c>Reasons</c>. A property left <see langword="null"/> is not set and therefore not enforced.
/// </summary>
public static class PSRemotingEndpointAdapter
{
    /// <summary>The class's current state: a new instance with the observed values and the <c>Reasons</c> it is not in the desired state.</summary>
    /// <param name="resource">The PowerShell class instance whose properties say the desired state.</param>
    public static DscMethodResult Get(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var trace = new TraceMessageCollector();
        EndpointState state = EngineFactory.CreateResource(trace).Get(Read(resource)).State;
        return new DscMethodResult(ToInstance(resource, state), state.Reasons.Count == 0, trace.Messages);
    }

    /// <summary>Whether the endpoint is as the instance says.</summary>
    /// <param name="resource">The PowerShell class instance whose properties say the desired state.</param>
    public static DscMethodResult Test(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var trace = new TraceMessageCollector();
        EndpointState state = EngineFactory.CreateResource(trace).Test(Read(resource)).State;
        return new DscMethodResult(null, state.InDesiredState == true, trace.Messages);
    }

    /// <summary>Brings the endpoint to the state the instance says.</summary>
    /// <param name="resource">The PowerShell class instance whose properties say the desired state.</param>
    public static DscMethodResult Set(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var trace = new TraceMessageCollector();
        EndpointState state = EngineFactory.CreateResource(trace).Set(Read(resource), whatIf: false).State;
        return new DscMethodResult(null, state.Reasons.Count == 0, trace.Messages);
    }

    /// <summary>The class instance's properties as the engine's; <c>Ensure = 'Absent'</c> is <c>_exist: false</c>.</summary>
    internal static EndpointProperties Read(object resource)
    {
        var properties = new ClassProperties(resource);
        return new EndpointProperties
        {
            Version = properties.String("Version"),
            Transport = properties.Enum<Transport>("Transport"),
            Name = properties.String("Name"),
            PSHome = properties.String("PSHome"),
            Exist = string.Equals(properties.String("Ensure"), "Absent", StringComparison.OrdinalIgnoreCase) ? false : null,
            SshdConfigPath = properties.String("SshdConfigPath"),
            Arguments = properties.Value("Arguments") is string[] arguments ? arguments : null,
            Restart = properties.Enum<RestartPolicy>("Restart"),
            AccessMode = properties.Enum<AccessMode>("AccessMode"),
            SecurityDescriptorSddl = properties.String("SecurityDescriptorSddl"),
            SessionConfigurationFile = properties.String("SessionConfigurationFile"),
            RunAsVirtualAccount = properties.Value("RunAsVirtualAccount") as bool?,
            UseSharedProcess = properties.Value("UseSharedProcess") as bool?,
            Quotas = properties.Value("Quotas") is IDictionary quotas ? QuotasOf(quotas) : null,
        };
    }

    private static Dictionary<string, long> QuotasOf(IDictionary quotas)
    {
        var result = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in quotas)
        {
            string name = entry.Key?.ToString() ?? string.Empty;
            result[name] = LanguagePrimitives.TryConvertTo(entry.Value, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw new ArgumentException($"The quota '{name}' has the value '{entry.Value}', which is not a whole number.");
        }

        return result;
    }

    private static object ToInstance(object resource, EndpointState state)
    {
        Type type = resource.GetType();
        object instance = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"The class {type.FullName} cannot be created.");
        var desired = new ClassProperties(resource);
        var current = new ClassProperties(instance);
        current.Set("Version", state.Version ?? desired.String("Version"));
        current.Set("Transport", state.Transport == Endpoints.Transport.Ssh ? "SSH" : "WSMan");
        current.Set("Name", state.Name);
        current.Set("PSHome", state.PSHome);
        current.Set("Ensure", state.Exist == true ? "Present" : "Absent");
        current.Set("SshdConfigPath", state.SshdConfigPath);
        current.Set("Arguments", state.Arguments?.ToArray());
        current.Set("Restart", desired.String("Restart"));
        current.Set("AccessMode", state.AccessMode?.ToString());
        current.Set("SecurityDescriptorSddl", state.SecurityDescriptorSddl);
        current.Set("SessionConfigurationFile", state.SessionConfigurationFile);
        current.Set("RunAsVirtualAccount", state.RunAsVirtualAccount);
        current.Set("UseSharedProcess", state.UseSharedProcess);
        current.Set("Quotas", state.Quotas is null ? null : new Hashtable(state.Quotas.ToDictionary(pair => (object)pair.Key, pair => (object?)pair.Value)));
        current.Set("ResolvedVersion", state.ResolvedVersion);
        current.Set("ResolvedPSHome", state.ResolvedPSHome);
        current.SetReasons(state.Reasons);
        return instance;
    }

    /// <summary>The properties of a PowerShell class instance, by name; a property the class does not declare reads as null.</summary>
    private readonly struct ClassProperties(object instance)
    {
        public object? Value(string name) => instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance);

        public string? String(string name) => Value(name) is string { Length: > 0 } text ? text : null;

        public TEnum? Enum<TEnum>(string name)
            where TEnum : struct, System.Enum =>
            String(name) is { } text
                ? System.Enum.TryParse(text, ignoreCase: true, out TEnum value) && System.Enum.IsDefined(value)
                    ? value
                    : throw new ArgumentException($"The property {name} has the value '{text}'; use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.")
                : null;

        /// <summary>Sets a property; null leaves the new instance's default, as a validated property (ValidateSet) refuses null.</summary>
        public void Set(string name, object? value)
        {
            if (value is not null && instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } property)
            {
                property.SetValue(instance, LanguagePrimitives.ConvertTo(value, property.PropertyType, CultureInfo.InvariantCulture));
            }
        }

        public void SetReasons(IReadOnlyList<Reason> reasons)
        {
            if (instance.GetType().GetProperty("Reasons", BindingFlags.Public | BindingFlags.Instance) is not { CanWrite: true, PropertyType: { IsArray: true } arrayType } property)
            {
                return;
            }

            Type reasonType = arrayType.GetElementType()!;
            var array = Array.CreateInstance(reasonType, reasons.Count);
            for (int index = 0; index < reasons.Count; index++)
            {
                object reason = Activator.CreateInstance(reasonType)!;
                var fields = new ClassProperties(reason);
                fields.Set("Code", reasons[index].Code);
                fields.Set("Phrase", reasons[index].Phrase);
                array.SetValue(reason, index);
            }

            property.SetValue(instance, array);
        }
    }
}
