namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>The short list of facts shown at the top of the plugin's pages (each line only when known).</summary>
public sealed record OrderFactsModel(string? OrderNumber, string? Amount, string? Phone = null, string? Operator = null);
