namespace MyPayGa.Sandbox.Api;

/// <summary>
/// A request's parameters from the query string and from a form body together (the reference shows both),
/// the form winning when a name is in both. Names are matched case-insensitively.
/// </summary>
public sealed class RequestParams
{
    private readonly Dictionary<string, string> _values;

    private RequestParams(Dictionary<string, string> values) => _values = values;

    public static async Task<RequestParams> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Query)
        {
            values[name] = value.ToString();
        }
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(ct);
                foreach (var (name, value) in form)
                {
                    values[name] = value.ToString();
                }
            }
            catch (InvalidDataException)
            {
                // An unreadable body counts as no form: the required-parameter checks then say what is missing.
            }
        }
        return new RequestParams(values);
    }

    public static RequestParams From(IEnumerable<KeyValuePair<string, string>> values) =>
        new(new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase));

    /// <summary>The trimmed value, or null when absent or blank.</summary>
    public string? this[string name] =>
        _values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The first of <paramref name="names"/> that is absent or blank, or null when all are there.</summary>
    public string? FirstMissing(params string[] names) => names.FirstOrDefault(n => this[n] is null);

    public IEnumerable<KeyValuePair<string, string>> All => _values;
}
