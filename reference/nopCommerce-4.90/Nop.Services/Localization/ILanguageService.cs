using Nop.Core.Domain.Localization;

namespace Nop.Services.Localization;

// Subset: called by the plugin, not implemented.
public partial interface ILanguageService
{
    Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0);

    Task<Language> GetLanguageByIdAsync(int languageId);

    string GetTwoLetterIsoLanguageName(Language language);
}
