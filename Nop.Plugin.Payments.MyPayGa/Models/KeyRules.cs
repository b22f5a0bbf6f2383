using MyPayGa.Client;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>What the prefix of a pasted key allows (a hint from MyPayGa's examples, not a documented contract).</summary>
public static class KeyRules
{
    /// <summary>
    /// Null when the key may be saved in that field; otherwise the resource key of the reason: the prefix names the
    /// other environment, or a secret key sits in a public-key field (it would be written into shoppers' pages), or
    /// a public key sits in a secret-key field. Unknown prefixes pass.
    /// </summary>
    public static string? Check(string key, MyPayGaEnvironment fieldEnvironment, bool secretField)
    {
        var trimmed = key.Trim();
        if (!secretField && LooksSecret(trimmed))
            return WebKeys.ConfigureErrorSecretKeyInPublicField;
        if (secretField && LooksPublic(trimmed))
            return WebKeys.ConfigureErrorPublicKeyInSecretField;

        var keyEnvironment = MyPayGaEnvironments.FromKey(trimmed);
        if (keyEnvironment is not null && keyEnvironment != fieldEnvironment)
            return keyEnvironment == MyPayGaEnvironment.Production
                ? WebKeys.ConfigureErrorProductionKeyInTestField
                : WebKeys.ConfigureErrorTestKeyInProductionField;

        return null;
    }

    private static bool LooksSecret(string key) =>
        key.StartsWith("stest_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("sprod_", StringComparison.OrdinalIgnoreCase);

    private static bool LooksPublic(string key) =>
        key.StartsWith("ptest_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("pprod_", StringComparison.OrdinalIgnoreCase);
}
