namespace Nop.Services.Events;

// Implemented by the plugin: every member is declared (see implemented-interfaces.txt).
public partial interface IConsumer<T>
{
    Task HandleEventAsync(T eventMessage);
}
