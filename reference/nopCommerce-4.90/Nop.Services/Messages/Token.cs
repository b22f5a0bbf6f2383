namespace Nop.Services.Messages;

public sealed partial class Token
{
    // reference: minimal working body for tests
    public Token(string key, object value) : this(key, value, false)
    {
    }

    // reference: minimal working body for tests
    public Token(string key, object value, bool neverHtmlEncoded)
    {
        Key = key;
        Value = value;
        NeverHtmlEncoded = neverHtmlEncoded;
    }

    public string Key { get; }

    public object Value { get; }

    public bool NeverHtmlEncoded { get; }

    // reference: minimal working body for tests
    public override string ToString() => Key + ": " + Value;
}
