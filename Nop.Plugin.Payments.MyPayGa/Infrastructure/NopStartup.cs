using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyPayGa.Client;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.MyPayGa.Factories;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Plugin.Payments.MyPayGa.Services.Farm;
using Nop.Plugin.Payments.MyPayGa.Services.Ledger;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Payments.MyPayGa.Infrastructure;

/// <summary>Registers the MyPayGa client and the plugin's services in nopCommerce's container.</summary>
public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // WithProxy returns void in nopCommerce 4.90, so it comes last (the client's own handlers are already added).
        services.AddMyPayGaClient().WithProxy();

        services.TryAddSingleton(TimeProvider.System);
        // The payment ledger: in-process guard per order, database claims across instances (docs/architecture.md).
        services.AddSingleton<OrderGuard>();
        services.AddSingleton<CallbackCoordinator>();
        services.AddScoped<IMyPayGaClaimStore, MyPayGaClaimStore>();
        services.AddScoped<IOrderNoteWriter, OrderNoteWriter>();
        services.AddScoped<IMyPayGaRefundService, MyPayGaRefundService>();

        services.AddScoped<IMyPayGaAccountProvider, MyPayGaAccountProvider>();
        services.AddScoped<IXafAmountService, XafAmountService>();
        services.AddScoped<IPaymentAttemptStore, PaymentAttemptStore>();
        services.AddScoped<MyPayGaPhoneValidator>();
        services.AddScoped<IMyPayGaCheckoutService, MyPayGaCheckoutService>();
        services.AddScoped<IPaymentStatusProcessor, PaymentStatusProcessor>();
        services.AddScoped<IMyPayGaCallbackHandler, MyPayGaCallbackHandler>();
        // One cache for the whole application: it is what makes the pending page's polling cheap. What it keeps, and the
        // last read of each attempt, go to nopCommerce's distributed cache on a web farm (Redis): shared by every
        // instance. With nopCommerce's in-memory cache (one instance) they stay in this process.
        services.AddSingleton<IPaymentStateStore>(PaymentStateStores.Create);
        services.AddSingleton<AttemptReadFlights>();
        services.AddScoped<IAttemptReader, AttemptReader>();
        services.AddSingleton<IPaymentStatusCache, PaymentStatusCache>();

        // The shopper's pages and the checkout's payment-info block: their view models.
        services.AddScoped<IXafAmountFormatter, XafAmountFormatter>();
        services.AddScoped<IMyPayGaPublicModelFactory, MyPayGaPublicModelFactory>();

        // Store owner's tools: encrypted keys, configuration page, test connection, warnings, languages.
        // (EventConsumer is found and registered by nopCommerce itself, as every IConsumer<T>.)
        services.AddScoped<IMyPayGaKeyProtector, MyPayGaKeyProtector>();
        services.AddScoped<IMyPayGaSecretMigration, MyPayGaSecretMigration>();
        services.AddScoped<IMyPayGaLocaleInstaller, MyPayGaLocaleInstaller>();
        services.AddScoped<IMyPayGaConnectionTester, MyPayGaConnectionTester>();
        services.AddScoped<IMyPayGaWarningService, MyPayGaWarningService>();
        services.AddScoped<IMyPayGaConfigurationService, MyPayGaConfigurationService>();
        services.AddScoped<IMyPayGaConfigurationModelFactory, MyPayGaConfigurationModelFactory>();

        // Admin operations: the order panel, decisions, payment links, the review queue (PaymentLinkEventConsumer is
        // found by nopCommerce as every IConsumer<T>).
        services.AddScoped<IMyPayGaReviewDecisionService, MyPayGaReviewDecisionService>();
        services.AddScoped<IMyPayGaPaymentLinkService, MyPayGaPaymentLinkService>();
        // E-mailing a link through nopCommerce's message templates (PaymentLinkTokensConsumer is found by nopCommerce).
        services.AddScoped<IMyPayGaMessageTemplateInstaller, MyPayGaMessageTemplateInstaller>();
        services.AddScoped<IMyPayGaPaymentLinkMailer, MyPayGaPaymentLinkMailer>();
        services.AddScoped<IMyPayGaReviewQueueService, MyPayGaReviewQueueService>();
        services.AddScoped<IMyPayGaAdminModelFactory, MyPayGaAdminModelFactory>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>After nopCommerce's own registrations (2000, 2002), like most shipped plugins.</summary>
    public int Order => 3000;
}
