using Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;
using NUnit.Framework;

/// <summary>Stops the database servers the test run started (outside any namespace: applies to the whole assembly).</summary>
[SetUpFixture]
public sealed class DatabaseServersTeardown
{
    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await PostgresServer.StopSharedAsync();
        await RedisServer.StopSharedAsync();
    }
}
