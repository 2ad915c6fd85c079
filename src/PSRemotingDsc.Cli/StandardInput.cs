using System.Text;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.Cli;

/// <summary>
/// Reads the instance from stdin as strict UTF-8: a byte order mark is skipped, invalid bytes are an error
/// (never silently replaced by U+FFFD, which would then be written into a configuration), and at most
/// <see cref="EndpointPropertiesReader.MaxInputLength"/> bytes are read.
/// </summary>
internal static class StandardInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new byte[EndpointPropertiesReader.MaxInputLength + 1];
        int length = 0;
        int read;
        while (length < buffer.Length && (read = input.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > EndpointPropertiesReader.MaxInputLength)
        {
            throw EndpointPropertiesReader.TooLarge();
        }

        ReadOnlySpan<byte> bytes = buffer.AsSpan(0, length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new PSRemotingDscException(ErrorIds.InputNotUtf8,
                $"The input on stdin is not valid UTF-8 (byte {ex.Index + 1} of it). Send the JSON as UTF-8; nothing was changed.", ex);
        }
    }
}
