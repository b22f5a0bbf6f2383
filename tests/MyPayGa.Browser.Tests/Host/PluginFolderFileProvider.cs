using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// Shows a folder of the file system under a virtual path, e.g. the plugin's source folder as
/// "/Plugins/Payments.MyPayGa" (where nopCommerce finds an installed plugin's views and content).
/// Nothing is watched: the files do not change while the tests run.
/// </summary>
public sealed class PluginFolderFileProvider : IFileProvider
{
    private readonly string _virtualRoot;
    private readonly PhysicalFileProvider _folder;

    public PluginFolderFileProvider(string virtualRoot, string physicalFolder)
    {
        _virtualRoot = "/" + virtualRoot.Trim('/');
        _folder = new PhysicalFileProvider(physicalFolder);
    }

    public IFileInfo GetFileInfo(string subpath) =>
        Inner(subpath) is { } inner ? _folder.GetFileInfo(inner) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        Inner(subpath) is { } inner ? _folder.GetDirectoryContents(inner) : NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    /// <summary>The path inside the folder, or null when <paramref name="subpath"/> is outside the virtual root.</summary>
    private string? Inner(string subpath)
    {
        var path = "/" + subpath.TrimStart('~').TrimStart('/');
        if (path.Equals(_virtualRoot, StringComparison.Ordinal))
            return "/";
        return path.StartsWith(_virtualRoot + "/", StringComparison.Ordinal) ? path[_virtualRoot.Length..] : null;
    }
}
