using MyPayGa.Client.Phones;
using Nop.Services.Localization;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>The outcome of checking a mobile-money number typed by the shopper.</summary>
public sealed record PhoneValidationResult
{
    public required bool IsValid { get; init; }
    /// <summary>Localised, for the shopper; null when valid.</summary>
    public string? ErrorMessage { get; init; }
    public PhoneNumber? Phone { get; init; }
    /// <summary>What MyPayGa is sent (normalised digits).</summary>
    public string? ForMyPayGa => Phone?.ForMyPayGa;
    /// <summary>Masked, with the operator when known: "074 ••• •11 (Airtel Money)". Safe for pages and notes.</summary>
    public string? Display { get; init; }
}

/// <summary>
/// Server-side check of a mobile-money number, and of a card payment's receipt phone, with localised messages (used
/// by the payment-info form, the retry page and StartAsync). Numbers of other countries are accepted (MyPayGa's own
/// test data has some); a Gabonese mobile-money number must be an Airtel Money or Moov Money number.
/// </summary>
public class MyPayGaPhoneValidator
{
    private readonly ILocalizationService _localizationService;

    public MyPayGaPhoneValidator(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    public virtual async Task<PhoneValidationResult> ValidateAsync(string? input)
    {
        if (!PhoneNumber.TryParse(input, out var phone, out var error))
            return await InvalidAsync(error, ServiceKeys.ValidationPhoneRequired);

        if (phone!.IsGabonese && phone.Operator == MobileOperator.Unknown)
            return new PhoneValidationResult
            {
                IsValid = false,
                ErrorMessage = await _localizationService.GetResourceAsync(ServiceKeys.ValidationPhoneNotMobileMoney),
            };

        return new PhoneValidationResult { IsValid = true, Phone = phone, Display = Describe(phone) };
    }

    /// <summary>
    /// The phone a card payment gives MyPayGa (gethash requires one, for its receipt): any number that reads as a
    /// phone number, landlines and other countries included; no operator is needed.
    /// </summary>
    public virtual async Task<PhoneValidationResult> ValidateReceiptPhoneAsync(string? input)
    {
        if (!PhoneNumber.TryParse(input, out var phone, out var error))
            return await InvalidAsync(error, ServiceKeys.ValidationCardPhoneRequired);

        return new PhoneValidationResult { IsValid = true, Phone = phone, Display = phone!.Masked };
    }

    private async Task<PhoneValidationResult> InvalidAsync(PhoneNumberError error, string emptyKey)
    {
        var key = error switch
        {
            PhoneNumberError.Empty => emptyKey,
            PhoneNumberError.InvalidCharacters => ServiceKeys.ValidationPhoneInvalidCharacters,
            PhoneNumberError.TooShort => ServiceKeys.ValidationPhoneTooShort,
            PhoneNumberError.TooLong => ServiceKeys.ValidationPhoneTooLong,
            _ => ServiceKeys.ValidationPhoneInvalid,
        };
        return new PhoneValidationResult { IsValid = false, ErrorMessage = await _localizationService.GetResourceAsync(key) };
    }

    /// <summary>"074 ••• •11 (Airtel Money)", or only the masked number when the operator is not known.</summary>
    public static string Describe(PhoneNumber phone) =>
        phone.Operator == MobileOperator.Unknown ? phone.Masked : $"{phone.Masked} ({phone.OperatorName})";

    /// <summary>For logs: masked when it parses, else only its length.</summary>
    public static string MaskForLog(string? input) =>
        string.IsNullOrWhiteSpace(input) ? "-"
        : PhoneNumber.TryParse(input, out var phone, out _) ? phone!.Masked
        : $"(unreadable, {input.Length} characters)";
}
