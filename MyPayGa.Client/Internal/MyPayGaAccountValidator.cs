namespace MyPayGa.Client;

/// <summary>The checks behind <see cref="MyPayGaAccount.Validate"/>. Messages name the problem, never the key.</summary>
internal static class MyPayGaAccountValidator
{
    public static IReadOnlyList<string> Validate(MyPayGaAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var problems = new List<string>();

        CheckSecretKey(account, problems);
        CheckPublicKey(account, problems);
        CheckUrl(account.ApiBaseUrl, "The API base URL", problems);
        CheckUrl(account.CardFormUrl, "The card form URL", problems);

        if (account.Timeout <= TimeSpan.Zero || account.Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add("The timeout must be a positive duration.");
        }

        return problems;
    }

    private static void CheckSecretKey(MyPayGaAccount account, List<string> problems)
    {
        var key = account.SecretKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add("The secret key is empty.");
            return;
        }

        if (key.Trim().Length != key.Length)
        {
            problems.Add("The secret key starts or ends with spaces (a copy-paste accident?).");
        }

        var trimmed = key.Trim();
        if (MyPayGaEnvironments.LooksPublic(trimmed))
        {
            problems.Add("The secret key field holds a public key (ptest_/pprod_); paste the secret key (stest_/sprod_).");
            return;
        }

        CheckEnvironment("secret key", trimmed, account.Environment, problems);
    }

    private static void CheckPublicKey(MyPayGaAccount account, List<string> problems)
    {
        var key = account.PublicKey;
        if (key is null || key.Length == 0)
        {
            return; // Only needed for card payments; DescribeCardForm says so when it is missing.
        }

        if (string.IsNullOrWhiteSpace(key) || key.Trim().Length != key.Length)
        {
            problems.Add("The public key is blank or starts or ends with spaces.");
            if (string.IsNullOrWhiteSpace(key))
            {
                return;
            }
        }

        var trimmed = key.Trim();
        if (MyPayGaEnvironments.LooksSecret(trimmed))
        {
            // The public key is posted by the shopper's browser: a secret key there would leak.
            problems.Add("The public key field holds a secret key (stest_/sprod_); it would be sent to browsers. Paste the public key (ptest_/pprod_).");
            return;
        }

        CheckEnvironment("public key", trimmed, account.Environment, problems);
    }

    private static void CheckEnvironment(string what, string key, MyPayGaEnvironment environment, List<string> problems)
    {
        var keyEnvironment = MyPayGaEnvironments.FromKey(key);
        if (keyEnvironment is { } env && env != environment)
        {
            var prefix = key[..key.IndexOf('_')] + "_";
            problems.Add($"The {what} is a {Name(env)} key ({prefix}) but the environment is {Name(environment)}.");
        }
    }

    private static void CheckUrl(Uri? url, string what, List<string> problems)
    {
        if (url is null)
        {
            problems.Add($"{what} is missing.");
        }
        else if (!url.IsAbsoluteUri)
        {
            problems.Add($"{what} must be an absolute URL.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            problems.Add($"{what} must be an http or https URL.");
        }
    }

    private static string Name(MyPayGaEnvironment environment) =>
        environment == MyPayGaEnvironment.Production ? "production" : "test";
}
