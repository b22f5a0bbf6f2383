namespace MyPayGa.Sandbox.Control;

/// <summary>One thing that happened in the sandbox. Values are redacted before they get here.</summary>
public sealed record JournalEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset Time { get; init; }

    /// <summary>"request", "payment", "callback", "callback-refused", "control".</summary>
    public required string Kind { get; init; }

    public string? Method { get; init; }
    public string? Path { get; init; }
    public IReadOnlyDictionary<string, string>? Query { get; init; }
    public IReadOnlyDictionary<string, string>? Form { get; init; }

    /// <summary>HTTP status returned (requests) or answered by the merchant (callbacks).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Status inside the MyPayGa body ("200", "400", ...), when there is one.</summary>
    public string? ProviderStatus { get; init; }

    public IReadOnlyList<string>? Faults { get; init; }
    public string? PaymentToken { get; init; }
    public string? Note { get; init; }

    // Callback deliveries
    public string? Target { get; init; }
    public string? Format { get; init; }
    public int? Attempt { get; init; }
    public double? DurationMs { get; init; }
    public string? Error { get; init; }
}

/// <summary>Bounded, thread-safe, in-memory journal.</summary>
public sealed class EventJournal
{
    private readonly object _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private long _sequence;

    public EventJournal(TimeProvider time, int capacity = 10_000)
    {
        _time = time;
        _capacity = Math.Max(100, capacity);
    }

    public JournalEntry Add(JournalEntry entry)
    {
        lock (_gate)
        {
            var stored = entry with { Sequence = ++_sequence, Time = _time.GetUtcNow() };
            _entries.AddLast(stored);
            while (_entries.Count > _capacity)
            {
                _entries.RemoveFirst();
            }
            return stored;
        }
    }

    /// <summary>Entries with a sequence greater than <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Read(long after = 0)
    {
        lock (_gate)
        {
            return _entries.Where(e => e.Sequence > after).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
