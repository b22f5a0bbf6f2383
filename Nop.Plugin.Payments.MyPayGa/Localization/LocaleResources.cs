namespace Nop.Plugin.Payments.MyPayGa.Localization;

/// <summary>
/// The plugin's locale resources: every language gets the French texts when its culture starts with "fr", the English
/// ones otherwise — at install, at each update, and when a language is created (Services/LocaleInstaller.cs). Each part of the plugin contributes its keys in its own file through
/// a partial method (LocaleResources.Services.cs, LocaleResources.Web.cs, LocaleResources.Admin.cs); a key may be
/// declared only once.
/// </summary>
public static partial class LocaleResources
{
    private static readonly Lazy<(IReadOnlyDictionary<string, string> English, IReadOnlyDictionary<string, string> French)> All =
        new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every resource in English (key → text).</summary>
    public static IReadOnlyDictionary<string, string> English => All.Value.English;

    /// <summary>Every resource in French (key → text).</summary>
    public static IReadOnlyDictionary<string, string> French => All.Value.French;

    /// <summary>Keys used by the services, the payment method and the order notes (LocaleResources.Services.cs).</summary>
    static partial void AddServices(Dictionary<string, string> en, Dictionary<string, string> fr);

    /// <summary>Keys used by the controllers, views and view components (LocaleResources.Web.cs).</summary>
    static partial void AddWeb(Dictionary<string, string> en, Dictionary<string, string> fr);

    /// <summary>Keys of the payment ledger: refusals, double payments, refunds (LocaleResources.Ledger.cs).</summary>
    static partial void AddLedger(Dictionary<string, string> en, Dictionary<string, string> fr);

    /// <summary>Keys of the store owner's tools: encrypted keys, test connection, warnings (LocaleResources.Admin.cs).</summary>
    static partial void AddAdmin(Dictionary<string, string> en, Dictionary<string, string> fr);

    /// <summary>Keys of the admin's order panel, decisions, payment links and review queue (LocaleResources.Panel.cs).</summary>
    static partial void AddPanel(Dictionary<string, string> en, Dictionary<string, string> fr);

    /// <summary>Keys of the shopper's pages added after 4.90.2: refusal reasons, retry states (LocaleResources.Shopper.cs).</summary>
    static partial void AddShopper(Dictionary<string, string> en, Dictionary<string, string> fr);

    /// <summary>Keys of e-mailing a payment link to the customer (LocaleResources.Mail.cs).</summary>
    static partial void AddMail(Dictionary<string, string> en, Dictionary<string, string> fr);

    private static (IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>) Build()
    {
        // nopCommerce stores resource names in lower case, so two keys differing only by case would collide there.
        var en = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fr = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddServices(en, fr);
        AddWeb(en, fr);
        AddLedger(en, fr);
        AddAdmin(en, fr);
        AddPanel(en, fr);
        AddShopper(en, fr);
        AddMail(en, fr);
        return (en.AsReadOnly(), fr.AsReadOnly());
    }
}
