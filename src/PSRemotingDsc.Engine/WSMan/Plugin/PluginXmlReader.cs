using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>Reads a <c>ConfigXML</c> document into a <see cref="PluginConfiguration"/>.</summary>
internal static class PluginXmlReader
{

    // WinRM's documents nest four levels. Unknown elements are copied, and XElement copies recursively: a document
    // nested some thousand levels deep would overflow the stack (found by fuzzing).
    private const int MaxDepth = 64;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static PluginConfiguration Read(string xml, string? source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        string what = source is null ? "The WinRM plugin configuration" : $"The WinRM plugin configuration of '{source}'";
        if (xml.Length > 0 && xml[0] == '\uFEFF')
        {
            xml = xml[1..];
        }

        if (string.IsNullOrWhiteSpace(xml))
        {
            throw Malformed($"{what} is empty. Re-register the endpoint.");
        }

        XElement root;
        try
        {
            RequireShallow(xml, what);
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            root = XDocument.Load(reader, LoadOptions.SetLineInfo).Root
                ?? throw Malformed($"{what} has no root element.");
        }
        catch (XmlException ex)
        {
            throw Malformed($"{what} is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }

        if (!IsPluginElement(root, root.Name.NamespaceName, "PlugInConfiguration")
            || (root.Name.NamespaceName.Length > 0 && root.Name.NamespaceName != PluginConfiguration.Namespace))
        {
            throw Malformed($"{what} has root element '{root.Name}' at line {Line(root)}; expected 'PlugInConfiguration' in namespace '{PluginConfiguration.Namespace}'.");
        }

        var context = new Context(root.Name.Namespace, source);
        string name = (string?)root.Attribute("Name") is { Length: > 0 } value
            ? value
            : throw Malformed($"{what}: the PlugInConfiguration element at line {Line(root)} has no Name attribute.");
        context.Source ??= name;

        var configuration = new PluginConfiguration(name);
        ReadRootAttributes(root, configuration);
        foreach (var child in root.Elements())
        {
            if (context.Is(child, "InitializationParameters"))
            {
                ReadInitializationParameters(child, configuration.InitializationParameters, context);
            }
            else if (context.Is(child, "Resources"))
            {
                ReadResources(child, configuration, context);
            }
            else if (context.Is(child, "Quotas"))
            {
                if (configuration.Quotas is not null)
                {
                    throw context.Error(child, "has a second Quotas element");
                }

                configuration.Quotas = ReadQuotas(child, context);
            }
            else
            {
                configuration.AdditionalElements.Add(new XElement(child));
            }
        }

        return configuration;
    }

    private static void ReadRootAttributes(XElement root, PluginConfiguration configuration)
    {
        foreach (var attribute in root.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            if (attribute.Name == XNamespace.Xml + "lang")
            {
                configuration.Lang = attribute.Value;
                continue;
            }

            if (attribute.Name.NamespaceName.Length > 0)
            {
                configuration.AdditionalAttributes.Add(new XAttribute(attribute));
                continue;
            }

            string value = attribute.Value;
            switch (attribute.Name.LocalName)
            {
                case "Name":
                    break;
                case "Filename":
                    configuration.Filename = value;
                    break;
                case "SDKVersion":
                    configuration.SDKVersion = value;
                    break;
                case "XmlRenderingType":
                    configuration.XmlRenderingType = value;
                    break;
                case "Enabled":
                    configuration.Enabled = value;
                    break;
                case "Architecture":
                    configuration.Architecture = value;
                    break;
                case "UseSharedProcess":
                    configuration.UseSharedProcess = value;
                    break;
                case "RunAsVirtualAccount":
                    configuration.RunAsVirtualAccount = value;
                    break;
                case "RunAsVirtualAccountGroups":
                    configuration.RunAsVirtualAccountGroups = value;
                    break;
                case "OutputBufferingMode":
                    configuration.OutputBufferingMode = value;
                    break;
                case "ProcessIdleTimeoutSec":
                    configuration.ProcessIdleTimeoutSec = value;
                    break;
                case "AutoRestart":
                    configuration.AutoRestart = value;
                    break;
                case "RunAsUser":
                    configuration.RunAsUser = value;
                    break;
                case "RunAsPassword":
                    configuration.RunAsPassword = value;
                    break;
                default:
                    configuration.AdditionalAttributes.Add(new XAttribute(attribute));
                    break;
            }
        }
    }

    private static void ReadInitializationParameters(XElement element, InitializationParameters parameters, Context context)
    {
        foreach (var child in element.Elements())
        {
            if (!context.Is(child, "Param"))
            {
                parameters.AdditionalElements.Add(new XElement(child));
                continue;
            }

            string name = (string?)child.Attribute("Name") is { Length: > 0 } value
                ? value
                : throw context.Error(child, "has a Param without a Name attribute");
            string paramValue = (string?)child.Attribute("Value")
                ?? throw context.Error(child, $"has Param '{name}' without a Value attribute");
            parameters.Add(name, paramValue);
        }
    }

    private static void ReadResources(XElement element, PluginConfiguration configuration, Context context)
    {
        foreach (var child in element.Elements())
        {
            if (!context.Is(child, "Resource"))
            {
                configuration.AdditionalElements.Add(new XElement(element.Name, new XElement(child)));
                continue;
            }

            string uri = (string?)child.Attribute("ResourceUri") is { Length: > 0 } value
                ? value
                : throw context.Error(child, "has a Resource without a ResourceUri attribute");
            var resource = new PluginResource(uri);
            foreach (var attribute in child.Attributes())
            {
                switch (attribute.Name.NamespaceName.Length == 0 ? attribute.Name.LocalName : null)
                {
                    case "ResourceUri":
                        break;
                    case "SupportsOptions":
                        resource.SupportsOptions = attribute.Value;
                        break;
                    case "ExactMatch":
                        resource.ExactMatch = attribute.Value;
                        break;
                    default:
                        if (!attribute.IsNamespaceDeclaration)
                        {
                            resource.AdditionalAttributes.Add(new XAttribute(attribute));
                        }

                        break;
                }
            }

            foreach (var item in child.Elements())
            {
                if (context.Is(item, "Security"))
                {
                    resource.Security.Add(ReadSecurity(item));
                }
                else if (context.Is(item, "Capability"))
                {
                    string type = (string?)item.Attribute("Type") is { Length: > 0 } capabilityType
                        ? capabilityType
                        : throw context.Error(item, $"has a Capability without a Type attribute in resource '{uri}'");
                    var capability = new PluginCapability(type);
                    foreach (var attribute in item.Attributes().Where(a => a.Name != "Type" && !a.IsNamespaceDeclaration))
                    {
                        capability.AdditionalAttributes.Add(new XAttribute(attribute));
                    }

                    resource.Capabilities.Add(capability);
                }
                else
                {
                    resource.AdditionalElements.Add(new XElement(item));
                }
            }

            configuration.Resources.Add(resource);
        }
    }

    private static PluginSecurity ReadSecurity(XElement element)
    {
        var security = new PluginSecurity();
        foreach (var attribute in element.Attributes())
        {
            switch (attribute.Name.NamespaceName.Length == 0 ? attribute.Name.LocalName : null)
            {
                case "Uri":
                    security.Uri = attribute.Value;
                    break;
                case "ExactMatch":
                    security.ExactMatch = attribute.Value;
                    break;
                case "Sddl":
                    security.Sddl = attribute.Value;
                    break;
                default:
                    if (!attribute.IsNamespaceDeclaration)
                    {
                        security.AdditionalAttributes.Add(new XAttribute(attribute));
                    }

                    break;
            }
        }

        return security;
    }

    private static PluginQuotas ReadQuotas(XElement element, Context context)
    {
        var quotas = new PluginQuotas();
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            string localName = attribute.Name.LocalName;
            if (attribute.Name.NamespaceName.Length > 0 || !PluginQuotas.Names.Contains(localName, StringComparer.Ordinal))
            {
                quotas.AdditionalAttributes.Add(new XAttribute(attribute));
                continue;
            }

            if (!long.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                throw context.Error(element, $"has quota {localName}='{attribute.Value}', which is not a non-negative whole number");
            }

            quotas[localName] = value;
        }

        return quotas;
    }

    // A first pass that stops at the first element too deep: cheaper than loading such a document (whose namespace
    // lookups grow with the depth), and the copies below need the bound.
    private static void RequireShallow(string xml, string what)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
            {
                throw Malformed($"{what} nests elements more than {MaxDepth} levels deep (line {((IXmlLineInfo)reader).LineNumber}); a WinRM plugin configuration has four.");
            }
        }
    }

    private static bool IsPluginElement(XElement element, string namespaceName, string localName) =>
        element.Name.NamespaceName == namespaceName
        && string.Equals(element.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase);

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private static PSRemotingDscException Malformed(string message, Exception? inner = null) =>
        new(ErrorIds.PluginXmlInvalid, message, inner);

    private sealed class Context(XNamespace ns, string? source)
    {
        public string? Source { get; set; } = source;

        public bool Is(XElement element, string localName) => IsPluginElement(element, ns.NamespaceName, localName);

        public PSRemotingDscException Error(XElement element, string problem) =>
            Malformed($"The WinRM plugin configuration of '{Source}' {problem} (line {Line(element)}). Fix or re-register the endpoint.");
    }
}
