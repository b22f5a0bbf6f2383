using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

/// <summary>
/// A real Redis of the machine (Debian's redis-server), started once for the test run as a child process on a free
/// loopback port, without persistence, and stopped at the end: the distributed cache of a nopCommerce web farm
/// (DistributedCacheConfig: Redis). Each user gets a key prefix of its own (<see cref="NewInstanceName"/>), as
/// nopCommerce's InstanceName gives each installation.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static RedisServer? _shared;
    private static int _instances;

    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis configuration, as in nopCommerce's DistributedCacheConfig.ConnectionString.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},ssl=False,abortConnect=False";

    /// <summary>The server of this test run (started at first use).</summary>
    public static async Task<RedisServer> GetAsync()
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

    public static async Task StopSharedAsync()
    {
        if (_shared is { } server)
        {
            _shared = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>A key prefix no other test uses (nopCommerce: DistributedCacheConfig.InstanceName).</summary>
    public static string NewInstanceName() =>
        $"mypayga-test-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Interlocked.Increment(ref _instances).ToString(CultureInfo.InvariantCulture)}:";

    /// <summary>Options of Microsoft's RedisCache as nopCommerce's AddDistributedCache sets them.</summary>
    public RedisCacheOptions CacheOptions(string instanceName) => new() { Configuration = Configuration, InstanceName = instanceName };

    /// <summary>Every key and its stored text under a prefix (RedisCache keeps the value in the hash field "data").</summary>
    public async Task<IReadOnlyDictionary<string, string>> DumpAsync(string instanceName)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var server = connection.GetServer("127.0.0.1", Port);
        var database = connection.GetDatabase();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in server.KeysAsync(pattern: instanceName + "*"))
            values[key.ToString()] = (await database.HashGetAsync(key, "data")).ToString();
        return values;
    }

    private static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException(
                $"Redis is not installed ({Binary} is missing): the web-farm tests run nopCommerce's Redis cache on a real server. " +
                "Debian: apt-get install -y redis-server (.ci/run installs it).");

        var folder = Path.Combine(Path.GetTempPath(), $"mypayga-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = LocalServerProcess.FreeLoopbackPort();
        var log = Path.Combine(folder, "redis.log");
        var process = LocalServerProcess.StartServer(Binary,
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
            "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "no", "--loglevel", "warning",
        ], asUser: null, log);
        await LocalServerProcess.WaitForPortAsync(port, process, "Redis", log, TimeSpan.FromSeconds(30));

        var server = new RedisServer(process, folder, port);
        for (var tries = 0; ; tries++)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
                await connection.GetDatabase().PingAsync();
                return server;
            }
            catch (RedisException) when (tries < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LocalServerProcess.StopAsync(_process, _folder);
    }
}
