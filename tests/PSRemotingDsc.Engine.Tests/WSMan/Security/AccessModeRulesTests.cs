using PSRemotingDsc.Endpoints;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class AccessModeRulesTests
{
    private static AccessMode Derive(string sddl, bool enabled = true) => AccessModeRules.Derive(enabled, SddlParser.Parse(sddl));

    [Theory]
    [InlineData("powershell-remote-win8.sddl", AccessMode.Remote)]
    [InlineData("powershell-remote-prewin8.sddl", AccessMode.Remote)]
    [InlineData("install-powershellremoting.sddl", AccessMode.Remote)]
    [InlineData("requiredgroups-conditional.sddl", AccessMode.Remote)]
    [InlineData("powershell-local-win8.sddl", AccessMode.Local)]
    [InlineData("powershell-local-prewin8.sddl", AccessMode.Local)]
    public void Derive_ReadsThePowerShellDefaults(string fixture, AccessMode expected)
    {
        Assert.Equal(expected, Derive(SddlFixtures.Sddl(fixture)));
    }

    [Theory]
    [InlineData("powershell-remote-win8.sddl")]
    [InlineData("powershell-local-win8.sddl")]
    public void Derive_IsDisabled_WhenThePluginIsDisabled_WhateverTheSddl(string fixture)
    {
        Assert.Equal(AccessMode.Disabled, Derive(SddlFixtures.Sddl(fixture), enabled: false));
    }

    [Theory]
    [InlineData("D:P(D;;GA;;;S-1-5-2)(A;;GA;;;BA)", AccessMode.Local)]
    [InlineData("D:P(D;;0x10000000;;;NU)(A;;GA;;;BA)", AccessMode.Local)]
    [InlineData("D:P(A;;GA;;;BA)(D;;GA;;;NU)", AccessMode.Local)]
    [InlineData("D:P(D;CI;GA;;;NU)(A;;GA;;;BA)", AccessMode.Local)]
    [InlineData("D:P(D;;GA;;;BU)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(D;;GA;;;WD)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(D;;GR;;;NU)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(D;;GAGR;;;NU)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(D;;GA;;;NU)(D;;GR;;;NU)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(A;;GA;;;NU)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(XD;;GA;;;NU;(Member_of {SID(BA)}))(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:P(D;CIIO;GA;;;NU)(A;;GA;;;BA)", AccessMode.Remote)]
    [InlineData("D:NO_ACCESS_CONTROL", AccessMode.Remote)]
    [InlineData("O:NS", AccessMode.Remote)]
    public void Derive_IsLocal_OnlyForADenyOfGenericAllToTheNetworkSid(string sddl, AccessMode expected)
    {
        Assert.Equal(expected, Derive(sddl));
    }

    [Fact]
    public void Derive_CallsEveryoneDenyRemote_AsPowerShellDoes()
    {
        // Nobody can connect, but PowerShell's AccessMode only looks for the network deny; Enable-PSSessionConfiguration
        // is what removes deny-Everyone ACEs.
        Assert.Equal(AccessMode.Remote, Derive("O:NSG:BAD:P(D;;GA;;;WD)(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)"));
    }

    [Fact]
    public void ApplyLocal_ToTheRemoteDefault_GivesTheLocalDefault()
    {
        var outcome = AccessModeRules.Apply(AccessMode.Local, SddlParser.Parse(DefaultSddl.Remote));

        Assert.True(outcome.Enabled);
        Assert.Equal(DefaultSddl.Local, SddlFormatter.Format(outcome.SecurityDescriptor));
        Assert.Equal(AccessMode.Local, AccessModeRules.Derive(outcome.Enabled, outcome.SecurityDescriptor));
    }

    [Fact]
    public void ApplyRemote_ToTheLocalDefault_GivesTheRemoteDefault()
    {
        var outcome = AccessModeRules.Apply(AccessMode.Remote, SddlParser.Parse(DefaultSddl.Local));

        Assert.True(outcome.Enabled);
        Assert.Equal(DefaultSddl.Remote, SddlFormatter.Format(outcome.SecurityDescriptor));
        Assert.Equal(AccessMode.Remote, AccessModeRules.Derive(outcome.Enabled, outcome.SecurityDescriptor));
    }

    [Fact]
    public void ApplyLocalAndRemote_ConvertThePreWindows8DefaultsIntoEachOther()
    {
        Assert.Equal(DefaultSddl.LocalPreWindows8, AccessModeRules.Apply(AccessMode.Local, SddlParser.Parse(DefaultSddl.RemotePreWindows8)).SecurityDescriptor.ToSddl());
        Assert.Equal(DefaultSddl.RemotePreWindows8, AccessModeRules.Apply(AccessMode.Remote, SddlParser.Parse(DefaultSddl.LocalPreWindows8)).SecurityDescriptor.ToSddl());
    }

    [Fact]
    public void ApplyRemote_WhenOnlyTheNetworkDenyWasLeft_AddsAdministratorsRemoteManagementUsersAndInteractive()
    {
        var outcome = AccessModeRules.Apply(AccessMode.Remote, SddlParser.Parse("O:NSG:BAD:P(D;;GA;;;NU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)"));

        Assert.Equal(DefaultSddl.Remote, outcome.SecurityDescriptor.ToSddl());
    }

    [Fact]
    public void ApplyRemote_LeavesADescriptorWithoutTheNetworkDenyAlone()
    {
        var outcome = AccessModeRules.Apply(AccessMode.Remote, SddlParser.Parse("O:NSG:BAD:P(D;;GR;;;NU)(A;;GA;;;BA)"));

        Assert.Equal("O:NSG:BAD:P(D;;GR;;;NU)(A;;GA;;;BA)", outcome.SecurityDescriptor.ToSddl());
        Assert.Equal("D:", AccessModeRules.Apply(AccessMode.Remote, SddlParser.Parse("D:")).SecurityDescriptor.ToSddl());
    }

    [Fact]
    public void ApplyLocal_IsIdempotent_AndKeepsOtherDenies()
    {
        var local = SddlParser.Parse("O:NSG:BAD:P(D;;GA;;;BG)(A;;GA;;;BA)");

        var once = AccessModeRules.Apply(AccessMode.Local, local).SecurityDescriptor;
        var twice = AccessModeRules.Apply(AccessMode.Local, once).SecurityDescriptor;

        Assert.Equal("O:NSG:BAD:P(D;;GA;;;NU)(D;;GA;;;BG)(A;;GA;;;BA)", once.ToSddl());
        Assert.Equal(once.ToSddl(), twice.ToSddl());
    }

    [Fact]
    public void ApplyLocal_ReplacesAWeakerNetworkDeny_SoThatTheModeReadsLocal()
    {
        var outcome = AccessModeRules.Apply(AccessMode.Local, SddlParser.Parse("D:P(D;;GR;;;NU)(A;;GA;;;BA)"));

        Assert.Equal("D:P(D;;GA;;;NU)(A;;GA;;;BA)", outcome.SecurityDescriptor.ToSddl());
        Assert.Equal(AccessMode.Local, AccessModeRules.Derive(outcome.Enabled, outcome.SecurityDescriptor));
    }

    [Fact]
    public void ApplyLocal_ToANullDacl_KeepsEveryoneButDeniesTheNetwork()
    {
        Assert.Equal("D:(D;;GA;;;NU)(A;;GA;;;WD)", AccessModeRules.Apply(AccessMode.Local, SddlParser.Parse("D:NO_ACCESS_CONTROL")).SecurityDescriptor.ToSddl());
        Assert.Equal("O:NSD:(D;;GA;;;NU)(A;;GA;;;WD)", AccessModeRules.Apply(AccessMode.Local, SddlParser.Parse("O:NS")).SecurityDescriptor.ToSddl());
    }

    [Theory]
    [InlineData(DefaultSddl.Remote)]
    [InlineData(DefaultSddl.Local)]
    public void ApplyDisabled_LeavesTheSddlAndClearsEnabled(string sddl)
    {
        var outcome = AccessModeRules.Apply(AccessMode.Disabled, SddlParser.Parse(sddl));

        Assert.False(outcome.Enabled);
        Assert.Equal(sddl, outcome.SecurityDescriptor.ToSddl());
        Assert.Equal(AccessMode.Disabled, AccessModeRules.Derive(outcome.Enabled, outcome.SecurityDescriptor));
    }
}
