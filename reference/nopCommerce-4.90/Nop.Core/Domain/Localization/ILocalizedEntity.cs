namespace Nop.Core.Domain.Localization;

// Marker interface of entities with localized properties.
public partial interface ILocalizedEntity;
