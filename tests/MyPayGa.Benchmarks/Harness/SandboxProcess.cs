using System.Diagnostics;
using MyPayGa.Sandbox;

namespace MyPayGa.Benchmarks.Harness;

/// <summary>
/// tools/MyPayGa.Sandbox started by the bench itself, in a child process of this same program
/// (<c>--serve-sandbox</c>): <see cref="SandboxServer.StartAsync"/> there, Kestrel on 127.0.0.1:0. A separate process
/// keeps the server's allocations and GCs out of the figures measured here. It stops when this process closes its
/// standard input (or dies).
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "SANDBOX-READY ";
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:41234/ — MyPayGa's API base URL and the control API (/_sandbox/).</summary>
    public Uri BaseUrl { get; }

    public string SecretKey => SandboxOptions.DefaultSecretKey;

    public static async Task<SandboxProcess> StartAsync(CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program runs the bench.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SandboxProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--serve-sandbox");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox process.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The sandbox process ended before it listened (exit code {ExitCode(process)}).");
                if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
                {
                    return new SandboxProcess(process, new Uri(line[ReadyPrefix.Length..].Trim()));
                }
            }
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The child's side: runs the sandbox until standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            OutcomeDelayMs = 0,
            CallbackDelayMs = 0,
            CallbackRetries = 0,
            JournalCapacity = 1000,
        });
        Console.Out.WriteLine(ReadyPrefix + sandbox.BaseUrl);
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is not null)
        {
            // any line: keep serving; end of input: stop
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            Kill(_process);
        }

        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string ExitCode(Process process) => process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
}
