using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

/// <summary>Helpers to run a database server of the machine (PostgreSQL, Redis) as a child process on loopback.</summary>
internal static class LocalServerProcess
{
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static bool IsRoot => Environment.UserName == "root" || (OperatingSystem.IsLinux() && File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0");

    /// <summary>Runs a command to its end; throws with its output when it fails.</summary>
    public static string Run(string file, IEnumerable<string> arguments, string? asUser = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(Start(file, arguments, asUser)) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        return output.Result;
    }

    /// <summary>Starts a long-running server; its output is kept in <paramref name="log"/>.</summary>
    public static Process StartServer(string file, IEnumerable<string> arguments, string? asUser, string log)
    {
        var info = Start(file, arguments, asUser);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> arguments, string? asUser)
    {
        ProcessStartInfo info;
        if (asUser is not null)
        {
            // PostgreSQL refuses to run as root: CI machines run as root, so the server runs as its own user.
            info = new ProcessStartInfo("runuser") { ArgumentList = { "-u", asUser, "--", file } };
        }
        else
        {
            info = new ProcessStartInfo(file);
        }

        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }

    public static async Task WaitForPortAsync(int port, Process process, string what, string log, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{what} exited at start: {SafeRead(log)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{what} did not listen on 127.0.0.1:{port}: {SafeRead(log)}");
    }

    /// <summary>Stops a server started by <see cref="StartServer"/> and deletes its folder (best effort: a test's teardown).</summary>
    public static async Task StopAsync(Process process, string folder)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static string SafeRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
