using System.Text;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

/// <summary>
/// The encodings the SSH probe speaks, against byte sequences derived from PowerShell's source (commit 9299036). Paths
/// are relative to src/System.Management.Automation/engine/remoting:
/// common/fragmentor.cs (FragmentedRemoteObject), common/WireDataFormat/RemotingDataObject.cs (the message header),
/// common/WireDataFormat/EncodeAndDecode.cs (destinations and message types) and fanin/OutOfProcTransportManager.cs
/// (OutOfProcessUtils, the packet lines).
/// </summary>
public sealed class PsrpEncodingTests
{
    private static readonly Guid RunspacePool = new("00112233-4455-6677-8899-aabbccddeeff");

    [Fact]
    public void AWholeFragment_IsBigEndianIdsFlags3AndLength_ThenTheBlob()
    {
        // fragmentor.cs GetBytes 228–261: ObjectId then FragmentId, 8 bytes each, most significant first; the flags byte
        // S (0x1, line 37) | E (0x2, line 42); BlobLength, 4 bytes, most significant first; then the blob (263).
        byte[] expected =
        [
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x03,
            0x00, 0x00, 0x00, 0x02,
            0xAA, 0xBB,
        ];

        Assert.Equal(expected, new PsrpFragment(1, 0, true, true, [0xAA, 0xBB]).Encode());
        Assert.Equal(21, PsrpFragment.HeaderLength); // fragmentor.cs 47: 8 + 8 + 1 + 4
    }

    [Fact]
    public void AMiddleFragment_HasNoFlags_AndEveryByteOfItsIdsInOrder()
    {
        byte[] bytes = new PsrpFragment(0x0102030405060708, 0x1112131415161718, false, false, []).Encode();

        Assert.Equal(
            [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x00, 0x00, 0x00, 0x00, 0x00],
            bytes);
        Assert.Equal(0x02, new PsrpFragment(5, 3, false, true, []).Encode()[16]);
    }

    [Fact]
    public void TheSessionCapabilityTheProbeSends_IsOneFragment_ServerDestination_LittleEndianType_GuidBytes_AndABom()
    {
        // RemotingDataObject.cs SerializeHeader 200–212 with SerializeUInt (216–227, least significant byte first) and
        // SerializeGuid (244–251, Guid.ToByteArray); EncodeAndDecode.cs: Server = 0x2 (272), SessionCapability = 0x00010002 (313);
        // fragmentor.cs SerializeToBytes 1062–1087: UTF-8 with its BOM.
        byte[] expected =
        [
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, // ObjectId 1
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // FragmentId 0
            0x03,                                           // start | end
            0x00, 0x00, 0x00, 0x2E,                         // 46 = 40 header + 3 BOM + 3 data
            0x02, 0x00, 0x00, 0x00,                         // Destination: Server
            0x02, 0x00, 0x01, 0x00,                         // MessageType: SessionCapability
            0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, // RPID
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // PID: none
            0xEF, 0xBB, 0xBF, (byte)'<', (byte)'a', (byte)'>',
        ];

        PsrpMessage message = PsrpMessage.WithText(PsrpMessage.ToServer, PsrpMessage.SessionCapability, RunspacePool, Guid.Empty, "<a>");

        Assert.Equal(expected, PsrpFragment.Whole(1, message).Encode());
    }

    [Fact]
    public void MessageTypes_AreThoseOfEncodeAndDecode()
    {
        // EncodeAndDecode.cs 271–272 and 313–329.
        Assert.Equal(0x1u, PsrpMessage.ToClient);
        Assert.Equal(0x2u, PsrpMessage.ToServer);
        Assert.Equal(0x00010002u, PsrpMessage.SessionCapability);
        Assert.Equal(0x00010004u, PsrpMessage.InitRunspacePool);
        Assert.Equal(0x00021005u, PsrpMessage.RunspacePoolState);
        Assert.Equal(0x00021009u, PsrpMessage.ApplicationPrivateData);
    }

    [Fact]
    public void AMessage_DecodesBackToItsParts_AndItsTextLosesTheBom()
    {
        var pipeline = Guid.NewGuid();
        PsrpMessage sent = PsrpMessage.WithText(PsrpMessage.ToClient, PsrpMessage.RunspacePoolState, RunspacePool, pipeline, "<Obj RefId=\"0\"/>");

        PsrpMessage received = PsrpMessage.Decode(sent.Encode())!;

        Assert.Equal((PsrpMessage.ToClient, PsrpMessage.RunspacePoolState, RunspacePool, pipeline), (received.Destination, received.MessageType, received.RunspacePoolId, received.PowerShellId));
        Assert.Equal("<Obj RefId=\"0\"/>", received.Text);
        Assert.Null(PsrpMessage.Decode(new byte[39]));
    }

    [Fact]
    public void OneDataPacket_MayCarrySeveralFragments_AndATruncatedOneIsRejected()
    {
        byte[] two = [.. new PsrpFragment(7, 0, true, false, [1, 2]).Encode(), .. new PsrpFragment(7, 1, false, true, [3]).Encode()];

        List<PsrpFragment> fragments = PsrpFragment.DecodeAll(two)!;

        Assert.Equal([(7L, 0L, true, false), (7L, 1L, false, true)], fragments.Select(f => (f.ObjectId, f.FragmentId, f.IsStart, f.IsEnd)));
        Assert.Equal([3], fragments[1].Blob);
        Assert.Null(PsrpFragment.DecodeAll(two.AsSpan(0, two.Length - 1)));
        Assert.Null(PsrpFragment.DecodeAll(two.AsSpan(0, 20)));
        byte[] negativeLength = new PsrpFragment(1, 0, true, true, []).Encode();
        negativeLength[17] = 0x80;
        Assert.Null(PsrpFragment.DecodeAll(negativeLength));
    }

    [Fact]
    public void TheDefragmenter_JoinsFragmentsOfAMessage_AndRefusesThemOutOfOrder()
    {
        byte[] message = PsrpMessage.WithText(PsrpMessage.ToClient, PsrpMessage.ApplicationPrivateData, RunspacePool, Guid.Empty, "<Obj>0123456789</Obj>").Encode();
        var defragmenter = new PsrpDefragmenter();

        Assert.Null(defragmenter.Add(new PsrpFragment(9, 0, true, false, message[..30])));
        Assert.Null(defragmenter.Add(new PsrpFragment(9, 1, false, false, message[30..50])));
        PsrpMessage joined = defragmenter.Add(new PsrpFragment(9, 2, false, true, message[50..]))!;

        Assert.Equal("<Obj>0123456789</Obj>", joined.Text);
        Assert.Throws<InvalidDataException>(() => new PsrpDefragmenter().Add(new PsrpFragment(9, 1, false, true, message)));
        Assert.Throws<InvalidDataException>(() => new PsrpDefragmenter().Add(new PsrpFragment(9, 1, true, true, message)));
        Assert.Throws<InvalidDataException>(() => new PsrpDefragmenter().Add(new PsrpFragment(9, 0, true, true, [1, 2, 3])));
    }

    [Fact]
    public void TheDataAndCloseLines_AreOutOfProcessUtilsFormats()
    {
        // OutOfProcTransportManager.cs CreateDataPacket 76–89 ("<{0} {1}='{2}' {3}='{4}'>{5}</{0}>" with the stream name,
        // Guid.ToString() and base64) and CreatePSGuidPacket 133–143 ("<{0} {1}='{2}' />").
        Assert.Equal("<Data Stream='Default' PSGuid='00000000-0000-0000-0000-000000000000'>AQL/</Data>", OutOfProcessPacket.DataLine([0x01, 0x02, 0xFF], Guid.Empty));
        Assert.Equal("<Close PSGuid='00112233-4455-6677-8899-aabbccddeeff' />", OutOfProcessPacket.CloseLine(RunspacePool));
    }

    [Fact]
    public void Parse_ReadsWhatTheServerWrites()
    {
        // The session's DataAck (OutOfProcTransportManager.cs 2530) and CloseAck (OutOfProcServerMediator.cs 279).
        Assert.Equal(new OutOfProcessPacket("DataAck", Guid.Empty, null), OutOfProcessPacket.Parse("<DataAck PSGuid='00000000-0000-0000-0000-000000000000' />"));
        Assert.Equal("CloseAck", OutOfProcessPacket.Parse("<CloseAck PSGuid='00000000-0000-0000-0000-000000000000' />")!.Kind);

        OutOfProcessPacket data = OutOfProcessPacket.Parse(OutOfProcessPacket.DataLine([9, 8, 7], RunspacePool))!;

        Assert.Equal(("Data", RunspacePool), (data.Kind, data.PSGuid));
        Assert.Equal([9, 8, 7], data.Data);
    }

    [Theory]
    [InlineData("Welcome to the machine!")]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("<Hello PSGuid='00000000-0000-0000-0000-000000000000' />")]
    [InlineData("<DataAck PSGuid='not-a-guid' />")]
    [InlineData("<DataAck />")]
    [InlineData("<DataAck PSGuid='00000000-0000-0000-0000-000000000000' Extra='1' />")]
    [InlineData("<Data PSGuid='00000000-0000-0000-0000-000000000000'>AQI=</Data>")]
    [InlineData("<Data Stream='Default' PSGuid='00000000-0000-0000-0000-000000000000'>not base64!</Data>")]
    [InlineData("<Data Stream='Default' PSGuid='00000000-0000-0000-0000-000000000000'>AQI=")]
    [InlineData("<Data Stream='Default' PSGuid='00000000-0000-0000-0000-000000000000'>AQI=</Data><DataAck PSGuid='00000000-0000-0000-0000-000000000000' />")]
    public void Parse_RejectsWhatIsNotOnePacket(string line) => Assert.Null(OutOfProcessPacket.Parse(line));

    [Fact]
    public void RunspaceStateAndVersion_AreReadFromTheServersClixml()
    {
        // EncodeAndDecode.cs GenerateRunspacePoolStateInfo 965–991: a note property RunspaceState holding (int)state.
        Assert.Equal(2, SshConnectionProbe.RunspaceState("<Obj RefId=\"0\"><MS><I32 N=\"RunspaceState\">2</I32></MS></Obj>"));
        Assert.Null(SshConnectionProbe.RunspaceState("<Obj RefId=\"0\"><MS /></Obj>"));
        Assert.Null(SshConnectionProbe.RunspaceState("not xml <"));

        // APPLICATION_PRIVATE_DATA's PSVersionTable, as the pinned pwsh sends it.
        const string privateData = "<Obj RefId=\"0\"><MS><Obj N=\"ApplicationPrivateData\" RefId=\"1\"><DCT><En><S N=\"Key\">PSVersionTable</S><Obj N=\"Value\" RefId=\"2\"><DCT>"
            + "<En><S N=\"Key\">SerializationVersion</S><Version N=\"Value\">1.1.0.1</Version></En>"
            + "<En><S N=\"Key\">PSVersion</S><Version N=\"Value\">7.6.0</Version></En>"
            + "<En><S N=\"Key\">PSSemanticVersion</S><S N=\"Value\">7.6.0-preview.5</S></En>"
            + "</DCT></Obj></En></DCT></Obj></MS></Obj>";
        Assert.Equal("7.6.0-preview.5", SshConnectionProbe.PSVersionOf(privateData));
        Assert.Equal("7.6.0", SshConnectionProbe.PSVersionOf(privateData.Replace("PSSemanticVersion", "Other", StringComparison.Ordinal)));
        Assert.Null(SshConnectionProbe.PSVersionOf("<Obj><MS /></Obj>"));
    }

    [Fact]
    public void TheProbesMessages_AreWellFormedClixml()
    {
        foreach (string clixml in new[] { SshConnectionProbe.SessionCapabilityClixml, SshConnectionProbe.InitRunspacePoolClixml })
        {
            var document = System.Xml.Linq.XDocument.Parse(clixml);
            Assert.Equal("Obj", document.Root!.Name.LocalName);
        }

        Assert.Contains("<I32 N=\"MaxRunspaces\">1</I32>", SshConnectionProbe.InitRunspacePoolClixml, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), PsrpMessage.WithText(2, 2, Guid.Empty, Guid.Empty, string.Empty).Data);
    }
}
