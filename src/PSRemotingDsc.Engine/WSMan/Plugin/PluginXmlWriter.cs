using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// Writes a <see cref="PluginConfiguration"/> the way <c>Register-PSSessionConfiguration</c> of PowerShell 7.4–7.6
/// does: <c>pluginXmlFormat</c>, <c>initParamFormat</c> and <c>securityElementFormat</c> of CustomShellCommands.cs
/// and <c>WSManConfigurationOption.ConstructOptionsAsXmlAttributes</c>/<c>ConstructQuotas</c>, whitespace included
/// (the leading line break, the run of spaces left by empty optional attributes, the blank lines, the double space
/// after <c>&lt;Quotas</c>). The template is identical at v7.4.0, v7.5.0, v7.6.0 and 7.7 previews.
/// </summary>
internal static class PluginXmlWriter
{
    public static string Write(PluginConfiguration configuration, string newLine)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(newLine);
        string nl = newLine;
        var xml = new StringBuilder();

        // <PlugInConfiguration xmlns='…'NL    Name='{0}'NL    Filename='{1}'NL    SDKVersion='{12}'NL    XmlRenderingType='text' {2} {6} {7} {8} {9} {10}>
        xml.Append(nl).Append("<PlugInConfiguration xmlns='").Append(PluginConfiguration.Namespace).Append('\'').Append(nl);
        xml.Append("    Name='").Append(Escape(configuration.Name)).Append('\'');
        AppendOnOwnLine(xml, nl, "Filename", configuration.Filename);
        AppendOnOwnLine(xml, nl, "SDKVersion", configuration.SDKVersion);
        AppendOnOwnLine(xml, nl, "XmlRenderingType", configuration.XmlRenderingType);
        xml.Append(' ').Append(OwnLine(nl, "Architecture", configuration.Architecture));
        xml.Append(' ').Append(OwnLine(nl, "UseSharedProcess", configuration.UseSharedProcess));
        xml.Append(' ').Append(OwnLine(nl, "RunAsVirtualAccount", configuration.RunAsVirtualAccount));
        xml.Append(' ').Append(OwnLine(nl, "RunAsVirtualAccountGroups", configuration.RunAsVirtualAccountGroups));
        xml.Append(' ').Append(OwnLine(nl, "Enabled", configuration.Enabled));
        xml.Append(' ').Append(Inline("OutputBufferingMode", configuration.OutputBufferingMode)).Append(Inline("ProcessIdleTimeoutSec", configuration.ProcessIdleTimeoutSec));

        // Never written by PowerShell's template; WinRM adds them. Kept in the same style after PowerShell's.
        xml.Append(Inline("AutoRestart", configuration.AutoRestart))
            .Append(Inline("RunAsUser", configuration.RunAsUser))
            .Append(Inline("RunAsPassword", configuration.RunAsPassword))
            .Append(Inline("xml:lang", configuration.Lang));
        AppendAttributes(xml, configuration.AdditionalAttributes);
        xml.Append('>').Append(nl);

        // <InitializationParameters>NL{3}NLNL  </InitializationParameters>
        xml.Append("  <InitializationParameters>").Append(nl);
        foreach (var parameter in configuration.InitializationParameters)
        {
            // initParamFormat = NL<Param Name='{0}' Value='{1}' />{2}; {2} is Environment.NewLine except for sessionconfigurationdata.
            bool lineBreak = !string.Equals(parameter.Name, InitializationParameters.SessionConfigurationDataName, StringComparison.OrdinalIgnoreCase);
            xml.Append(nl).Append("<Param Name='").Append(Escape(parameter.Name)).Append("' Value='").Append(Escape(parameter.Value)).Append("' />");
            if (lineBreak)
            {
                xml.Append(nl);
            }
        }

        AppendElements(xml, nl, configuration.InitializationParameters.AdditionalElements);
        xml.Append(nl).Append(nl).Append("  </InitializationParameters>").Append(nl);

        // <Resources>NL    <Resource ResourceUri='{4}' SupportsOptions='true' ExactMatch='true'>NL{5}NLNL      <Capability Type='Shell' />NL    </Resource>NL  </Resources>
        xml.Append("  <Resources>").Append(nl);
        foreach (var resource in configuration.Resources)
        {
            xml.Append("    <Resource ResourceUri='").Append(Escape(resource.ResourceUri)).Append('\'')
                .Append(Inline("SupportsOptions", resource.SupportsOptions))
                .Append(Inline("ExactMatch", resource.ExactMatch));
            AppendAttributes(xml, resource.AdditionalAttributes);
            xml.Append('>').Append(nl);

            // securityElementFormat = <Security Uri='{0}' ExactMatch='true' Sddl='{1}' />, the SDDL through SecurityElement.Escape.
            xml.AppendJoin(nl, resource.Security.Select(security =>
            {
                var element = new StringBuilder("<Security");
                element.Append(Inline("Uri", security.Uri)).Append(Inline("ExactMatch", security.ExactMatch)).Append(Inline("Sddl", security.Sddl));
                AppendAttributes(element, security.AdditionalAttributes);
                return element.Append(" />").ToString();
            }));
            xml.Append(nl).Append(nl);
            foreach (var capability in resource.Capabilities)
            {
                xml.Append("      <Capability Type='").Append(Escape(capability.Type)).Append('\'');
                AppendAttributes(xml, capability.AdditionalAttributes);
                xml.Append(" />").Append(nl);
            }

            foreach (var element in resource.AdditionalElements)
            {
                xml.Append("      ").Append(Render(element)).Append(nl);
            }

            xml.Append("    </Resource>").Append(nl);
        }

        xml.Append("  </Resources>").Append(nl);

        // "  {11}" with {11} = <Quotas {0} /> and {0} = " Name='value'" per quota, so "<Quotas  IdleTimeoutms=…".
        xml.Append("  ");
        if (configuration.Quotas is { IsEmpty: false } quotas)
        {
            xml.Append("<Quotas ");
            foreach (var (name, value) in quotas.GetSetQuotas())
            {
                xml.Append(Inline(name, value.ToString(CultureInfo.InvariantCulture)));
            }

            AppendAttributes(xml, quotas.AdditionalAttributes);
            xml.Append(" />");
        }

        AppendElements(xml, nl, configuration.AdditionalElements);
        xml.Append(nl).Append("</PlugInConfiguration>").Append(nl);
        return xml.ToString();
    }

    /// <summary>
    /// What <c>System.Security.SecurityElement.Escape</c> does, which PowerShell applies to the SDDL, plus character
    /// references for tab, line feed and carriage return: a reader normalizes those to spaces in an attribute value, so
    /// written raw they would not read back. PowerShell's values never hold them, so its text is unchanged.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '&' => "&amp;",
                '\t' => "&#x9;",
                '\n' => "&#xA;",
                '\r' => "&#xD;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static void AppendOnOwnLine(StringBuilder xml, string nl, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append(nl).Append("    ").Append(name).Append("='").Append(Escape(value)).Append('\'');
        }
    }

    // architectureAttribFormat and friends: NL + four spaces + Name='{0}'.
    private static string OwnLine(string nl, string name, string? value) =>
        value is null ? string.Empty : $"{nl}    {name}='{Escape(value)}'";

    // WSManConfigurationOption's Token = " {0}='{1}'".
    private static string Inline(string name, string? value) =>
        value is null ? string.Empty : $" {name}='{Escape(value)}'";

    private static void AppendAttributes(StringBuilder xml, IEnumerable<XAttribute> attributes)
    {
        int prefix = 0;
        foreach (var attribute in attributes)
        {
            var ns = attribute.Name.Namespace;
            if (ns == XNamespace.None || ns == XNamespace.Xml)
            {
                xml.Append(Inline(ns == XNamespace.Xml ? "xml:" + attribute.Name.LocalName : attribute.Name.LocalName, attribute.Value));
                continue;
            }

            // A foreign-namespace attribute gets its own prefix declaration, so the output stays well-formed.
            string declared = string.Create(CultureInfo.InvariantCulture, $"ns{prefix++}");
            xml.Append(Inline("xmlns:" + declared, ns.NamespaceName)).Append(Inline(declared + ":" + attribute.Name.LocalName, attribute.Value));
        }
    }

    private static void AppendElements(StringBuilder xml, string nl, IEnumerable<XElement> elements)
    {
        foreach (var element in elements)
        {
            xml.Append(nl).Append("  ").Append(Render(element));
        }
    }

    // Unknown elements are written inside the root, whose default namespace is the plugin namespace, so they are
    // serialized in that context: one in no namespace gets xmlns="" (without it, it would read back in the plugin
    // namespace), one in the plugin namespace needs no declaration. Either way they read back as they were read.
    private static string Render(XElement element)
    {
        var context = new XElement(XName.Get("Context", PluginConfiguration.Namespace));
        var child = element.Parent is null ? element : new XElement(element);
        context.Add(child);
        try
        {
            string text = context.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
            return text[(text.IndexOf('>', StringComparison.Ordinal) + 1)..text.LastIndexOf("</", StringComparison.Ordinal)];
        }
        finally
        {
            if (ReferenceEquals(child, element))
            {
                element.Remove();
            }
        }
    }
}
