using System.Globalization;
using System.Xml;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// One line of PowerShell's out-of-process transport, the protocol <c>pwsh -sshs</c> speaks on stdin and stdout: an XML
/// element per line, <c>&lt;Data Stream='Default' PSGuid='…'&gt;base64 fragments&lt;/Data&gt;</c> or an empty
/// <c>DataAck</c>, <c>Command</c>, <c>CommandAck</c>, <c>Close</c>, <c>CloseAck</c>, <c>Signal</c>, <c>SignalAck</c>
/// with only a <c>PSGuid</c> (PowerShell's engine/remoting/fanin/OutOfProcTransportManager.cs at commit 9299036,
/// OutOfProcessUtils: tags 41–50, CreateDataPacket 76–89, CreatePSGuidPacket 133–143, ProcessData/ProcessElement 186–…,
/// read with the XmlReaderSettings of 64–69).
/// </summary>
/// <param name="Kind">The element name: <c>Data</c>, <c>DataAck</c>, <c>CloseAck</c>...</param>
/// <param name="PSGuid">The pipeline the packet is about; empty for the session.</param>
/// <param name="Data">A Data packet's decoded bytes; null for the others.</param>
internal sealed record OutOfProcessPacket(string Kind, Guid PSGuid, byte[]? Data)
{
    /// <summary>A Data packet (PowerShell's DataPriorityType.Default stream).</summary>
    public const string DataKind = "Data";

    /// <summary>The server's acknowledgement of a Data packet.</summary>
    public const string DataAckKind = "DataAck";

    /// <summary>The server's acknowledgement of a Close packet.</summary>
    public const string CloseAckKind = "CloseAck";

    private static readonly string[] Kinds = [DataKind, DataAckKind, "Command", "CommandAck", "Close", CloseAckKind, "Signal", "SignalAck"];

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        XmlResolver = null,
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
    };

    /// <summary>The line that carries <paramref name="data"/> on the Default stream: CreateDataPacket's format.</summary>
    public static string DataLine(byte[] data, Guid psGuid) =>
        string.Create(CultureInfo.InvariantCulture, $"<Data Stream='Default' PSGuid='{psGuid}'>{Convert.ToBase64String(data)}</Data>");

    /// <summary>The line that closes the session (<see cref="Guid.Empty"/>) or a pipeline: CreatePSGuidPacket's format.</summary>
    public static string CloseLine(Guid psGuid) => string.Create(CultureInfo.InvariantCulture, $"<Close PSGuid='{psGuid}' />");

    /// <summary>The packet on <paramref name="line"/>; null when the line is not one (text, another element, bad base64, a bad GUID).</summary>
    public static OutOfProcessPacket? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith('<'))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(line), ReaderSettings);
            if (!reader.Read() || reader.NodeType != XmlNodeType.Element || Array.IndexOf(Kinds, reader.LocalName) < 0
                || !Guid.TryParse(reader.GetAttribute("PSGuid"), out Guid psGuid))
            {
                return null;
            }

            string kind = reader.LocalName;
            if (kind != DataKind)
            {
                return reader.IsEmptyElement && reader.AttributeCount == 1 ? new OutOfProcessPacket(kind, psGuid, null) : null;
            }

            if (reader.AttributeCount != 2 || reader.GetAttribute("Stream") is null || reader.IsEmptyElement || !reader.Read() || reader.NodeType != XmlNodeType.Text)
            {
                return null;
            }

            byte[] data = Convert.FromBase64String(reader.Value);
            return reader.Read() && reader.NodeType == XmlNodeType.EndElement && !reader.Read() ? new OutOfProcessPacket(kind, psGuid, data) : null;
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            return null;
        }
    }
}
