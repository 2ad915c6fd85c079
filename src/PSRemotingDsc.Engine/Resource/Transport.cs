namespace PSRemotingDsc.Resource;

public enum Transport
{
    Wsman,
    Ssh,
}
