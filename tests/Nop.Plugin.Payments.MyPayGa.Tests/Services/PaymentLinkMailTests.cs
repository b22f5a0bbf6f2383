using System.Globalization;
using Moq;
using MyPayGa.Client;
using MyPayGa.Client.Models;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Services;

/// <summary>
/// E-mailing a payment link to the customer through nopCommerce's message templates: the template's install, update
/// and uninstall, what is sent (template, account, language, recipient, tokens), each refusal, the allowed tokens.
/// </summary>
[TestFixture]
public sealed class PaymentLinkMailTests
{
    private const string Admin = "owner@shop.ga";
    private const string LinkUrl = "https://www.mypayga.com/payment/sharedLink/pay?token_url=T0k3n";
    private static readonly string Narrow = CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberGroupSeparator;
    private PluginHarness _harness = null!;

    [SetUp]
    public async Task SetUp()
    {
        _harness = PluginHarness.Create();
        _harness.Client.Setup(c => c.GenerateLinkAsync(It.IsAny<GenerateLinkRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentLinkResponse
            {
                Code = new MyPayGaStatus("200"),
                Link = new PaymentLink { Reference = "s-ABCDEFGH", Url = new Uri(LinkUrl) },
            });
        _harness.Client.Setup(c => c.GetLinkAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentLinkResponse { Link = new PaymentLink { Reference = "T0k3n", FinalStatus = new MyPayGaStatus("400") } });
        await _harness.CreatePaymentMethod().InstallAsync();
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    private IMyPayGaPaymentLinkMailer Mailer => _harness.Get<IMyPayGaPaymentLinkMailer>();

    private MessageTemplate Template => _harness.Messages.Template(MyPayGaDefaults.PaymentLinkMessageTemplate);

    private async Task<(Order Order, MyPayGaAttempt Link)> OpenLinkAsync(decimal total = 12_000m, Action<Order>? configure = null)
    {
        var order = _harness.AddOrder(total: total, configure: configure);
        var outcome = await _harness.Get<IMyPayGaPaymentLinkService>().CreateAsync(order, Admin);
        Assert.That(outcome.Success, Is.True, outcome.Message);
        return (_harness.Orders.Stored(order.Id), outcome.Attempt!);
    }

    #region Install, update, uninstall

    [Test]
    public void Install_adds_one_active_template_sent_from_the_default_account_with_the_link_tokens()
    {
        var template = Template;

        Assert.That(_harness.Messages.Templates.Count(t => t.Name == MyPayGaDefaults.PaymentLinkMessageTemplate), Is.EqualTo(1));
        Assert.That((template.IsActive, template.EmailAccountId, template.LimitedToStores), Is.EqualTo((true, 1, false)));
        Assert.That(template.Subject, Does.Contain("%Order.OrderNumber%").And.Contain("%Store.Name%"));
        Assert.That(template.Body, Does.Contain("<a href=\"%MyPayGa.PaymentLink.URL%\">")
            .And.Contain("%MyPayGa.PaymentLink.Amount%").And.Contain("%MyPayGa.PaymentLink.ExpiresOn%")
            .And.Contain("%Order.CustomerFullName%").And.Contain("%Store.URL%"));
    }

    [Test]
    public async Task Update_adds_the_template_for_a_store_installed_before_it_existed_and_leaves_the_owners_one_alone()
    {
        await _harness.Messages.DeleteMessageTemplateAsync(Template);
        await _harness.CreatePaymentMethod().UpdateAsync("4.90.2", "4.90.3");
        Assert.That(Template.Body, Is.EqualTo(PaymentLinkTemplate.Body), "added on update");

        var edited = Template;
        edited.Subject = "Votre lien de paiement";
        edited.IsActive = false;
        edited.EmailAccountId = 2;
        await _harness.CreatePaymentMethod().UpdateAsync("4.90.2", "4.90.3");
        await _harness.CreatePaymentMethod().InstallAsync();

        var kept = Template;
        Assert.That((kept.Id, kept.Subject, kept.IsActive, kept.EmailAccountId), Is.EqualTo((edited.Id, "Votre lien de paiement", false, 2)),
            "the owner's template is theirs: not replaced, not duplicated");
    }

    [Test]
    public async Task Uninstall_removes_the_template_and_the_owners_copies_for_other_stores()
    {
        var copy = PaymentLinkTemplate.Create(0);
        copy.LimitedToStores = true;
        await _harness.Messages.InsertMessageTemplateAsync(copy);
        await _harness.Messages.InsertMessageTemplateAsync(new MessageTemplate { Name = "OrderPlaced.CustomerNotification", Subject = "s", Body = "b" });

        await _harness.CreatePaymentMethod().UninstallAsync();

        Assert.That(_harness.Messages.Templates.Select(t => t.Name), Is.EqualTo(new[] { "OrderPlaced.CustomerNotification" }));
    }

    #endregion

    #region Sending

    [Test]
    public async Task The_link_is_sent_with_the_template_its_account_the_customers_language_and_the_link_and_xaf_tokens()
    {
        var (order, link) = await OpenLinkAsync(configure: o => o.CustomerLanguageId = 2);
        _harness.BillingAddress.Email = "awa.billing@example.ga";

        var outcome = await Mailer.SendAsync(order, link.Id, Admin);

        Assert.That(outcome.Success, Is.True, outcome.Message);
        Assert.That(outcome.Message, Does.Contain("awa.billing@example.ga"));
        var mail = _harness.Messages.Queued.Single();
        Assert.That((mail.Template.Name, mail.Account.Id, mail.LanguageId, mail.To, mail.ToName),
            Is.EqualTo((MyPayGaDefaults.PaymentLinkMessageTemplate, 1, 2, "awa.billing@example.ga", "Awa Nguema")));
        Assert.That(mail.Token("MyPayGa.PaymentLink.URL"), Is.EqualTo(LinkUrl));
        Assert.That(mail.Tokens.Single(t => t.Key == "MyPayGa.PaymentLink.URL").NeverHtmlEncoded, Is.True, "an address for an href, as nopCommerce's URL tokens");
        Assert.That(mail.Token("MyPayGa.PaymentLink.Amount"), Is.EqualTo($"12{Narrow}000 FCFA"));
        Assert.That(mail.Token("MyPayGa.PaymentLink.Reference"), Is.EqualTo(link.UniqueId));
        Assert.That(mail.Token("Store.Name"), Is.EqualTo("Boutique Libreville"), "nopCommerce's store tokens");
        Assert.That(mail.Token("Order.OrderNumber"), Is.EqualTo(order.CustomOrderNumber), "nopCommerce's order tokens");
        Assert.That(mail.Token("Customer.Email"), Is.EqualTo("awa@example.ga"), "nopCommerce's customer tokens");

        // Followed for AttemptFollowHours after its creation, told in the customer's time zone and language (French here).
        var expires = link.CreatedOnUtc.AddHours(_harness.StoreSettings.AttemptFollowHours).AddHours(1);
        Assert.That(mail.Token("MyPayGa.PaymentLink.ExpiresOn"), Is.EqualTo(expires.ToString("f", CultureInfo.GetCultureInfo("fr-FR"))));

        Assert.That(mail.Body, Does.Contain($"<a href=\"{LinkUrl}\">").And.Contain($"12{Narrow}000 FCFA").And.Not.Contain("%MyPayGa."));
        Assert.That(mail.Subject, Does.Contain(order.CustomOrderNumber));

        var note = _harness.Orders.NoteTexts(order.Id).Last();
        Assert.That(note, Does.StartWith("MyPayGa: payment link " + link.UniqueId + " e-mailed to awa.billing@example.ga by " + Admin));
        Assert.That(_harness.EverythingWritten, Does.Not.Contain(PluginHarness.SecretKey));
    }

    [Test]
    public async Task The_templates_own_account_is_used_and_a_customer_without_billing_e_mail_gets_it_at_their_account_address()
    {
        _harness.Messages.EmailAccounts.Add(new EmailAccount { Id = 2, Email = "paiements@example.ga", DisplayName = "Paiements" });
        Template.EmailAccountId = 2;
        _harness.BillingAddress.Email = null!;
        var (order, link) = await OpenLinkWithoutBillingEmailAsync();

        var outcome = await Mailer.SendAsync(order, link.Id, Admin);

        Assert.That(outcome.Success, Is.True, outcome.Message);
        var mail = _harness.Messages.Queued.Single();
        Assert.That((mail.Account.Id, mail.To), Is.EqualTo((2, "awa@example.ga")));
    }

    /// <summary>MyPayGa's link needs an e-mail: the link is made first, then the billing address loses it.</summary>
    private async Task<(Order, MyPayGaAttempt)> OpenLinkWithoutBillingEmailAsync()
    {
        var saved = _harness.BillingAddress.Email;
        _harness.BillingAddress.Email = "awa@example.ga";
        var opened = await OpenLinkAsync();
        _harness.BillingAddress.Email = saved;
        return opened;
    }

    [Test]
    public async Task An_unpublished_customer_language_falls_back_to_the_stores_first_language_and_the_default_account_to_the_first()
    {
        var (order, link) = await OpenLinkAsync(configure: o => o.CustomerLanguageId = 3);
        Template.EmailAccountId = 0;
        _harness.EmailAccountSettings.DefaultEmailAccountId = 0;

        Assert.That((await Mailer.SendAsync(order, link.Id, Admin)).Success, Is.True);

        var mail = _harness.Messages.Queued.Single();
        Assert.That((mail.LanguageId, mail.Account.Id), Is.EqualTo((1, 1)));
        var expires = link.CreatedOnUtc.AddHours(_harness.StoreSettings.AttemptFollowHours + 1);
        Assert.That(mail.Token("MyPayGa.PaymentLink.ExpiresOn"), Is.EqualTo(expires.ToString("f", CultureInfo.GetCultureInfo("en-US"))));
    }

    #endregion

    #region Refusals: nothing sent, the reason told

    private void AssertNothingSent(LinkOutcome outcome, Order order, string reason)
    {
        Assert.That(outcome.Success, Is.False);
        Assert.That(outcome.Message, Does.Contain(reason));
        Assert.That(outcome.Message, Does.Contain("othing was sent"));
        Assert.That(_harness.Messages.Queued, Is.Empty);
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.None.Contains("e-mailed"));
    }

    [Test]
    public async Task A_missing_template_is_refused()
    {
        var (order, link) = await OpenLinkAsync();
        await _harness.Messages.DeleteMessageTemplateAsync(Template);

        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "does not exist");
    }

    [Test]
    public async Task A_template_limited_to_another_store_is_missing_for_this_one()
    {
        var (order, link) = await OpenLinkAsync();
        Template.LimitedToStores = true;
        _harness.Messages.StoreMappings[Template.Id] = [2];

        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "does not exist");
    }

    [Test]
    public async Task An_inactive_template_is_refused()
    {
        var (order, link) = await OpenLinkAsync();
        Template.IsActive = false;

        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "not active");
    }

    [Test]
    public async Task No_customer_e_mail_is_refused()
    {
        var (order, link) = await OpenLinkAsync();
        _harness.BillingAddress.Email = null!;
        _harness.Customer.Email = null!;

        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "no customer e-mail");
    }

    [Test]
    public async Task No_e_mail_account_is_refused()
    {
        var (order, link) = await OpenLinkAsync();
        _harness.Messages.EmailAccounts.Clear();

        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "no e-mail account");
    }

    [Test]
    public async Task A_cancelled_or_paid_link_an_expired_one_a_push_or_an_unknown_attempt_is_refused()
    {
        var (order, link) = await OpenLinkAsync();
        foreach (var status in new[] { AttemptStatus.Failed, AttemptStatus.Paid, AttemptStatus.TimedOut })
        {
            var row = _harness.Stored(link);
            row.Status = status;
            await _harness.Attempts.UpdateAsync(row, publishEvent: false);
            AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "no longer open");
        }

        var open = _harness.Stored(link);
        open.Status = AttemptStatus.Open;
        await _harness.Attempts.UpdateAsync(open, publishEvent: false);
        _harness.Clock.Advance(TimeSpan.FromHours(_harness.StoreSettings.AttemptFollowHours) + TimeSpan.FromMinutes(1));
        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "no longer open");

        var (pushed, push) = await _harness.AddStartedOrderAsync();
        AssertNothingSent(await Mailer.SendAsync(pushed, push.Id, Admin), pushed, "no longer open");
        AssertNothingSent(await Mailer.SendAsync(order, 4040, Admin), order, "no longer open");
    }

    [Test]
    public async Task A_link_of_an_order_paid_meanwhile_is_refused()
    {
        var (order, link) = await OpenLinkAsync();
        order.PaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Paid;

        AssertNothingSent(await Mailer.SendAsync(order, link.Id, Admin), order, "no longer open");
    }

    [Test]
    public async Task A_failure_while_queuing_is_told_logged_without_the_address_and_writes_no_note()
    {
        var (order, link) = await OpenLinkAsync();
        _harness.Messages.QueueFailure = new InvalidOperationException("database down");

        var outcome = await Mailer.SendAsync(order, link.Id, Admin);

        Assert.That(outcome.Success, Is.False);
        Assert.That(outcome.Message, Does.Contain("did not queue"));
        Assert.That(_harness.Log, Has.One.Contains("InvalidOperationException"));
        Assert.That(string.Join("\n", _harness.Log), Does.Not.Contain("awa@example.ga"));
        Assert.That(_harness.Orders.NoteTexts(order.Id), Has.None.Contains("e-mailed"));
    }

    #endregion

    #region Admin pages and allowed tokens

    [Test]
    public async Task The_panel_offers_the_e_mail_for_an_open_link_only_and_the_confirmation_shows_what_would_be_sent()
    {
        var (order, link) = await OpenLinkAsync(configure: o => o.CustomerLanguageId = 2);
        var factory = _harness.Get<IMyPayGaAdminModelFactory>();

        var panel = await factory.PrepareOrderPanelModelAsync(order);
        var confirm = await factory.PrepareLinkMailModelAsync(order, link.Id);

        Assert.That(panel.OpenLink!.CanEmailLink, Is.True);
        Assert.That((confirm.Action, confirm.AttemptId, confirm.Refusal), Is.EqualTo(("EmailLink", (int?)link.Id, (string?)null)));
        var facts = confirm.Facts.ToDictionary(f => f.Key, f => f.Value);
        Assert.That(facts["To"], Is.EqualTo("Awa Nguema <awa@example.ga>"));
        Assert.That(facts["Link"], Is.EqualTo(LinkUrl));
        Assert.That(facts["Amount"], Is.EqualTo($"12{Narrow}000 FCFA"));
        Assert.That(facts["Message template"], Is.EqualTo(MyPayGaDefaults.PaymentLinkMessageTemplate));
        Assert.That(facts["Language"], Is.EqualTo("Français"));
        Assert.That(facts["Sent from"], Is.EqualTo("Boutique Libreville <shop@example.ga>"));
        Assert.That((await factory.PrepareLinkModelAsync(_harness.AddOrder())).OfferEmail, Is.True, "the new-link confirmation offers the checkbox");

        Template.IsActive = false;
        Assert.That((await factory.PrepareLinkMailModelAsync(order, link.Id)).Refusal, Does.Contain("not active"));
        var row = _harness.Stored(link);
        row.Status = AttemptStatus.TimedOut;
        await _harness.Attempts.UpdateAsync(row, publishEvent: false);
        Assert.That((await factory.PrepareOrderPanelModelAsync(order)).OpenLink!.CanEmailLink, Is.False, "timed out: cancel only");
        Assert.That(_harness.Messages.Queued, Is.Empty, "preparing pages sends nothing");
    }

    [Test]
    public async Task The_link_tokens_are_listed_for_the_plugins_template_and_the_full_list_not_for_nopCommerces_own_templates()
    {
        var consumer = new PaymentLinkTokensConsumer();
        var ours = new AdditionalTokensAddedEvent { TokenGroups = [] };
        var all = new AdditionalTokensAddedEvent();
        var orderPlaced = new AdditionalTokensAddedEvent { TokenGroups = ["{store_tokens}", "{order_tokens}"] };

        await consumer.HandleEventAsync(ours);
        await consumer.HandleEventAsync(all);
        await consumer.HandleEventAsync(orderPlaced);

        var expected = new[] { "%MyPayGa.PaymentLink.URL%", "%MyPayGa.PaymentLink.Amount%", "%MyPayGa.PaymentLink.ExpiresOn%", "%MyPayGa.PaymentLink.Reference%" };
        Assert.That(ours.AdditionalTokens, Is.EqualTo(expected));
        Assert.That(all.AdditionalTokens, Is.EqualTo(expected));
        Assert.That(orderPlaced.AdditionalTokens, Is.Empty);
        foreach (var token in expected)
            Assert.That(PaymentLinkTemplate.Body, Does.Contain(token), "the installed template uses every listed token");
    }

    #endregion
}
