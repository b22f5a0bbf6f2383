namespace Nop.Services;

public abstract partial class BaseNopResult
{
    // reference: minimal working body for tests
    public bool Success => Errors.Count == 0;

    // reference: minimal working body for tests
    public virtual void AddError(string error) => Errors.Add(error);

    // reference: minimal working body for tests
    public IList<string> Errors { get; set; } = new List<string>();
}
