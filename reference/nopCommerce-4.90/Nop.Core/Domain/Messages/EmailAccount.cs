namespace Nop.Core.Domain.Messages;

// Subset: the address and the name shown as sender; the SMTP and OAuth properties are not declared.
public partial class EmailAccount : BaseEntity
{
    public string Email { get; set; }

    public string DisplayName { get; set; }
}
