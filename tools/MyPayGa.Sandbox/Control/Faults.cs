namespace MyPayGa.Sandbox.Control;

public enum FaultKind
{
    /// <summary>Wait DelayMs, then answer normally.</summary>
    Latency,
    /// <summary>Answer StatusCode (e.g. 503) with an HTML body, like a proxy in front of the API.</summary>
    HttpError,
    /// <summary>Hold the request until the client gives up (capped at 100 s, then 504).</summary>
    Timeout,
    /// <summary>HTTP 200 with a truncated JSON body.</summary>
    Malformed,
    /// <summary>HTTP 200 with an empty body.</summary>
    Empty,
    /// <summary>Abort the connection without any response.</summary>
    Drop,
}

/// <summary>A fault to inject into the next <see cref="Count"/> requests matching <see cref="Endpoint"/>.</summary>
public sealed record FaultRule
{
    /// <summary>A path ("/payment/gethash"; also matches deeper paths such as "/payment/getLink/abc") or "*".</summary>
    public string Endpoint { get; init; } = "*";
    public FaultKind Kind { get; init; }
    /// <summary>Latency: the wait (default 1000 ms). Timeout: the hold before 504 (default and cap 100 s).</summary>
    public int? DelayMs { get; init; }
    /// <summary>HttpError: the status code (default 503).</summary>
    public int StatusCode { get; init; } = 503;
    /// <summary>How many matching requests it hits; -1 until cleared.</summary>
    public int Count { get; init; } = 1;
    /// <summary>
    /// Run the real endpoint first (its effects happen) and damage only the answer — a "lost answer".
    /// Without it the request never reaches the endpoint.
    /// </summary>
    public bool AfterHandler { get; init; }
    /// <summary>Assigned when added.</summary>
    public long Id { get; init; }

    public static readonly TimeSpan TimeoutCap = TimeSpan.FromSeconds(100);

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.HttpError => "http-error",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParseKind(string? text, out FaultKind kind)
    {
        kind = default;
        var name = text?.Replace("-", "").Replace("_", "");
        return !string.IsNullOrEmpty(name) && !int.TryParse(name, out _) && Enum.TryParse(name, ignoreCase: true, out kind);
    }
}

/// <summary>The faults waiting to hit requests. Thread-safe; each hit consumes one count.</summary>
public sealed class FaultRegistry
{
    private readonly object _gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];
    private long _nextId;

    public FaultRule Add(FaultRule rule)
    {
        if (rule.Count == 0 || rule.Count < -1)
        {
            throw new ArgumentException("count must be a positive number, or -1 for \"until cleared\".", nameof(rule));
        }
        if (rule.Kind == FaultKind.HttpError && rule.StatusCode is < 400 or > 599)
        {
            throw new ArgumentException("statusCode must be an HTTP error status (400-599).", nameof(rule));
        }
        if (rule.DelayMs is < 0)
        {
            throw new ArgumentException("delayMs must not be negative.", nameof(rule));
        }
        lock (_gate)
        {
            var stored = rule with { Id = ++_nextId, Endpoint = NormaliseEndpoint(rule.Endpoint) };
            _rules.Add((stored, rule.Count));
            return stored;
        }
    }

    /// <summary>The first fault matching <paramref name="path"/>, consuming one of its hits.</summary>
    public FaultRule? TryTake(string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (!Matches(rule.Endpoint, path))
                {
                    continue;
                }
                if (remaining == -1)
                {
                    return rule;
                }
                if (remaining <= 1)
                {
                    _rules.RemoveAt(i);
                }
                else
                {
                    _rules[i] = (rule, remaining - 1);
                }
                return rule;
            }
            return null;
        }
    }

    /// <summary>Faults still armed; Count shows the hits left.</summary>
    public IReadOnlyList<FaultRule> List()
    {
        lock (_gate)
        {
            return _rules.Select(r => r.Rule with { Count = r.Remaining }).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    private static string NormaliseEndpoint(string? endpoint)
    {
        var e = (endpoint ?? "*").Trim();
        if (e is "" or "*")
        {
            return "*";
        }
        return "/" + e.Trim('/');
    }

    private static bool Matches(string endpoint, string path)
    {
        if (endpoint == "*")
        {
            return true;
        }
        var p = "/" + path.Trim('/');
        return p.Equals(endpoint, StringComparison.OrdinalIgnoreCase) ||
               p.StartsWith(endpoint + "/", StringComparison.OrdinalIgnoreCase);
    }
}
