namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// WinRM names each listener key under <c>...\WSMAN\Listener</c> as <c>&lt;Address&gt;+&lt;Transport&gt;</c>, for
/// example <c>*+HTTP</c>, <c>*+HTTPS</c>, <c>IP:10.0.0.5+HTTP</c>. Listeners set by Group Policy
/// (<c>HKLM\SOFTWARE\Policies\Microsoft\Windows\WinRM\Service</c>) are not under this key and are not seen here.
/// </summary>
internal static class ListenerKeyNames
{
    internal static WSManListenerPresence Classify(IEnumerable<string> keyNames)
    {
        bool http = false, https = false;
        foreach (string name in keyNames)
        {
            if (name.EndsWith("+HTTPS", StringComparison.OrdinalIgnoreCase))
            {
                https = true;
            }
            else if (name.EndsWith("+HTTP", StringComparison.OrdinalIgnoreCase))
            {
                http = true;
            }
        }

        return new WSManListenerPresence(http, https);
    }
}
