using System.Text;

namespace MyPayGa.Client.Wire;

/// <summary>Turns a row of <see cref="WireFormat"/> and the values of one call into an HTTP request.</summary>
internal static class RequestBuilder
{
    /// <summary>
    /// The parameters of a call as name/value pairs, in the row's order: <paramref name="values"/> fill the
    /// non-key parameters in order, <paramref name="apiKey"/> goes where the row says <c>apikey</c>.
    /// </summary>
    public static List<KeyValuePair<string, string>> Parameters(Endpoint endpoint, string apiKey, IReadOnlyList<string> values)
    {
        var expected = endpoint.Parameters.Count(p => p != Endpoint.ApiKey);
        if (values.Count != expected)
        {
            throw new InvalidOperationException(
                $"Wire table row {endpoint.Name} has {expected} parameters besides the key but {values.Count} values were given.");
        }

        var result = new List<KeyValuePair<string, string>>(endpoint.Parameters.Length);
        var next = 0;
        foreach (var name in endpoint.Parameters)
        {
            result.Add(new(name, name == Endpoint.ApiKey ? apiKey : values[next++] ?? ""));
        }

        return result;
    }

    public static HttpRequestMessage Build(Endpoint endpoint, Uri apiBaseUrl, string apiKey, string? pathReference, IReadOnlyList<string> values)
    {
        var path = endpoint.Path;
        if (endpoint.HasPathReference)
        {
            if (string.IsNullOrEmpty(pathReference))
            {
                throw new ArgumentException($"{endpoint.Name} needs a reference.", nameof(pathReference));
            }

            path = path.Replace(Endpoint.RefPlaceholder, Uri.EscapeDataString(pathReference), StringComparison.Ordinal);
        }

        var parameters = Parameters(endpoint, apiKey, values);
        var uri = new Uri(WithTrailingSlash(apiBaseUrl), path);
        var request = new HttpRequestMessage(endpoint.Method, uri);

        switch (endpoint.Encoding)
        {
            case ParameterEncoding.Form:
                request.Content = new FormUrlEncodedContent(parameters);
                break;
            case ParameterEncoding.Query:
                request.RequestUri = new UriBuilder(uri) { Query = QueryString(parameters) }.Uri;
                break;
            default:
                throw new InvalidOperationException($"Unknown encoding {endpoint.Encoding}.");
        }

        return request;
    }

    public static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>"http://host/base" + "payment/x" must give "http://host/base/payment/x", not "http://host/payment/x".</summary>
    internal static Uri WithTrailingSlash(Uri baseUrl)
    {
        if (baseUrl.AbsolutePath.EndsWith('/'))
        {
            return baseUrl;
        }

        return new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath + "/" }.Uri;
    }
}
