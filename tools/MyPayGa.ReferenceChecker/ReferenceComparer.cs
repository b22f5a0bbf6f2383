using System.Reflection;

namespace MyPayGa.ReferenceChecker;

/// <summary>
/// Compares the hand-written nopCommerce reference assemblies with real nopCommerce assemblies, as metadata
/// only. The reference is a subset: everything it declares must exist in nopCommerce with the same shape;
/// members nopCommerce has and the reference omits are fine, except members of the interfaces the plugin
/// implements and abstract members of classes it may derive from.
/// </summary>
public static class ReferenceComparer
{
    private const string ImplementedInterfacesResource = "implemented-interfaces.txt";
    private const string OpaqueTypesResource = "opaque-types.txt";

    /// <summary>The interfaces listed in reference/nopCommerce-4.90/implemented-interfaces.txt (embedded at build).</summary>
    public static IReadOnlyList<string> DefaultImplementedInterfaces { get; } = LoadList(ImplementedInterfacesResource);

    /// <summary>
    /// The types listed in reference/opaque-types.txt (embedded at build): declared only so that the plugin can name
    /// them (a parameter type of a method it overrides); only their existence, assembly, accessibility and kind are
    /// compared, not their base type, interfaces or members.
    /// </summary>
    public static IReadOnlyList<string> DefaultOpaqueTypes { get; } = LoadList(OpaqueTypesResource);

    /// <summary>Parses an implemented-interfaces list: one full type name per line, '#' starts a comment.</summary>
    public static IReadOnlyList<string> ParseInterfaceList(string text) =>
        text.Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .ToList();

    /// <summary>
    /// Compares every assembly in <paramref name="referenceDirectory"/> with the assembly of the same name in
    /// <paramref name="nopDirectory"/>.
    /// </summary>
    /// <param name="implementedInterfaces">Full names of the interfaces the plugin implements; null means
    /// <see cref="DefaultImplementedInterfaces"/>.</param>
    /// <exception cref="ReferenceCheckException">A folder or an assembly cannot be used.</exception>
    /// <param name="opaqueTypes">Full names of the types compared by name and kind only; null means
    /// <see cref="DefaultOpaqueTypes"/>.</param>
    public static IReadOnlyList<Difference> Compare(string referenceDirectory, string nopDirectory,
        IEnumerable<string>? implementedInterfaces = null, IEnumerable<string>? opaqueTypes = null)
    {
        RequireDirectory(referenceDirectory, "reference");
        RequireDirectory(nopDirectory, "nopCommerce");

        var referenceFiles = MetadataContexts.ManagedAssemblies(referenceDirectory).ToList();
        if (referenceFiles.Count == 0)
            throw new ReferenceCheckException($"no assembly in the reference folder '{referenceDirectory}'");

        var nopFiles = MetadataContexts.ManagedAssemblies(nopDirectory)
            .Select(path => (Path: path, Name: MetadataContexts.TryGetName(path)?.Name))
            .Where(file => file.Name is not null)
            .ToList();

        using var referenceContext = MetadataContexts.Create(referenceDirectory);
        using var nopContext = MetadataContexts.Create(nopDirectory);

        var pairs = new List<(Assembly Reference, Assembly Nop)>();
        foreach (var referenceFile in referenceFiles)
        {
            var reference = Load(referenceContext, referenceFile);
            var name = reference.GetName().Name!;
            var nopFile = nopFiles.FirstOrDefault(file => string.Equals(file.Name, name, StringComparison.OrdinalIgnoreCase));
            if (nopFile.Path is null)
                throw new ReferenceCheckException($"{name}.dll is not in the nopCommerce folder '{nopDirectory}'");
            pairs.Add((reference, Load(nopContext, nopFile.Path)));
        }

        // every Nop assembly of the real side, to tell where a misplaced type really lives
        var nopAssemblies = pairs.Select(pair => pair.Nop).ToList();
        foreach (var file in nopFiles.Where(file => file.Name!.StartsWith("Nop.", StringComparison.Ordinal)
                     && nopAssemblies.All(assembly => !string.Equals(assembly.GetName().Name, file.Name, StringComparison.OrdinalIgnoreCase))))
        {
            try
            {
                nopAssemblies.Add(nopContext.LoadFromAssemblyPath(file.Path));
            }
            catch (Exception exception) when (exception is FileLoadException or BadImageFormatException)
            {
                // only used for hints
            }
        }

        var comparison = new Comparison(pairs, nopAssemblies,
            new HashSet<string>(implementedInterfaces ?? DefaultImplementedInterfaces, StringComparer.Ordinal),
            new HashSet<string>(opaqueTypes ?? DefaultOpaqueTypes, StringComparer.Ordinal));
        return comparison.Run();
    }

    private static void RequireDirectory(string directory, string what)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
            throw new ReferenceCheckException($"the {what} folder '{directory}' does not exist");
    }

    private static Assembly Load(MetadataLoadContext context, string path)
    {
        try
        {
            return context.LoadFromAssemblyPath(path);
        }
        catch (Exception exception) when (exception is FileLoadException or BadImageFormatException or IOException)
        {
            throw new ReferenceCheckException($"cannot load '{path}': {exception.Message}", exception);
        }
    }

    private static IReadOnlyList<string> LoadList(string resource)
    {
        using var stream = typeof(ReferenceComparer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return ParseInterfaceList(reader.ReadToEnd());
    }
}
