using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>The page whose form the browser posts to MyPayGa's hosted card form.</summary>
public record CardRedirectModel : BaseNopModel
{
    public Guid OrderGuid { get; set; }

    public string? CustomOrderNumber { get; set; }

    public string? AmountText { get; set; }

    /// <summary>The hosted card form (absolute URL).</summary>
    public required string FormUrl { get; set; }

    /// <summary>The fields to post (payment_token and the PUBLIC key only).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; set; } = [];
}
