global using PSRemotingDsc.TestSupport;
global using Xunit;
