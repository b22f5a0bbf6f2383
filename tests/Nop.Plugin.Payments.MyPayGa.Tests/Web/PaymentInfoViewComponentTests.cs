using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Primitives;
using Moq;
using MyPayGa.Client.Phones;
using Nop.Plugin.Payments.MyPayGa.Components;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Orders;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

[TestFixture]
public sealed class PaymentInfoViewComponentTests
{
    private static MyPayGaSettings Settings(bool mobile = true, bool card = true, string? publicKey = "ptest_sandbox_public_key") => new()
    {
        MobileMoneyEnabled = mobile,
        CardEnabled = card,
        TestPublicKey = publicKey,
    };

    private static IFormCollection? Get() => null;

    private static IFormCollection Post(params (string Key, string Value)[] fields) =>
        new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));

    private static MyPayGaPublicModelFactory Factory(MyPayGaSettings settings, PhoneNumber? phoneOnFile = null)
    {
        var checkout = new Mock<IMyPayGaCheckoutService>();
        checkout.Setup(c => c.GetPhoneOnFileAsync(It.IsAny<Nop.Core.Domain.Customers.Customer>())).ReturnsAsync(phoneOnFile);
        return new MyPayGaPublicModelFactory(WebFakes.Localization().Object, WebFakes.NopUrl().Object, WebFakes.WorkContext().Object,
            WebFakes.StoreContext().Object, new Mock<IShoppingCartService>().Object, new Mock<IOrderTotalCalculationService>().Object,
            new Mock<Nop.Services.Logging.ILogger>().Object, new Mock<IPaymentAttemptStore>().Object, checkout.Object, new Mock<IXafAmountService>().Object, WebFakes.XafFormatter(), settings, TimeProvider.System);
    }

    /// <summary>The payment-info model for the settings, what was posted (null: a GET) and the phone on file.</summary>
    private static Task<PaymentInfoModel> PrepareModelAsync(MyPayGaSettings settings, IFormCollection? posted, PhoneNumber? phoneOnFile = null) =>
        Factory(settings, phoneOnFile).PreparePaymentInfoModelAsync(posted);

    private static PaymentInfoViewComponent Component(MyPayGaSettings settings, HttpContext context, PhoneNumber? phoneOnFile = null) =>
        new(Factory(settings, phoneOnFile))
        {
            ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = context } },
        };

    [Test]
    public async Task The_component_renders_the_payment_info_view_with_both_channels()
    {
        var component = Component(Settings(), new DefaultHttpContext());

        var result = (ViewViewComponentResult)await component.InvokeAsync();

        Assert.That(result.ViewName, Is.EqualTo(MyPayGaViewPaths.PaymentInfo));
        var model = (PaymentInfoModel)result.ViewData!.Model!;
        Assert.That(model.MobileMoneyEnabled && model.CardEnabled, Is.True);
        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
        Assert.That(model.ChannelFieldName, Is.EqualTo(MyPayGaDefaults.ChannelFormField));
        Assert.That(model.PhoneFieldName, Is.EqualTo(MyPayGaDefaults.PhoneFormField));
    }

    [Test]
    public async Task After_a_failed_validation_the_posted_channel_and_phone_are_shown_again()
    {
        var model = await PrepareModelAsync(Settings(),
            Post((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.PhoneFormField, " 074 12 ")));

        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.Card));
        Assert.That(model.Phone, Is.EqualTo("074 12"));
    }

    [Test]
    public async Task A_posted_channel_that_is_disabled_is_not_selected()
    {
        var model = await PrepareModelAsync(Settings(card: false),
            Post((MyPayGaDefaults.ChannelFormField, "Card")));

        Assert.That(model.CardEnabled, Is.False);
        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
        Assert.That(model.SingleChannel, Is.True);
    }

    [Test]
    public async Task Card_is_not_offered_without_a_public_key_for_the_environment()
    {
        var model = await PrepareModelAsync(Settings(publicKey: null), Get());

        Assert.That(model.CardEnabled, Is.False);
        Assert.That(model.SingleChannel, Is.True);
    }

    [Test]
    public async Task With_card_only_card_is_preselected()
    {
        var model = await PrepareModelAsync(Settings(mobile: false), Get());

        Assert.That(model.SelectedChannel, Is.EqualTo(PaymentChannel.Card));
        Assert.That(model.MobileMoneyEnabled, Is.False);
    }

    private static PhoneNumber Phone(string text) =>
        PhoneNumber.TryParse(text, out var phone, out _) ? phone! : throw new ArgumentException(text);

    [Test]
    public async Task The_card_phone_is_prefilled_from_the_phone_on_file_and_optional_then()
    {
        var model = await PrepareModelAsync(Settings(), Get(), Phone("074 12 34 56"));

        Assert.That(model.CardPhone, Is.EqualTo("+241 74 12 34 56"));
        Assert.That(model.CardPhoneRequired, Is.False);
        Assert.That(model.CardPhoneFieldName, Is.EqualTo(MyPayGaDefaults.CardPhoneFormField));
    }

    [Test]
    public async Task Without_a_phone_on_file_the_card_phone_is_required()
    {
        var model = await PrepareModelAsync(Settings(), Get(), phoneOnFile: null);

        Assert.That(model.CardPhone, Is.Null);
        Assert.That(model.CardPhoneRequired, Is.True);
    }

    [Test]
    public async Task A_store_without_cards_never_requires_a_card_phone()
    {
        var model = await PrepareModelAsync(Settings(card: false), Get(), phoneOnFile: null);

        Assert.That(model.CardPhoneRequired, Is.False);
    }

    [Test]
    public async Task After_a_failed_validation_the_posted_card_phone_is_shown_again_even_when_emptied()
    {
        var typed = await PrepareModelAsync(Settings(),
            Post((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.CardPhoneFormField, " 011 76 54 32 ")), Phone("074123456"));
        var emptied = await PrepareModelAsync(Settings(),
            Post((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.CardPhoneFormField, "")), Phone("074123456"));

        Assert.That(typed.CardPhone, Is.EqualTo("011 76 54 32"));
        Assert.That(emptied.CardPhone, Is.Null);
    }

    [Test]
    public async Task The_component_looks_up_the_current_customers_phone_on_file()
    {
        var checkout = new Mock<IMyPayGaCheckoutService>();
        checkout.Setup(c => c.GetPhoneOnFileAsync(It.Is<Nop.Core.Domain.Customers.Customer>(cu => cu.Id == WebFakes.CustomerId)))
            .ReturnsAsync(Phone("077508412"));
        var factory = new MyPayGaPublicModelFactory(WebFakes.Localization().Object, WebFakes.NopUrl().Object, WebFakes.WorkContext().Object,
            WebFakes.StoreContext().Object, new Mock<IShoppingCartService>().Object, new Mock<IOrderTotalCalculationService>().Object,
            new Mock<Nop.Services.Logging.ILogger>().Object, new Mock<IPaymentAttemptStore>().Object, checkout.Object, new Mock<IXafAmountService>().Object, WebFakes.XafFormatter(), Settings(), TimeProvider.System);
        var component = new PaymentInfoViewComponent(factory)
        {
            ViewComponentContext = new ViewComponentContext { ViewContext = new ViewContext { HttpContext = new DefaultHttpContext() } },
        };

        var model = (PaymentInfoModel)((ViewViewComponentResult)await component.InvokeAsync()).ViewData!.Model!;

        Assert.That(model.CardPhone, Is.EqualTo("+241 77 50 84 12"));
        Assert.That(model.CardPhoneRequired, Is.False);
    }

    [Test]
    public async Task The_component_shows_again_what_was_posted_and_reads_no_form_on_a_get()
    {
        var post = new DefaultHttpContext();
        post.Request.Method = "POST";
        post.Request.ContentType = "application/x-www-form-urlencoded";
        post.Request.Form = Post((MyPayGaDefaults.ChannelFormField, "Card"), (MyPayGaDefaults.CardPhoneFormField, "011 76 54 32"));
        var get = new DefaultHttpContext();
        get.Request.Method = "GET";
        get.Request.ContentType = "application/x-www-form-urlencoded";
        get.Request.Form = Post((MyPayGaDefaults.ChannelFormField, "Card"));

        var posted = (PaymentInfoModel)((ViewViewComponentResult)await Component(Settings(), post).InvokeAsync()).ViewData!.Model!;
        var fresh = (PaymentInfoModel)((ViewViewComponentResult)await Component(Settings(), get).InvokeAsync()).ViewData!.Model!;

        Assert.That(posted.SelectedChannel, Is.EqualTo(PaymentChannel.Card));
        Assert.That(posted.CardPhone, Is.EqualTo("011 76 54 32"));
        Assert.That(fresh.SelectedChannel, Is.EqualTo(PaymentChannel.MobileMoney));
    }
}
