using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class AccessMaskTests
{
    [Theory]
    [InlineData("GA", 0x10000000u)]
    [InlineData("GX", 0x20000000u)]
    [InlineData("GW", 0x40000000u)]
    [InlineData("GR", 0x80000000u)]
    [InlineData("SD", 0x00010000u)]
    [InlineData("RC", 0x00020000u)]
    [InlineData("WD", 0x00040000u)]
    [InlineData("WO", 0x00080000u)]
    [InlineData("CC", 0x1u)]
    [InlineData("DC", 0x2u)]
    [InlineData("LC", 0x4u)]
    [InlineData("SW", 0x8u)]
    [InlineData("RP", 0x10u)]
    [InlineData("WP", 0x20u)]
    [InlineData("DT", 0x40u)]
    [InlineData("LO", 0x80u)]
    [InlineData("CR", 0x100u)]
    [InlineData("FA", 0x001F01FFu)]
    [InlineData("FR", 0x00120089u)]
    [InlineData("FW", 0x00120116u)]
    [InlineData("FX", 0x001200A0u)]
    [InlineData("KA", 0x000F003Fu)]
    [InlineData("KR", 0x00020019u)]
    [InlineData("KW", 0x00020006u)]
    [InlineData("KX", 0x00020019u)]
    [InlineData("NR", 0x1u)]
    [InlineData("NW", 0x2u)]
    [InlineData("NX", 0x4u)]
    public void FromAlias_KnowsEveryRightsAlias_CaseInsensitively(string alias, uint mask)
    {
        Assert.Equal(mask, AccessMask.FromAlias(alias));
        Assert.Equal(mask, AccessMask.FromAlias(alias.ToLowerInvariant()));
    }

    [Theory]
    [InlineData(0x10000000u, "GA")]
    [InlineData(0x60000000u, "GXGW")]
    [InlineData(0xF0000000u, "GAGXGWGR")]
    [InlineData(0x001F01FFu, "FA")]
    [InlineData(0x00020019u, "KR")]
    [InlineData(0x000F01FFu, "CCDCLCSWRPWPDTLOCRSDRCWDWO")]
    [InlineData(0x001200A9u, "0x1200a9")]
    [InlineData(0u, "")]
    public void ToSddl_WritesMasksTheWayWindowsDoes(uint mask, string expected)
    {
        Assert.Equal(expected, AccessMask.ToSddl(mask));
    }

    [Theory]
    [InlineData(0x10000000u, "GENERIC_ALL")]
    [InlineData(0x60000000u, "GENERIC_EXECUTE | GENERIC_WRITE")]
    [InlineData(0x001F01FFu, "FILE_ALL_ACCESS")]
    [InlineData(0x00120000u, "READ_CONTROL | 0x100000")]
    [InlineData(0u, "no rights")]
    public void Describe_NamesTheRights(uint mask, string expected)
    {
        Assert.Equal(expected, AccessMask.Describe(mask));
    }
}
