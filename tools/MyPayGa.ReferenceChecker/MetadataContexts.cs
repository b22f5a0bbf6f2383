using System.Reflection;
using System.Runtime.InteropServices;

namespace MyPayGa.ReferenceChecker;

/// <summary>
/// Builds metadata-only load contexts: a folder's assemblies plus the running runtime's shared frameworks
/// (Microsoft.NETCore.App and Microsoft.AspNetCore.App), so nopCommerce's dependencies resolve without
/// executing anything.
/// </summary>
internal static class MetadataContexts
{
    private static readonly Lazy<Dictionary<string, (string Path, Version Version)>> FrameworkAssemblies = new(() =>
    {
        var chosen = new Dictionary<string, (string Path, Version Version)>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in FrameworkDirectories())
            foreach (var path in ManagedAssemblies(directory))
                Choose(chosen, path, preferOnTie: false);
        return chosen;
    });

    public static MetadataLoadContext Create(string folder)
    {
        // one file per simple name: the highest version wins, the folder's copy wins a tie
        var chosen = new Dictionary<string, (string Path, Version Version)>(FrameworkAssemblies.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var path in ManagedAssemblies(folder))
            Choose(chosen, path, preferOnTie: true);

        var resolver = new PathAssemblyResolver(chosen.Values.Select(entry => entry.Path));
        return new MetadataLoadContext(resolver, "System.Private.CoreLib");
    }

    /// <summary>Managed assemblies directly in <paramref name="folder"/>, with their names.</summary>
    public static IEnumerable<string> ManagedAssemblies(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (TryGetName(path) is not null)
                yield return path;
        }
    }

    public static AssemblyName? TryGetName(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path);
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or IOException)
        {
            return null; // native or unreadable file
        }
    }

    public static IReadOnlyList<string> FrameworkDirectories()
    {
        var netCore = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var directories = new List<string> { netCore };
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(netCore));
        var aspNetRoot = shared is null ? null : Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (aspNetRoot is not null && Directory.Exists(aspNetRoot))
        {
            var sameVersion = Path.Combine(aspNetRoot, Path.GetFileName(netCore));
            var aspNet = Directory.Exists(sameVersion)
                ? sameVersion
                : Directory.EnumerateDirectories(aspNetRoot)
                    .Select(directory => (Directory: directory, Version: Version.TryParse(Path.GetFileName(directory).Split('-')[0], out var version) ? version : null))
                    .Where(candidate => candidate.Version is not null)
                    .OrderByDescending(candidate => candidate.Version)
                    .Select(candidate => candidate.Directory)
                    .FirstOrDefault();
            if (aspNet is not null)
                directories.Add(aspNet);
        }

        return directories;
    }

    private static void Choose(Dictionary<string, (string Path, Version Version)> chosen, string path, bool preferOnTie)
    {
        var name = TryGetName(path);
        if (name?.Name is null)
            return;
        var version = name.Version ?? new Version(0, 0);
        if (!chosen.TryGetValue(name.Name, out var current)
            || version > current.Version
            || (version == current.Version && preferOnTie))
        {
            chosen[name.Name] = (path, version);
        }
    }
}
