using System.Buffers.Binary;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// One fragment of a PSRP message (MS-PSRP 2.2.4), as PowerShell's fragmentor writes it: object id and fragment id as
/// big-endian 64-bit integers, a flags byte (0x1 start, 0x2 end), the blob length as a big-endian 32-bit integer, then
/// the blob (PowerShell's remoting/common/fragmentor.cs at commit 9299036, FragmentedRemoteObject: SFlag 37, EFlag 42,
/// HeaderLength 47, GetBytes 212–266).
/// </summary>
/// <param name="ObjectId">The message the fragment belongs to.</param>
/// <param name="FragmentId">The fragment's position in its message, from 0.</param>
/// <param name="IsStart">Whether this is the message's first fragment.</param>
/// <param name="IsEnd">Whether this is the message's last fragment.</param>
/// <param name="Blob">The part of the message it carries.</param>
internal sealed record PsrpFragment(long ObjectId, long FragmentId, bool IsStart, bool IsEnd, byte[] Blob)
{
    /// <summary>8 + 8 + 1 + 4 bytes (fragmentor.cs 47).</summary>
    public const int HeaderLength = 21;

    private const byte StartFlag = 0x1;
    private const byte EndFlag = 0x2;

    /// <summary>A message in one fragment, as PowerShell sends every message smaller than its fragment size.</summary>
    public static PsrpFragment Whole(long objectId, PsrpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new PsrpFragment(objectId, 0, true, true, message.Encode());
    }

    /// <summary>The fragment's bytes.</summary>
    public byte[] Encode()
    {
        byte[] bytes = new byte[HeaderLength + Blob.Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(0, 8), ObjectId);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8, 8), FragmentId);
        bytes[16] = (byte)((IsStart ? StartFlag : 0) | (IsEnd ? EndFlag : 0));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(17, 4), Blob.Length);
        Blob.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <summary>Every fragment in <paramref name="bytes"/> (one Data packet may carry several); null when they are not whole fragments.</summary>
    public static List<PsrpFragment>? DecodeAll(ReadOnlySpan<byte> bytes)
    {
        var fragments = new List<PsrpFragment>();
        while (bytes.Length > 0)
        {
            if (bytes.Length < HeaderLength)
            {
                return null;
            }

            long objectId = BinaryPrimitives.ReadInt64BigEndian(bytes[..8]);
            long fragmentId = BinaryPrimitives.ReadInt64BigEndian(bytes[8..16]);
            byte flags = bytes[16];
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes[17..21]);
            if (objectId < 0 || fragmentId < 0 || length < 0 || length > bytes.Length - HeaderLength)
            {
                return null;
            }

            fragments.Add(new PsrpFragment(objectId, fragmentId, (flags & StartFlag) != 0, (flags & EndFlag) != 0, bytes.Slice(HeaderLength, length).ToArray()));
            bytes = bytes[(HeaderLength + length)..];
        }

        return fragments;
    }
}

/// <summary>Joins fragments back into messages, as PowerShell's defragmentor does: by object id, in fragment order.</summary>
internal sealed class PsrpDefragmenter
{
    private readonly Dictionary<long, (long Next, MemoryStream Bytes)> _partial = [];

    /// <summary>Adds one fragment; returns the message it completes, or null. Throws <see cref="InvalidDataException"/> on a fragment out of order.</summary>
    public PsrpMessage? Add(PsrpFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        if (fragment.IsStart)
        {
            if (fragment.FragmentId != 0)
            {
                throw new InvalidDataException($"fragment {fragment.FragmentId} of object {fragment.ObjectId} is marked as the first");
            }

            if (fragment.IsEnd)
            {
                return PsrpMessage.Decode(fragment.Blob) ?? throw new InvalidDataException($"object {fragment.ObjectId} is shorter than a message header");
            }

            var stream = new MemoryStream();
            stream.Write(fragment.Blob);
            _partial[fragment.ObjectId] = (1, stream);
            return null;
        }

        if (!_partial.TryGetValue(fragment.ObjectId, out var partial) || partial.Next != fragment.FragmentId)
        {
            throw new InvalidDataException($"fragment {fragment.FragmentId} of object {fragment.ObjectId} arrived out of order");
        }

        partial.Bytes.Write(fragment.Blob);
        if (!fragment.IsEnd)
        {
            _partial[fragment.ObjectId] = (partial.Next + 1, partial.Bytes);
            return null;
        }

        _partial.Remove(fragment.ObjectId);
        using MemoryStream complete = partial.Bytes;
        return PsrpMessage.Decode(complete.ToArray()) ?? throw new InvalidDataException($"object {fragment.ObjectId} is shorter than a message header");
    }
}
