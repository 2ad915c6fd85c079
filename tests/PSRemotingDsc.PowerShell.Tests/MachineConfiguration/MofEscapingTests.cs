using System.Text;
using PSRemotingDsc.PowerShell.MachineConfiguration;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.MachineConfiguration;

/// <summary>
/// MOF string literals as PSDesiredStateConfiguration 2.0.7 writes them: backslash, double quote and line break
/// escaped, everything else as it is; what it would write unreadably is refused.
/// </summary>
public sealed class MofEscapingTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\Program Files\PowerShell\7", "\"C:\\\\Program Files\\\\PowerShell\\\\7\"")]
    [InlineData("\\\"", "\"\\\\\\\"\"")]
    [InlineData("ends with \\", "\"ends with \\\\\"")]
    [InlineData("line1\nline2", "\"line1\\nline2\"")]
    [InlineData("line1\r\nline2\r\n", "\"line1\\nline2\\n\"")]
    [InlineData("tab\there", "\"tab\there\"")]
    [InlineData("$null = 'x'; `n", "\"$null = 'x'; `n\"")]
    [InlineData("\\n is not a line break", "\"\\\\n is not a line break\"")]
    public void Quote_EscapesBackslashQuoteAndLineBreak_Only(string value, string expected)
    {
        Assert.Equal(expected, MofNames.Quote(value));
    }

    [Theory]
    [InlineData("Grüße, Ελληνικά, 日本語")]
    [InlineData("emoji 🔐 and flag 🇩🇪")]
    [InlineData("combining e\u0301 and right-to-left \u05D0\u05D1")]
    [InlineData("line separator \u2028 paragraph \u2029 next line \u0085")]
    [InlineData("byte order mark \uFEFF inside, zero width \u200B")]
    [InlineData("noncharacter \uFFFF")]
    public void Quote_WritesOtherCharactersAsTheyAre(string value)
    {
        Assert.Equal("\"" + value + "\"", MofNames.Quote(value));
    }

    [Theory]
    [InlineData("lone\rcarriage return")]
    [InlineData("ends with CR\r")]
    [InlineData("null \0 character")]
    [InlineData("bell \a")]
    [InlineData("escape \u001B[31m")]
    [InlineData("delete \u007F")]
    public void Quote_RefusesWhatCannotBeAMofStringCharacter(string value)
    {
        Assert.Throws<ArgumentException>(() => MofNames.Quote(value));
    }

    [Fact]
    public void Quote_RefusesALoneSurrogate_WhichUtf8CannotEncode()
    {
        // Built in code: an attribute argument cannot hold a lone surrogate.
        Assert.Throws<ArgumentException>(() => MofNames.Quote("lone high " + '\uD83D' + " surrogate"));
        Assert.Throws<ArgumentException>(() => MofNames.Quote("lone low " + '\uDC10' + " surrogate"));
        Assert.Throws<ArgumentException>(() => MofNames.Quote("reversed " + '\uDC10' + '\uD83D' + " pair"));
        Assert.Throws<ArgumentException>(() => MofNames.Quote("ends with high " + '\uD83D'));
    }

    [Fact]
    public void Quote_RoundTripsThroughAMofStringReader_ForRandomStrings()
    {
        string[] pieces = ["a", "Z", "0", " ", "\\", "\"", "\n", "\r\n", "\t", "'", "$", "{", "}", ";", "é", "\u2028", "日", "🔐", "\\n", "*/"];
        var random = new Random(20260101);
        for (int run = 0; run < 2000; run++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 24);
            for (int index = 0; index < length; index++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            string value = builder.ToString();
            string literal = MofNames.Quote(value);

            Assert.DoesNotContain('\n', literal);
            Assert.DoesNotContain('\r', literal);
            Assert.Equal(value.Replace("\r\n", "\n", StringComparison.Ordinal), ReadMofString(literal));
        }
    }

    [Fact]
    public void Document_IsUtf8WithoutByteOrderMark_AndKeepsNonAsciiValues()
    {
        MofResource resource = MofResource.Create("PSRemotingEndpoint", "Ünïcödé 🔐", "PSRemotingDsc", "0.1.0", [new("Name", MofValue.FromText("naïve \"quoted\" C:\\path"))]);
        string mof = MofWriter.Write("Remoting", [resource], MachineConfigurationExample.Metadata);
        byte[] bytes = MofWriter.Encode(mof);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(mof, new UTF8Encoding(false, true).GetString(bytes));
        Assert.Contains("ResourceID = \"[PSRemotingEndpoint]Ünïcödé 🔐\";", mof, StringComparison.Ordinal);
        Assert.Contains(" Name = \"naïve \\\"quoted\\\" C:\\\\path\";", mof, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_RefusesAValueThatCannotBeWritten()
    {
        MofResource resource = MofResource.Create("PSRemotingEndpoint", "Seven", "PSRemotingDsc", "0.1.0", [new("Name", MofValue.FromText("a\rb"))]);
        Assert.Throws<ArgumentException>(() => MofWriter.Write("Remoting", [resource], MachineConfigurationExample.Metadata));
    }

    // A MOF string literal as a MOF parser reads one, for the escapes the writer produces.
    private static string ReadMofString(string literal)
    {
        Assert.StartsWith("\"", literal, StringComparison.Ordinal);
        Assert.EndsWith("\"", literal, StringComparison.Ordinal);
        var value = new StringBuilder();
        for (int index = 1; index < literal.Length - 1; index++)
        {
            char character = literal[index];
            if (character == '"')
            {
                Assert.Fail($"Unescaped quote at {index} in {literal}");
            }

            if (character != '\\')
            {
                value.Append(character);
                continue;
            }

            index++;
            Assert.True(index < literal.Length - 1, $"The literal {literal} ends in the middle of an escape.");
            value.Append(literal[index] switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                char other => throw new InvalidOperationException($"Unexpected escape \\{other} in {literal}"),
            });
        }

        return value.ToString();
    }
}
