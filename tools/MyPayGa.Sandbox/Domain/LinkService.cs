namespace MyPayGa.Sandbox.Domain;

public sealed record NewLink(long Amount, string? FirstName, string? LastName, string? Email, string? Phone, string? Description);

/// <summary>Payment links: generateLink, getLink, linkCancel, and paying a link from its page.</summary>
internal sealed class LinkService(SandboxStore store, PaymentService payments, TimeProvider time)
{
    public LinkSnapshot Create(NewLink request, string baseUrl)
    {
        var token = Ids.LinkToken();
        var link = new PaymentLink
        {
            OrderRef = Ids.LinkOrderRef(),
            Token = token,
            Amount = request.Amount,
            Url = $"{baseUrl.TrimEnd('/')}/payment/sharedLink/pay?token_url={token}",
            CreatedAt = time.GetUtcNow(),
            FirstName = request.FirstName,
            LastName = request.LastName,
            Email = request.Email,
            Phone = request.Phone,
            Description = request.Description,
        };
        lock (store.Gate)
        {
            store.LinksByToken.Add(link.Token, link);
            store.LinksByOrderRef.Add(link.OrderRef, link);
            return link.Snapshot();
        }
    }

    /// <summary>By token_url (what getLink's example shows as ref) or by order_ref.</summary>
    public LinkSnapshot? Get(string reference)
    {
        lock (store.Gate)
        {
            return store.FindLinkLocked(reference)?.Snapshot();
        }
    }

    public LinkSnapshot? Cancel(string reference)
    {
        lock (store.Gate)
        {
            var link = store.FindLinkLocked(reference);
            if (link is null)
            {
                return null;
            }
            link.Expired = true;
            return link.Snapshot();
        }
    }

    /// <summary>The link page's Pay button: a new payment (unique_id = order_ref) pushed to a test number.</summary>
    public Result<MobileRequestAccepted> Pay(string reference, string phone)
    {
        LinkSnapshot link;
        lock (store.Gate)
        {
            var found = store.FindLinkLocked(reference);
            if (found is null)
            {
                return Result<MobileRequestAccepted>.Fail("Unknown payment link.");
            }
            if (found.Expired)
            {
                return Result<MobileRequestAccepted>.Fail("This payment link has expired.");
            }
            if (found.Paid)
            {
                return Result<MobileRequestAccepted>.Fail("This payment link is already paid.");
            }
            link = found.Snapshot();
        }
        var payment = payments.Create(
            new NewPayment(link.OrderRef, link.Amount, link.Email, link.FirstName, link.LastName, phone, link.Description),
            link.Token);
        lock (store.Gate)
        {
            if (store.LinksByToken.TryGetValue(link.Token, out var stored))
            {
                stored.PaymentTokens.Add(payment.Token);
            }
        }
        return payments.RequestMobile(payment.Token, link.Amount, phone);
    }
}
