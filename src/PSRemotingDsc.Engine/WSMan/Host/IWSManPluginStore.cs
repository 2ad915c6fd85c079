namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Where WinRM keeps its plugins: one ConfigXML document (the <c>PlugInConfiguration</c> element, as text) per
/// plugin name. The port deals in plain strings; parsing the XML is someone else's job.
/// </summary>
public interface IWSManPluginStore
{
    /// <summary>For messages: "registry", "WSMan configuration API", "directory /tmp/x".</summary>
    string Kind { get; }

    /// <summary>Whether a write through this store is seen by a running WinRM only after a restart (registry writes).</summary>
    bool WritesNeedWinRMRestart { get; }

    /// <summary>Names of the registered plugins, sorted ordinally.</summary>
    IReadOnlyList<string> ListPluginNames();

    /// <summary>The plugin's ConfigXML, or null when no plugin of that name exists.</summary>
    /// <param name="name">The plugin name; compared ignoring case, as WinRM does.</param>
    /// <returns>The <c>PlugInConfiguration</c> element as text, or null.</returns>
    /// <exception cref="Errors.PSRemotingDscException">
    /// PluginNameInvalid when <paramref name="name"/> has characters that could become syntax; an access or store
    /// error when the store cannot be read.
    /// </exception>
    string? GetConfigXml(string name);

    /// <summary>Registers a new plugin; fails when one of that name exists.</summary>
    /// <param name="name">The plugin name.</param>
    /// <param name="configXml">The whole <c>PlugInConfiguration</c> element as text; the store does not check it.</param>
    /// <exception cref="Errors.PSRemotingDscException">
    /// PluginNameInvalid, PluginAlreadyExists (or a store failure when the store reports it), or an access or store error.
    /// </exception>
    void Create(string name, string configXml);

    /// <summary>Replaces the whole ConfigXML of an existing plugin; fails when there is none.</summary>
    /// <param name="name">The plugin name.</param>
    /// <param name="configXml">The whole <c>PlugInConfiguration</c> element as text; the store does not check it.</param>
    /// <exception cref="Errors.PSRemotingDscException">
    /// PluginNameInvalid, PluginNotFound (or a store failure when the store reports it), or an access or store error.
    /// </exception>
    void Put(string name, string configXml);

    /// <summary>Removes the plugin; removing a plugin that does not exist does nothing.</summary>
    /// <param name="name">The plugin name.</param>
    /// <exception cref="Errors.PSRemotingDscException">PluginNameInvalid, or an access or store error.</exception>
    void Delete(string name);
}
