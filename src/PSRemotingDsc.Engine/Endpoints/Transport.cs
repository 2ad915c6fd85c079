namespace PSRemotingDsc.Endpoints;

public enum Transport
{
    Wsman,
    Ssh,
}
