using System.Globalization;
using System.Text;

namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>
/// Writes a compiled DSC configuration (a MOF document) in the form PSDesiredStateConfiguration 2.0.7 writes it
/// (PSDesiredStateConfiguration.psm1: ConvertTo-MOFInstance, Update-ConfigurationDocumentRef, Write-NodeMOFFile), so
/// that machine configuration reads it as it reads a MOF compiled by PowerShell, without PowerShell.
/// </summary>
/// <remarks>
/// <para>The document is built with LF and every LF then becomes CRLF, as <c>$nodeDoc -replace "`n", "`r`n"</c>
/// does; the line breaks PSDesiredStateConfiguration had already written as CRLF therefore end up as CR CR LF (before
/// <c>ConfigurationName</c>, before the closing <c>};</c> of each resource, and the line breaks inside the
/// <c>OMI_ConfigurationDocument</c> text, which are the signed psm1's own CRLF). MOF parsers read a CR as white space.</para>
/// <para>Property values are escaped as <see cref="MofNames.Quote"/> describes. The file ends with CRLF, as
/// PowerShell's <c>&gt;</c> on Windows ends it, and is UTF-8 without a byte order mark (<see cref="Encoding"/>).</para>
/// </remarks>
public static class MofWriter
{
    /// <summary>The encoding of the file: UTF-8 without a byte order mark, PowerShell 7's default for <c>&gt;</c>.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The MOF document for one configuration.</summary>
    /// <param name="configurationName">The configuration's name (rule: <see cref="MofNames.RequireConfigurationName"/>); written into every resource and the document instance.</param>
    /// <param name="resources">The resource instances, in order; at least one, each <c>ResourceID</c> once.</param>
    /// <param name="metadata">User, time, host and node for the header.</param>
    /// <returns>The document's text, CRLF line breaks, ending with CRLF.</returns>
    /// <exception cref="ArgumentException">A name is invalid, there is no resource, a <c>ResourceID</c> repeats, or a value cannot be written.</exception>
    public static string Write(string configurationName, IReadOnlyList<MofResource> resources, MofMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(metadata);
        MofNames.RequireConfigurationName(configurationName, nameof(configurationName));
        MofNames.RequireHeaderValue(metadata.GeneratedBy, nameof(metadata));
        MofNames.RequireHeaderValue(metadata.GenerationHost, nameof(metadata));
        MofNames.RequireHeaderValue(metadata.TargetNode, nameof(metadata));
        if (resources.Count == 0)
        {
            throw new ArgumentException("A configuration needs at least one resource instance; machine configuration refuses a MOF without one.", nameof(resources));
        }

        string date = metadata.GenerationDateText;

        // Write-NodeMOFFile: "/*`n@TargetNode='$mofNode'`n" + "@GeneratedBy=...`n@GenerationDate=...`n@GenerationHost=...`n*/`n"
        var document = new StringBuilder();
        document.Append("/*\n@TargetNode='").Append(metadata.TargetNode).Append("'\n")
            .Append("@GeneratedBy=").Append(metadata.GeneratedBy).Append('\n')
            .Append("@GenerationDate=").Append(date).Append('\n')
            .Append("@GenerationHost=").Append(metadata.GenerationHost).Append("\n*/\n");

        var aliasCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var resourceIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (MofResource resource in resources)
        {
            ArgumentNullException.ThrowIfNull(resource, nameof(resources));
            if (!resourceIds.Add(resource.ResourceId))
            {
                throw new ArgumentException($"The resource {resource.ResourceId} is declared more than once.", nameof(resources));
            }

            int count = aliasCounts.TryGetValue(resource.ClassName, out int previous) ? previous + 1 : 1;
            aliasCounts[resource.ClassName] = count;
            document.Append(InstanceText(resource, count, configurationName));
        }

        // Write-NodeMOFFile, no OMI_ConfigurationDocument declared, not encrypted, no PsDscRunAsCredential. The "\r\n"
        // are the line breaks of the string literal in the (CRLF) psm1; the "`n" escapes are "\n".
        const string Indent = "                        ";
        document.Append("\ninstance of OMI_ConfigurationDocument\n\r\n")
            .Append("                    {\n Version=\"2.0.0\";\n\r\n")
            .Append(Indent).Append("MinimumCompatibleVersion = \"1.0.0\";\n\r\n")
            .Append(Indent).Append("CompatibleVersionAdditionalProperties= {\"Omi_BaseResource:ConfigurationName\"};\n\r\n")
            .Append(Indent).Append("Author=").Append(MofNames.Quote(metadata.GeneratedBy)).Append(";\n\r\n")
            .Append(Indent).Append("GenerationDate=\"").Append(date).Append("\";\n\r\n")
            .Append(Indent).Append("GenerationHost=").Append(MofNames.Quote(metadata.GenerationHost)).Append(";\n\r\n")
            .Append(Indent).Append("Name=\"").Append(configurationName).Append("\";\n\r\n")
            .Append("                    };");

        // "$nodeDoc -replace "`n", "`r`n"", then "$nodeDoc > $nodeOutfile" adds the line break of Out-File.
        return document.Replace("\n", "\r\n").Append("\r\n").ToString();
    }

    /// <summary>The file's bytes for a document <see cref="Write"/> returned.</summary>
    /// <param name="mof">The document.</param>
    public static byte[] Encode(string mof)
    {
        ArgumentNullException.ThrowIfNull(mof);
        return Encoding.GetBytes(mof);
    }

    /// <summary>A value as ConvertTo-MOFInstance's stringify renders it.</summary>
    /// <param name="value">The value.</param>
    internal static string FormatValue(MofValue value) => value.Kind switch
    {
        MofValueKind.Text => MofNames.Quote(value.Text),

        // '{', then '    ' + element + ',' for all but the last, then '}', joined with "`n".
        MofValueKind.TextArray => "{\n" + string.Join(",\n", value.TextArray.Select(item => "    " + MofNames.Quote(item))) + "\n}",

        // [bool] rendered into a string.
        MofValueKind.Boolean => value.Boolean ? "True" : "False",
        _ => value.Number.ToString(CultureInfo.InvariantCulture),
    };

    // ConvertTo-MOFInstance followed by Update-ConfigurationDocumentRef, before the final LF -> CRLF.
    private static string InstanceText(MofResource resource, int aliasNumber, string configurationName)
    {
        var lines = new List<string>(resource.Properties.Count);
        foreach (MofProperty property in resource.Properties)
        {
            // An empty array is skipped: `if ($targetTypeName -notmatch 'Array' -or $p.Value.Count)`.
            if (property.Value.Kind == MofValueKind.TextArray && property.Value.TextArray.Count == 0)
            {
                continue;
            }

            lines.Add(property.Name + " = " + FormatValue(property.Value) + ";\n");
        }

        // The property lines are appended to a string with $OFS = ' ': one space before every line but the first.
        string result = $"instance of {resource.ClassName} as ${resource.ClassName}{aliasNumber.ToString(CultureInfo.InvariantCulture)}ref\n{{\n"
            + string.Join(' ', lines);

        // "`n" + $result + "`n};`n", then Update-ConfigurationDocumentRef keeps the text before the last '}',
        // trims its end and appends "`r`n ConfigurationName = `"$ConfigurationName`";" + "`r`n};".
        string instanceText = "\n" + result + "\n};\n";
        string first = instanceText[..instanceText.LastIndexOf('}')].TrimEnd();
        return first + "\r\n ConfigurationName = \"" + configurationName + "\";" + "\r\n};";
    }
}
