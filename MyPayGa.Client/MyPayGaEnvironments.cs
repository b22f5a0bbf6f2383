namespace MyPayGa.Client;

/// <summary>What a key's prefix says about its environment.</summary>
public static class MyPayGaEnvironments
{
    /// <summary>
    /// <see cref="MyPayGaEnvironment.Test"/> for <c>stest_</c>/<c>ptest_</c> keys, <see cref="MyPayGaEnvironment.Production"/>
    /// for <c>sprod_</c>/<c>pprod_</c>, null when the prefix says nothing (e.g. <c>spub_</c>, empty, unknown).
    /// A hint only: MyPayGa does not document the prefixes as a contract.
    /// </summary>
    public static MyPayGaEnvironment? FromKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var k = key.AsSpan().Trim();
        if (k.StartsWith("stest_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ptest_", StringComparison.OrdinalIgnoreCase))
        {
            return MyPayGaEnvironment.Test;
        }

        if (k.StartsWith("sprod_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("pprod_", StringComparison.OrdinalIgnoreCase))
        {
            return MyPayGaEnvironment.Production;
        }

        return null;
    }

    internal static bool LooksPublic(string key) =>
        key.StartsWith("ptest_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("pprod_", StringComparison.OrdinalIgnoreCase);

    internal static bool LooksSecret(string key) =>
        key.StartsWith("stest_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("sprod_", StringComparison.OrdinalIgnoreCase);
}
