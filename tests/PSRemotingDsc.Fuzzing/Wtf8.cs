using System.Text;

namespace PSRemotingDsc.Fuzzing;

/// <summary>
/// Bytes to text and back for fuzz inputs: UTF-8, extended as WTF-8 does so that a surrogate code point encoded on its
/// own (<c>ED A0 80</c> is U+D800) decodes to a lone surrogate. The engine reads strings, and a string from the Windows
/// command line or registry may hold lone surrogates that strict UTF-8 cannot express; this way a byte-level fuzzer
/// reaches them too. Any other invalid sequence decodes to U+FFFD, so every byte string is an input.
/// </summary>
public static class Wtf8
{
    /// <summary>Decodes <paramref name="bytes"/>; never throws.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            if (IsEncodedSurrogate(bytes[i..]))
            {
                text.Append((char)(0xD000 | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
                continue;
            }

            Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            text.Append(rune.ToString());
            i += consumed;
        }

        return text.ToString();
    }

    /// <summary>Encodes <paramref name="text"/>: UTF-8, each lone surrogate as its three-byte WTF-8 form.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var written = new Rune(c, text[++i]).EncodeToUtf8(buffer);
                bytes.AddRange(buffer[..written]);
            }
            else if (char.IsSurrogate(c))
            {
                bytes.Add((byte)(0xE0 | (c >> 12)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                var written = new Rune(c).EncodeToUtf8(buffer);
                bytes.AddRange(buffer[..written]);
            }
        }

        return [.. bytes];
    }

    // ED A0..BF 80..BF: U+D800..U+DFFF, which strict UTF-8 forbids.
    private static bool IsEncodedSurrogate(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xED && bytes[1] is >= 0xA0 and <= 0xBF && bytes[2] is >= 0x80 and <= 0xBF;
}
