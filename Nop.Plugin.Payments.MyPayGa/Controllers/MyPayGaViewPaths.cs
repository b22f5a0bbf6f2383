namespace Nop.Plugin.Payments.MyPayGa.Controllers;

/// <summary>The plugin's views (nopCommerce finds plugin views by absolute path).</summary>
public static class MyPayGaViewPaths
{
    public const string PaymentInfo = MyPayGaDefaults.PluginFolder + "/Views/PaymentInfo.cshtml";
    public const string Pending = MyPayGaDefaults.PluginFolder + "/Views/Pending.cshtml";
    public const string Retry = MyPayGaDefaults.PluginFolder + "/Views/Retry.cshtml";
    public const string CardRedirect = MyPayGaDefaults.PluginFolder + "/Views/CardRedirect.cshtml";
    public const string Result = MyPayGaDefaults.PluginFolder + "/Views/Result.cshtml";
    public const string Configure = MyPayGaDefaults.PluginFolder + "/Views/Configure.cshtml";
    public const string OrderPanel = MyPayGaDefaults.PluginFolder + "/Views/AdminOrderPanel.cshtml";
    public const string Confirm = MyPayGaDefaults.PluginFolder + "/Views/AdminConfirm.cshtml";
    public const string ReviewQueue = MyPayGaDefaults.PluginFolder + "/Views/AdminReviewQueue.cshtml";
}
