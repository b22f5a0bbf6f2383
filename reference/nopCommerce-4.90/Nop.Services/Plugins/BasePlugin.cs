namespace Nop.Services.Plugins;

// Base class of the plugin: every member is declared. All bodies are the minimal working ones for tests.
public abstract partial class BasePlugin : IPlugin
{
    // reference: minimal working body for tests
    public virtual string GetConfigurationPageUrl() => null;

    public virtual PluginDescriptor PluginDescriptor { get; set; }

    // reference: minimal working body for tests
    public virtual Task InstallAsync() => Task.CompletedTask;

    // reference: minimal working body for tests
    public virtual Task InstallSampleDataAsync() => Task.CompletedTask;

    // reference: minimal working body for tests
    public virtual Task UninstallAsync() => Task.CompletedTask;

    // reference: minimal working body for tests
    public virtual Task UpdateAsync(string currentVersion, string targetVersion) => Task.CompletedTask;

    // reference: minimal working body for tests
    public virtual Task PreparePluginToUninstallAsync() => Task.CompletedTask;
}
