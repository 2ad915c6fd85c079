using PSRemotingDsc.Fuzzing;

namespace PSRemotingDsc.Tests.Fuzzing;

public class Wtf8Tests
{
    [Theory]
    [InlineData("Subsystem powershell /usr/bin/pwsh")]
    [InlineData("\uFEFFé\u2028\U0001F600")]
    [InlineData("lone \uD800 high and \uDC00 low")]
    [InlineData("")]
    public void Decode_OfEncode_GivesTheTextBack_LoneSurrogatesIncluded(string text)
    {
        Assert.Equal(text, Wtf8.Decode(Wtf8.Encode(text)));
    }

    [Fact]
    public void Decode_ReadsAnEncodedSurrogateAsALoneSurrogate_AndOtherInvalidBytesAsReplacementCharacters()
    {
        Assert.Equal("a\uD800b\uFFFD\uFFFDc", Wtf8.Decode([(byte)'a', 0xED, 0xA0, 0x80, (byte)'b', 0xFF, 0xC3, (byte)'c']));
    }
}
