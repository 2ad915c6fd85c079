namespace PSRemotingDsc.WSMan.Host;

/// <summary>Stable kinds of difference between an endpoint's plugin folder and the PowerShell it should run. Never rename.</summary>
public enum PluginDriftKind
{
    /// <summary>The PowerShell home has no pwrshplugin.dll to copy (not a Windows build, or a copy without it; every Windows package, Store/MSIX included, ships it).</summary>
    SourcePluginMissing,

    /// <summary>The endpoint's folder has no pwrshplugin.dll copy.</summary>
    PluginMissing,

    /// <summary>The copy's bytes differ from $PSHOME's (and it is not known to be older).</summary>
    PluginHashDiffers,

    /// <summary>The copy's file version is lower than $PSHOME's (PowerShell#24140).</summary>
    PluginOlder,

    /// <summary>The endpoint's folder has no RemotePowerShellConfig.txt, so the plugin looks for PowerShell in its own folder and fails.</summary>
    ConfigMissing,

    /// <summary>No PSHOMEDIR line with a value.</summary>
    PSHomeDirMissing,

    /// <summary>PSHOMEDIR names a directory that does not exist (PowerShell uninstalled: #14274, #17367, #20180).</summary>
    PSHomeDirNotFound,

    /// <summary>PSHOMEDIR names another existing installation.</summary>
    PSHomeDirOther,

    /// <summary>No CORECLRDIR line with a value.</summary>
    CoreClrDirMissing,

    /// <summary>CORECLRDIR names a directory that does not exist.</summary>
    CoreClrDirNotFound,

    /// <summary>CORECLRDIR names another existing installation.</summary>
    CoreClrDirOther,

    /// <summary>Non-admin users lack rights the plugin needs on RemotePowerShellConfig.txt (#18741, #20180).</summary>
    ConfigAccessMissing,
}
