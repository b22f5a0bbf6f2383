namespace Nop.Core.Configuration;

// Marker interface of every settings class.
public partial interface ISettings;
