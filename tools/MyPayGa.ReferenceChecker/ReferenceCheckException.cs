namespace MyPayGa.ReferenceChecker;

/// <summary>The comparison could not run (bad folder, missing or unreadable assembly): exit code 2.</summary>
public sealed class ReferenceCheckException(string message, Exception? innerException = null)
    : Exception(message, innerException);
