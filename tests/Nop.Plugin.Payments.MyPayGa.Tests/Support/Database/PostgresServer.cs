using System.Diagnostics;
using Npgsql;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

/// <summary>
/// A real PostgreSQL server of the machine (Debian's postgresql package, /usr/lib/postgresql/N/bin), started once for
/// the test run on a free loopback port in a temporary folder, and stopped at the end. Each test gets a database of its
/// own. Where a guarantee rests on the database (a unique key, a conditional delete), it is tested here, not on a fake.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly Process _process;
    private readonly string _folder;
    private int _databases;

    private PostgresServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server of this test run (started at first use).</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>Stops the shared server, if one was started (end of the test run).</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } server)
        {
            _shared = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"mypayga_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=90;Timeout=30;Command Timeout=60";

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var asUser = LocalServerProcess.IsRoot ? "postgres" : null;
        var folder = Path.Combine(Path.GetTempPath(), $"mypayga-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        if (asUser is not null)
            LocalServerProcess.Run("chown", ["-R", asUser, folder]);

        LocalServerProcess.Run(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"], asUser);

        var port = LocalServerProcess.FreeLoopbackPort();
        var log = Path.Combine(Path.GetTempPath(), $"mypayga-pg-{port}.log");
        var process = LocalServerProcess.StartServer(Path.Combine(bin, "postgres"),
        [
            "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={folder}",
            // nopCommerce's default is 100 connections; the tests open a few hosts' pools at once.
            "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ], asUser, log);
        await LocalServerProcess.WaitForPortAsync(port, process, "PostgreSQL", log, TimeSpan.FromSeconds(60));

        // Accepting TCP is not yet accepting queries: wait for a first one.
        var server = new PostgresServer(process, folder, port);
        for (var tries = 0; ; tries++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
                await connection.OpenAsync();
                return server;
            }
            catch (NpgsqlException) when (tries < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(version => Path.Combine(version, "bin"))
                .Where(path => File.Exists(Path.Combine(path, "initdb")) && File.Exists(Path.Combine(path, "postgres")))
                .OrderByDescending(path => path, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: these tests need its server binaries (Debian: apt-get install -y postgresql). .ci/run installs it.");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await LocalServerProcess.StopAsync(_process, _folder);
    }
}
