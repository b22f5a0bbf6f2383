namespace Nop.Core.Domain.Messages;

// Published by the token provider while it builds the "allowed tokens" list shown on a message template's page.
public partial class AdditionalTokensAddedEvent
{
    // reference: minimal working body for tests
    public AdditionalTokensAddedEvent()
    {
        AdditionalTokens = new List<string>();
    }

    // reference: minimal working body for tests
    public virtual void AddTokens(params string[] additionalTokens)
    {
        foreach (var token in additionalTokens)
            AdditionalTokens.Add(token);
    }

    public IList<string> AdditionalTokens { get; }

    public IEnumerable<string> TokenGroups { get; set; }
}
