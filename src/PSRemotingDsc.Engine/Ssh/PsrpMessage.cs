using System.Buffers.Binary;
using System.Text;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// One PowerShell Remoting Protocol message (MS-PSRP 2.2.1) as PowerShell writes it: destination and message type as
/// little-endian 32-bit integers, the runspace pool and pipeline ids as <see cref="Guid.ToByteArray()"/> bytes, then the
/// CLIXML data in UTF-8 with a byte order mark. Line numbers are those of PowerShell's
/// src/System.Management.Automation/engine/remoting/common at commit 9299036: WireDataFormat/RemotingDataObject.cs
/// SerializeHeader 200–212, SerializeUInt 216–227, SerializeGuid 244–251; fragmentor.cs SerializeToBytes 1062–1087 (an
/// XmlWriter with Encoding.UTF8, which writes the BOM).
/// </summary>
/// <param name="Destination"><see cref="ToClient"/> or <see cref="ToServer"/>.</param>
/// <param name="MessageType">The message type (WireDataFormat/EncodeAndDecode.cs RemotingDataType 298–330).</param>
/// <param name="RunspacePoolId">The runspace pool the message is about.</param>
/// <param name="PowerShellId">The pipeline the message is about; empty for session and pool messages.</param>
/// <param name="Data">The serialized object, as sent (with its BOM).</param>
internal sealed record PsrpMessage(uint Destination, uint MessageType, Guid RunspacePoolId, Guid PowerShellId, byte[] Data)
{
    /// <summary>RemotingDestination.Client (EncodeAndDecode.cs 271).</summary>
    public const uint ToClient = 0x1;

    /// <summary>RemotingDestination.Server (EncodeAndDecode.cs 272).</summary>
    public const uint ToServer = 0x2;

    /// <summary>RemotingDataType.SessionCapability (EncodeAndDecode.cs 313).</summary>
    public const uint SessionCapability = 0x00010002;

    /// <summary>RemotingDataType.CreateRunspacePool, MS-PSRP's INIT_RUNSPACEPOOL (EncodeAndDecode.cs 315).</summary>
    public const uint InitRunspacePool = 0x00010004;

    /// <summary>RemotingDataType.RunspacePoolStateInfo (EncodeAndDecode.cs 325).</summary>
    public const uint RunspacePoolState = 0x00021005;

    /// <summary>RemotingDataType.ApplicationPrivateData (EncodeAndDecode.cs 329).</summary>
    public const uint ApplicationPrivateData = 0x00021009;

    /// <summary>Destination, type and the two ids: 4 + 4 + 16 + 16 bytes.</summary>
    public const int HeaderLength = 40;

    /// <summary>A message whose data is <paramref name="clixml"/> in UTF-8 with a BOM, as PowerShell serializes it.</summary>
    public static PsrpMessage WithText(uint destination, uint messageType, Guid runspacePoolId, Guid powerShellId, string clixml) =>
        new(destination, messageType, runspacePoolId, powerShellId, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(clixml)]);

    /// <summary>The data as text, without its BOM.</summary>
    public string Text
    {
        get
        {
            ReadOnlySpan<byte> data = Data;
            return Encoding.UTF8.GetString(data.StartsWith(Encoding.UTF8.Preamble) ? data[Encoding.UTF8.Preamble.Length..] : data);
        }
    }

    /// <summary>The message's bytes.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[HeaderLength + Data.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0, 4), Destination);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4, 4), MessageType);
        RunspacePoolId.TryWriteBytes(bytes.AsSpan(8, 16));
        PowerShellId.TryWriteBytes(bytes.AsSpan(24, 16));
        Data.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <summary>The message in <paramref name="bytes"/>; null when they are shorter than the header.</summary>
    public static PsrpMessage? Decode(ReadOnlySpan<byte> bytes) => bytes.Length < HeaderLength
        ? null
        : new PsrpMessage(
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[..4]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..8]),
            new Guid(bytes[8..24]),
            new Guid(bytes[24..40]),
            bytes[HeaderLength..].ToArray());
}
