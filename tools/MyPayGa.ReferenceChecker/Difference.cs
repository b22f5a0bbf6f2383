namespace MyPayGa.ReferenceChecker;

/// <summary>One way in which the reference differs from nopCommerce.</summary>
/// <param name="Subject">What differs: an assembly, a type or a member, as declared in the reference.</param>
/// <param name="Message">How it differs.</param>
public sealed record Difference(string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Message}";
}
