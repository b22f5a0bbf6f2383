using Nop.Core.Domain.Messages;
using Nop.Services.Events;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Lists the payment link's tokens among the "allowed tokens" nopCommerce shows on a message template's page. nopCommerce
/// passes token groups for its own templates (none of which fills these tokens) and none for a plugin's template or the
/// list of every token: only then are they added. Found and registered by nopCommerce, as every IConsumer&lt;T&gt;.
/// </summary>
public class PaymentLinkTokensConsumer : IConsumer<AdditionalTokensAddedEvent>
{
    public Task HandleEventAsync(AdditionalTokensAddedEvent eventMessage)
    {
        ArgumentNullException.ThrowIfNull(eventMessage);
        if (eventMessage.TokenGroups is null || !eventMessage.TokenGroups.Any())
            eventMessage.AddTokens([.. PaymentLinkTemplate.Tokens.All]);
        return Task.CompletedTask;
    }
}
