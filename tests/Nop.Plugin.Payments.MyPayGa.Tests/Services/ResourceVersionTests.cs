using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nop.Plugin.Payments.MyPayGa.Localization;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// nopCommerce re-runs a plugin's UpdateAsync (which re-adds the locale resources) only when plugin.json's Version
/// changes. A release that changes a text without a new version shows shoppers raw keys after an upgrade (seen in a
/// real 4.90.6 store). This test ties the resources to the version that ships them.
/// </summary>
public class ResourceVersionTests
{
    /// <summary>plugin.json Version → fingerprint of the resources it installs. Add a line for each new version.</summary>
    private static readonly Dictionary<string, string> Shipped = new()
    {
        ["4.90.1"] = "62e9d05c3d93bc60",
        ["4.90.2"] = "effe745a7e087d4c",
        ["4.90.3"] = "73fe99483832162b",
    };

    [Test]
    public void Changing_a_resource_requires_a_new_plugin_version()
    {
        var version = ReadPluginVersion();
        var fingerprint = Fingerprint();

        Assert.That(Shipped.TryGetValue(version, out var recorded), Is.True,
            $"plugin.json Version {version} has no recorded resource fingerprint; add [\"{version}\"] = \"{fingerprint}\".");
        Assert.That(fingerprint, Is.EqualTo(recorded),
            $"The locale resources changed but plugin.json still says {version}: nopCommerce would not install the new texts. " +
            $"Bump plugin.json Version (and the csproj Version) and record [\"<new version>\"] = \"{fingerprint}\".");
    }

    private static string ReadPluginVersion()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")));
        return json.RootElement.GetProperty("Version").GetString()!;
    }

    private static string Fingerprint()
    {
        var lines = LocaleResources.English.Keys.Order(StringComparer.Ordinal)
            .Select(key => $"{key}\u001f{LocaleResources.English[key]}\u001f{LocaleResources.French.GetValueOrDefault(key)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', lines))))[..16];
    }
}
